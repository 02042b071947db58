import { z } from 'zod';
import { RIECS } from '../../../domain/municipalities.js';
import { ZAvailability, ZSlotView, ZTrainerView } from '../../views/signup-view.schema.js';

export const ZGetAvailabilityRequest = z.strictObject({
  slots: z
    .array(
      z.strictObject({
        start: z.string().max(64).describe('ISO 8601 met tijdzone'),
        end: z.string().max(64),
      }),
    )
    .min(1)
    .max(3)
    .describe('De voorkeuren om te controleren (uit de mail of het formulier)'),
  cbsCode: z
    .string()
    .max(16)
    .trim()
    .toUpperCase()
    .optional()
    .describe('De gemeente, als die al bekend is: controleert dat u voor haar plant'),
});

export type TGetAvailabilityRequest = z.infer<typeof ZGetAvailabilityRequest>;

const ZVerdict = z.enum([
  'beide_vrij',
  'berenschot_onbekend',
  'riec_onbekend',
  'beide_onbekend',
  'bezet',
]);

export const ZGetAvailabilityResponse = z.object({
  municipality: z.object({ cbsCode: z.string(), name: z.string(), riec: z.enum(RIECS) }).nullable(),
  slots: z.array(ZSlotView),
  trainers: z.array(
    z.object({
      trainer: ZTrainerView,
      visible: z.boolean().describe('Of de agenda zichtbaar is (Berenschot-agenda’s meestal niet)'),
      availability: z.array(
        z.object({ slotIndex: z.number().int(), availability: ZAvailability, label: z.string() }),
      ),
    }),
  ),
  pairs: z
    .array(
      z.object({
        rank: z.number().int().describe('1 is het beste paar'),
        berenschot: ZTrainerView,
        riec: ZTrainerView,
        slots: z.array(
          z.object({
            slotIndex: z.number().int(),
            verdict: ZVerdict,
            berenschot: ZAvailability,
            riec: ZAvailability,
          }),
        ),
        bothFreeCount: z.number().int(),
        berenschotUnknownCount: z.number().int(),
        isViable: z.boolean(),
        reason: z.string().describe('Uitleg in het Nederlands'),
      }),
    )
    .describe('Beste eerst'),
});

export type TGetAvailabilityResponse = z.infer<typeof ZGetAvailabilityResponse>;
