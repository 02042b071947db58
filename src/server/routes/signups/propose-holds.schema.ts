import { z } from 'zod';
import { ZSignupIdParams, ZSignupView } from '../../views/signup-view.schema.js';

export const ZProposeHoldsParams = ZSignupIdParams;

export const ZProposeHoldsRequest = z.strictObject({
  berenschot: z.email().max(320).describe('E-mailadres van de adviseur van Berenschot'),
  riec: z.email().max(320).describe('E-mailadres van de RIEC-adviseur'),
  acknowledgeOverlaps: z
    .boolean()
    .optional()
    .describe(
      'Toch plaatsen: de accounthouder heeft gezien dat een trainer op een voorkeur al een workshop of optie heeft (409 met HOLD_OVERLAPS_*)',
    ),
});

export type TProposeHoldsRequest = z.infer<typeof ZProposeHoldsRequest>;

export const ZProposeHoldsResponse = ZSignupView;
