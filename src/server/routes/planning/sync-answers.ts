// Reads the trainers' answers from the caller's own calendar now (calendarView/delta: one
// request when nothing changed), instead of waiting for the background cycle.
import { canRead } from '../../../app/access.js';
import { getSignup } from '../../../app/read-signups.js';
import { syncAnswers } from '../../../app/sync-answers.js';
import { defineRoute } from '../../http/define-route.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toSignupView } from '../../views/signup-view.js';
import { ZSyncAnswersResponse, type TSyncAnswersResponse } from './sync-answers.schema.js';

export default defineRoute({
  method: 'POST',
  url: '/sync',
  operationId: 'syncAnswers',
  summary: 'Verwerkt nu de antwoorden van de trainers uit uw eigen agenda',
  description:
    'Leest de wijzigingen in de agenda van de aangemelde accounthouder sinds de vorige keer en ' +
    'legt de antwoorden van de trainers vast. Veilig te herhalen.',
  tags: ['Planning'],
  permission: 'signups:sync',
  problems: ['GRAPH_UNAVAILABLE'],
  schemas: { response: { 200: ZSyncAnswersResponse } },
  handler: async (route): Promise<TSyncAnswersResponse> => {
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
  },
});
