// Places the three tentative holds with the chosen trainer pair: the invitations go out from the
// account holder's own calendar (on their behalf). Repeating the request after a lost connection
// is safe: a sign-up that already has its options with this pair comes back with 200.
import { proposeHolds } from '../../../app/propose-holds.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { proposeHolds as proposeHoldsOperation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toSignupView } from '../../views/signup-view.js';
import { answerRepeatedCommand, isSameAddress } from './_retry.js';

export default implement(proposeHoldsOperation, async (route) => {
  const ctx = useCasesFor(route);
  const id = toSignupId(route.params.signupId);
  const choice = route.body;
  const outcome = await answerRepeatedCommand(
    ctx,
    id,
    await proposeHolds(ctx, id, choice),
    (signup) =>
      signup.status === 'opties_geplaatst' &&
      signup.pair !== undefined &&
      isSameAddress(signup.pair.berenschot.email, choice.berenschot) &&
      isSameAddress(signup.pair.riec.email, choice.riec),
  );
  return toSignupView(unwrapOutcome(outcome), viewContextOf(route));
});
