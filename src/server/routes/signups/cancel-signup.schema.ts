import { z } from 'zod';
import { ZSignupIdParams, ZSignupView } from '../../views/signup-view.schema.js';

export const ZCancelSignupParams = ZSignupIdParams;

export const ZCancelSignupRequest = z.strictObject({
  reason: z.string().max(2000).describe('Waarom; gaat mee naar de trainers en de gemeente'),
});

export const ZCancelSignupResponse = ZSignupView;
