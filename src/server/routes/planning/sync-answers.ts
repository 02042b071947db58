// Reads the trainers' answers from the caller's own calendar now (calendarView/delta: one
// request when nothing changed), instead of waiting for the background cycle.
import { canRead } from '../../../app/access.js';
import { getSignup } from '../../../app/read-signups.js';
import { syncAnswers } from '../../../app/sync-answers.js';
import { syncAnswers as syncAnswersOperation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toSignupView } from '../../views/signup-view.js';

export default implement(syncAnswersOperation, async (route) => {
  const ctx = useCasesFor(route);
  const report = await syncAnswers(ctx, route.access.email);
  const suspicious = report.ignored.filter((c) => c.reason === 'otherOrganizer');
  if (suspicious.length > 0) {
    // Events in the caller's calendar dressed up as holds of sign-ups that are not theirs.
    route.request.log.warn({ suspicious }, 'suspicious calendar events ignored by sync');
  }
  // The use case remembered what it wrote; a sign-up it did not is read (and access-checked).
  const updated = await Promise.all(
    report.updated.map(async (id) => {
      const cached = ctx.state.signups.recall(id);
      if (cached && canRead(route.access, cached.signup.riec)) return cached;
      const read = await getSignup(ctx, id);
      return read.ok ? read.value : undefined;
    }),
  );
  const view = viewContextOf(route);
  return {
    organizer: report.organizer,
    changes: report.changes,
    updated: [...report.updated],
    failed: [...report.failed],
    signups: updated.flatMap((stored) => (stored ? [toSignupView(stored, view)] : [])),
  };
});
