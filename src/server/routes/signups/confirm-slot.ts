// Confirms one option: it becomes the workshop (the mayor's office is invited), the other holds
// are released, the step is logged. Needs both trainers' acceptance or an override with a reason,
// and a fresh free/busy check. Repeating it after a lost connection gives 200 with the sign-up.
import { confirmSlot } from '../../../app/confirm-slot.js';
import { domainRuleViolated } from '../../../app/errors.js';
import { createIssue } from '../../../domain/errors.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { defineRoute } from '../../http/define-route.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toSignupView } from '../../views/signup-view.js';
import type { TSignupView } from '../../views/signup-view.schema.js';
import { answerRepeatedCommand } from './_retry.js';
import {
  ZConfirmSlotParams,
  ZConfirmSlotRequest,
  ZConfirmSlotResponse,
} from './confirm-slot.schema.js';

export default defineRoute({
  method: 'POST',
  url: '/signups/:signupId/confirm',
  operationId: 'confirmSlot',
  summary: 'Bevestigt één optie als de workshop en laat de andere vervallen',
  description:
    'Vraagt het akkoord van beide trainers (of een uitzondering met reden) en een verse ' +
    'vrij/bezet-controle. Veilig te herhalen: is deze optie al bevestigd, dan volgt 200 met de ' +
    'aanmelding in plaats van 409.',
  tags: ['Aanmeldingen'],
  permission: 'signups:confirm',
  problems: ['NOT_FOUND', 'CONFLICT', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  schemas: {
    params: ZConfirmSlotParams,
    body: ZConfirmSlotRequest,
    response: { 200: ZConfirmSlotResponse },
  },
  handler: async (route): Promise<TSignupView> => {
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
  },
});
