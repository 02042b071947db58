import { z } from 'zod';
import { ZSignupIdParams, ZSignupView } from '../../views/signup-view.schema.js';

export const ZProposeHoldsParams = ZSignupIdParams;

export const ZProposeHoldsRequest = z.strictObject({
  berenschot: z.email().max(320).describe('E-mailadres van de adviseur van Berenschot'),
  riec: z.email().max(320).describe('E-mailadres van de RIEC-adviseur'),
});

export type TProposeHoldsRequest = z.infer<typeof ZProposeHoldsRequest>;

export const ZProposeHoldsResponse = ZSignupView;
