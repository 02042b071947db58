// Other dates on the same sign-up ("andere data", or after "nieuwe data nodig"): the holds are
// released, the status goes back to aangemeld, the log keeps the history. No "geannuleerd" mail.
import { giveNewDates } from '../../../app/edit-signup.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { updateSignupDates as updateSignupDatesOperation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toFieldMessages, toSignupView } from '../../views/signup-view.js';

export default implement(updateSignupDatesOperation, async (route) => {
  const ctx = useCasesFor(route);
  const { eTag, preferences, reason } = route.body;
  const outcome = await giveNewDates(ctx, toSignupId(route.params.signupId), {
    eTag,
    preferences,
    ...(reason === undefined ? {} : { reason }),
  });
  const stored = unwrapOutcome(outcome);
  return {
    signup: toSignupView(stored, viewContextOf(route)),
    warnings: toFieldMessages(outcome.ok ? (outcome.warnings ?? []) : [], route.language),
  };
});
