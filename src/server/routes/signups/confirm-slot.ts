// Confirms one option: it becomes the workshop (the mayor's office is invited), the other holds
// are released, the step is logged. Needs both trainers' acceptance or an override with a reason,
// and a fresh free/busy check. Repeating it after a lost connection gives 200 with the sign-up.
import { confirmSlot } from '../../../app/confirm-slot.js';
import { domainRuleViolated } from '../../../app/errors.js';
import { createIssue } from '../../../domain/errors.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { confirmSlot as confirmSlotOperation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toSignupView } from '../../views/signup-view.js';
import { answerRepeatedCommand } from './_retry.js';

export default implement(confirmSlotOperation, async (route) => {
  const { slotIndex, override } = route.body;
  if (override && override.reason.trim() === '') {
    // An override is logged with its reason; without one it is not an override.
    throw domainRuleViolated([
      createIssue('OVERRIDE_REASON_REQUIRED', 'override.reason', { index: slotIndex }),
    ]);
  }
  const ctx = useCasesFor(route);
  const id = toSignupId(route.params.signupId);
  const outcome = await answerRepeatedCommand(
    ctx,
    id,
    await confirmSlot(ctx, id, slotIndex, override),
    (signup) =>
      (signup.status === 'bevestigd' || signup.status === 'uitgevoerd') &&
      signup.confirmedSlotIndex === slotIndex,
  );
  return toSignupView(unwrapOutcome(outcome), viewContextOf(route));
});
