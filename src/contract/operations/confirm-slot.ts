import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { described, ZSignupIdParams } from '../schemas/common.js';
import { ZSignupView } from '../schemas/signup-view.js';

export const ZConfirmSlotRequest = z.strictObject({
  slotIndex: described(
    z.int().check(z.minimum(0), z.maximum(2)),
    'De optie die de workshop wordt (vanaf 0)',
  ),
  override: described(
    z.optional(
      z.strictObject({
        reason: described(
          z.string().check(z.maxLength(2000)),
          'Waarom zonder akkoord van beide trainers in Outlook',
        ),
      }),
    ),
    'Alleen als niet beide trainers de optie hebben geaccepteerd; wordt gelogd',
  ),
});
export type TConfirmSlotRequest = z.input<typeof ZConfirmSlotRequest>;

export const confirmSlot = defineOperation({
  operationId: 'confirmSlot',
  method: 'POST',
  path: '/signups/{signupId}/confirm',
  summary: 'Bevestigt één optie als de workshop en laat de andere vervallen',
  description:
    'Vraagt het akkoord van beide trainers (of een uitzondering met reden) en een verse ' +
    'vrij/bezet-controle. Geeft een trainer op dat moment al een andere workshop, dan volgt 409 ' +
    'met TRAINER_TAKEN. Veilig te herhalen: is deze optie al bevestigd, dan volgt 200 met de ' +
    'aanmelding in plaats van 409.',
  tags: ['Aanmeldingen'],
  permission: 'signups:confirm',
  problems: ['NOT_FOUND', 'CONFLICT', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  params: ZSignupIdParams,
  body: ZConfirmSlotRequest,
  response: { status: 200, schema: ZSignupView },
});
