import { z } from 'zod';
import { ZSignupIdParams, ZSignupView } from '../../views/signup-view.schema.js';

export const ZConfirmSlotParams = ZSignupIdParams;

export const ZConfirmSlotRequest = z.strictObject({
  slotIndex: z.number().int().min(0).max(2).describe('De optie die de workshop wordt (vanaf 0)'),
  override: z
    .strictObject({
      reason: z.string().max(2000).describe('Waarom zonder akkoord van beide trainers in Outlook'),
    })
    .optional()
    .describe('Alleen als niet beide trainers de optie hebben geaccepteerd; wordt gelogd'),
});

export type TConfirmSlotRequest = z.infer<typeof ZConfirmSlotRequest>;

export const ZConfirmSlotResponse = ZSignupView;
