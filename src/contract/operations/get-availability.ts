import * as z from 'zod/mini';
import { PAIR_VERDICTS } from '../lists.js';
import { defineOperation } from '../operation.js';
import { described, ZSlotView, ZTrainerView } from '../schemas/common.js';
import { ZAvailability, ZRiec } from '../schemas/signup-view.js';

export const ZGetAvailabilityRequest = z.strictObject({
  slots: described(
    z
      .array(
        z.strictObject({
          start: described(z.string().check(z.maxLength(64)), 'ISO 8601 met tijdzone'),
          end: z.string().check(z.maxLength(64)),
        }),
      )
      .check(z.minLength(1), z.maxLength(3)),
    'De voorkeuren om te controleren (uit de mail of het formulier)',
  ),
  cbsCode: described(
    z.optional(z.string().check(z.maxLength(16), z.trim(), z.toUpperCase())),
    'De gemeente, als die al bekend is: controleert dat u voor haar plant',
  ),
});
export type TGetAvailabilityRequest = z.input<typeof ZGetAvailabilityRequest>;

export const ZPairView = z.object({
  rank: described(z.int(), '1 is het beste paar'),
  berenschot: ZTrainerView,
  riec: ZTrainerView,
  slots: z.array(
    z.object({
      slotIndex: z.int(),
      verdict: z.enum(PAIR_VERDICTS),
      berenschot: ZAvailability,
      riec: ZAvailability,
    }),
  ),
  bothFreeCount: z.int(),
  berenschotUnknownCount: z.int(),
  isViable: z.boolean(),
  reason: described(z.string(), 'Uitleg in het Nederlands'),
});
export type TPairView = z.infer<typeof ZPairView>;

export const ZGetAvailabilityResponse = z.object({
  municipality: z.nullable(z.object({ cbsCode: z.string(), name: z.string(), riec: ZRiec })),
  slots: z.array(ZSlotView),
  trainers: z.array(
    z.object({
      trainer: ZTrainerView,
      visible: described(
        z.boolean(),
        'Of de agenda zichtbaar is (Berenschot-agenda’s meestal niet)',
      ),
      availability: z.array(z.object({ slotIndex: z.int(), availability: ZAvailability })),
      load: described(
        z.optional(z.object({ workshops: z.int(), holds: z.int() })),
        'Bevestigde workshops en openstaande opties van de trainer in de campagne',
      ),
      stated: described(
        z.optional(z.boolean()),
        'Of de trainer zelf beschikbaarheid heeft opgegeven (Mijn beschikbaarheid)',
      ),
    }),
  ),
  pairs: described(z.array(ZPairView), 'Beste eerst'),
});
export type TGetAvailabilityResponse = z.infer<typeof ZGetAvailabilityResponse>;

export const getAvailability = defineOperation({
  operationId: 'getAvailability',
  method: 'POST',
  path: '/availability',
  summary: 'Geeft de beschikbaarheid van de trainers en de beste trainersparen voor de voorkeuren',
  description:
    'Een POST omdat de voorkeuren in de body staan; er wordt niets opgeslagen of verstuurd. ' +
    'Een agenda die niet zichtbaar is (Berenschot) telt als onbekend, nooit als vrij.',
  tags: ['Planning'],
  permission: ['signups:propose', 'province:read'],
  problems: ['DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  body: ZGetAvailabilityRequest,
  response: { status: 200, schema: ZGetAvailabilityResponse },
});
