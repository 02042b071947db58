import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { described, ZSignupIdParams } from '../schemas/common.js';
import { ZSignupView } from '../schemas/signup-view.js';

export const ZProposeHoldsRequest = z.strictObject({
  berenschot: described(
    z.email().check(z.maxLength(320)),
    'E-mailadres van de adviseur van Berenschot',
  ),
  riec: described(z.email().check(z.maxLength(320)), 'E-mailadres van de RIEC-adviseur'),
  acknowledgeOverlaps: described(
    z.optional(z.boolean()),
    'Toch plaatsen: de accounthouder heeft gezien dat een trainer op een voorkeur al een workshop of optie heeft (409 met HOLD_OVERLAPS_*)',
  ),
});
export type TProposeHoldsRequest = z.input<typeof ZProposeHoldsRequest>;

export const proposeHolds = defineOperation({
  operationId: 'proposeHolds',
  method: 'POST',
  path: '/signups/{signupId}/propose',
  summary: 'Plaatst de opties (voorlopige afspraken) bij het gekozen trainerspaar',
  description:
    'Maakt per voorkeur een voorlopige afspraak in de agenda van de accounthouder met beide ' +
    'trainers als verplichte deelnemers. Heeft een trainer op een voorkeur al een workshop of ' +
    'een optie voor een andere gemeente, dan volgt 409 met HOLD_OVERLAPS_WORKSHOP of ' +
    'HOLD_OVERLAPS_HOLD per voorkeur en wordt er niets geplaatst; met acknowledgeOverlaps: ' +
    'true gebeurt het toch. Veilig te herhalen: staan de opties er al met dit paar, dan volgt ' +
    '200 met de aanmelding in plaats van 409.',
  tags: ['Aanmeldingen'],
  permission: 'signups:propose',
  problems: ['NOT_FOUND', 'CONFLICT', 'GRAPH_UNAVAILABLE'],
  params: ZSignupIdParams,
  body: ZProposeHoldsRequest,
  response: { status: 200, schema: ZSignupView },
});
