// Cancels a sign-up: every hold (or the confirmed workshop) is released with a comment, the
// municipality gets a mail, the step is logged. Repeating it after a lost connection gives 200.
import { cancelSignup } from '../../../app/cancel-signup.js';
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
  ZCancelSignupParams,
  ZCancelSignupRequest,
  ZCancelSignupResponse,
} from './cancel-signup.schema.js';

export default defineRoute({
  method: 'POST',
  url: '/signups/:signupId/cancel',
  operationId: 'cancelSignup',
  summary: 'Annuleert een aanmelding en geeft alle opties en afspraken vrij',
  description:
    'Veilig te herhalen: is de aanmelding al geannuleerd, dan volgt 200 met de aanmelding.',
  tags: ['Aanmeldingen'],
  permission: 'signups:cancel',
  problems: ['NOT_FOUND', 'CONFLICT', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  schemas: {
    params: ZCancelSignupParams,
    body: ZCancelSignupRequest,
    response: { 200: ZCancelSignupResponse },
  },
  handler: async (route): Promise<TSignupView> => {
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
  },
});
