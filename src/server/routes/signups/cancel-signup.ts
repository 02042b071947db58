// Cancels a sign-up: every hold (or the confirmed workshop) is released with a comment, the
// municipality gets a mail, the step is logged. Repeating it after a lost connection gives 200.
import { cancelSignup } from '../../../app/cancel-signup.js';
import { domainRuleViolated } from '../../../app/errors.js';
import { createIssue } from '../../../domain/errors.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { cancelSignup as cancelSignupOperation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toSignupView } from '../../views/signup-view.js';
import { answerRepeatedCommand } from './_retry.js';

export default implement(cancelSignupOperation, async (route) => {
  const reason = route.body.reason.trim();
  // The lifecycle refuses a blank reason too; here it is the request's fault (422), not a
  // conflict with the sign-up's state.
  if (reason === '')
    throw domainRuleViolated([createIssue('CANCEL_REASON_REQUIRED', 'reason', {})]);
  const ctx = useCasesFor(route);
  const id = toSignupId(route.params.signupId);
  const outcome = await answerRepeatedCommand(
    ctx,
    id,
    await cancelSignup(ctx, id, reason),
    (signup) => signup.status === 'geannuleerd',
  );
  return toSignupView(unwrapOutcome(outcome), viewContextOf(route));
});
