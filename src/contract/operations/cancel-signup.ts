import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { described, ZSignupIdParams } from '../schemas/common.js';
import { ZSignupView } from '../schemas/signup-view.js';

export const ZCancelSignupRequest = z.strictObject({
  reason: described(
    z.string().check(z.maxLength(2000)),
    'Waarom; gaat mee naar de trainers en de gemeente',
  ),
});
export type TCancelSignupRequest = z.input<typeof ZCancelSignupRequest>;

export const cancelSignup = defineOperation({
  operationId: 'cancelSignup',
  method: 'POST',
  path: '/signups/{signupId}/cancel',
  summary: 'Annuleert een aanmelding en geeft alle opties en afspraken vrij',
  description:
    'Veilig te herhalen: is de aanmelding al geannuleerd, dan volgt 200 met de aanmelding.',
  tags: ['Aanmeldingen'],
  permission: 'signups:cancel',
  problems: ['NOT_FOUND', 'CONFLICT', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  params: ZSignupIdParams,
  body: ZCancelSignupRequest,
  response: { status: 200, schema: ZSignupView },
});
