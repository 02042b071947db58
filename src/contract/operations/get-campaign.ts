import * as z from 'zod/mini';
import { RIECS, TRAINER_ROLES } from '../lists.js';
import { defineOperation } from '../operation.js';
import { described, ZPlainDate } from '../schemas/common.js';

export const ZGetCampaignResponse = z.object({
  id: z.string(),
  title: z.string(),
  audience: z.string(),
  provider: z.object({ name: z.string(), partners: z.array(z.enum(RIECS)) }),
  isFree: z.boolean(),
  signupDeadline: described(
    z.iso.date(),
    'Laatste dag om aan te melden (tot het eind van die dag)',
  ),
  signupDeadlineInstant: described(z.iso.datetime(), 'Het laatste moment om aan te melden (UTC)'),
  isSignupOpen: z.boolean(),
  daysToDeadline: described(
    z.int(),
    'Kalenderdagen tot de deadline: 0 op de dag zelf, negatief als die voorbij is',
  ),
  window: z.object({ start: ZPlainDate, end: ZPlainDate }),
  preferenceCount: z.int(),
  maxDurationMinutes: z.int(),
  defaultDurationMinutes: z.int(),
  trainerRoles: z.array(
    z.object({ role: z.enum(TRAINER_ROLES), organisation: z.string(), count: z.int() }),
  ),
  holdLapseDays: z.int(),
  meetingHours: z.object({ start: z.string(), end: z.string() }),
});
export type TGetCampaignResponse = z.infer<typeof ZGetCampaignResponse>;

export const ZGetCampaignQuery = z.object({
  campaignId: described(
    z.optional(z.string().check(z.maxLength(50))),
    'Deze editie in plaats van de huidige',
  ),
});

export const getCampaign = defineOperation({
  operationId: 'getCampaign',
  method: 'GET',
  path: '/campaign',
  summary:
    'Geeft de lopende campagne (of een gekozen editie), haar regels en de dagen tot de deadline',
  tags: ['Campagne'],
  permission: 'campaign:read',
  problems: ['NOT_FOUND'],
  query: ZGetCampaignQuery,
  response: { status: 200, schema: ZGetCampaignResponse },
});
