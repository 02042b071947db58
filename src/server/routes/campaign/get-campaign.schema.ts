import { z } from 'zod';
import { RIECS } from '../../../domain/municipalities.js';

const ZPlainDate = z.iso.date().describe('Datum in Amsterdam (JJJJ-MM-DD)');

export const ZGetCampaignResponse = z.object({
  id: z.string(),
  title: z.string(),
  audience: z.string(),
  provider: z.object({ name: z.string(), partners: z.array(z.enum(RIECS)) }),
  isFree: z.boolean(),
  signupDeadline: ZPlainDate.describe('Laatste dag om aan te melden (tot het eind van die dag)'),
  signupDeadlineInstant: z.iso.datetime().describe('Het laatste moment om aan te melden (UTC)'),
  isSignupOpen: z.boolean(),
  daysToDeadline: z
    .number()
    .int()
    .describe('Kalenderdagen tot de deadline: 0 op de dag zelf, negatief als die voorbij is'),
  window: z.object({ start: ZPlainDate, end: ZPlainDate }),
  preferenceCount: z.number().int(),
  maxDurationMinutes: z.number().int(),
  defaultDurationMinutes: z.number().int(),
  trainerRoles: z.array(
    z.object({
      role: z.enum(['berenschot', 'riec']),
      organisation: z.string(),
      count: z.number().int(),
    }),
  ),
  holdLapseDays: z.number().int(),
  meetingHours: z.object({ start: z.string(), end: z.string() }),
});

export type TGetCampaignResponse = z.infer<typeof ZGetCampaignResponse>;
