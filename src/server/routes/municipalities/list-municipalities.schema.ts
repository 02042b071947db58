import { z } from 'zod';
import { RIECS } from '../../../domain/municipalities.js';
import { ZSignupStatus, ZSlotView } from '../../views/signup-view.schema.js';

/**
 * What the account holder should look at first, most urgent first:
 * - `new_dates_needed`: no option worked out; ask the municipality for new dates;
 * - `both_accepted`: both trainers accepted an option: it can be confirmed;
 * - `lapses_soon`: the options lapse within three days without a confirmation;
 * - `answer_received`: a trainer answered (e.g. declined or tentative) — have a look;
 * - `options_needed`: registered, no options placed yet.
 */
export const NEEDS_ACTION = [
  'new_dates_needed',
  'both_accepted',
  'lapses_soon',
  'answer_received',
  'options_needed',
] as const;

export const ZSignupSummary = z.object({
  id: z.string(),
  status: ZSignupStatus,
  statusLabel: z.string(),
  confirmedSlot: ZSlotView.nullable(),
  lapsesAt: z.string().nullable(),
  answers: z
    .object({
      accepted: z.number().int(),
      tentativelyAccepted: z.number().int(),
      declined: z.number().int(),
      pending: z.number().int().describe('Nog geen antwoord'),
    })
    .describe('Antwoorden van beide trainers op de opties van de lopende ronde'),
  needsAction: z.enum(NEEDS_ACTION).nullable(),
  pendingOperation: z.boolean(),
});

export type TSignupSummary = z.infer<typeof ZSignupSummary>;

export const ZMunicipalityView = z.object({
  cbsCode: z.string(),
  name: z.string().describe('Zoals het CBS schrijft, bijvoorbeeld "Bergen (NH.)"'),
  displayName: z.string(),
  domain: z.string(),
  riec: z.enum(RIECS),
  signup: ZSignupSummary.nullable().describe('De aanmelding in de lopende campagne, als die er is'),
});

export const ZListMunicipalitiesResponse = z.object({
  campaignId: z.string(),
  signupDeadline: z.iso.date(),
  daysToDeadline: z
    .number()
    .int()
    .describe('Kalenderdagen tot de deadline: 0 op de dag zelf, negatief als die voorbij is'),
  isSignupOpen: z.boolean(),
  municipalities: z.array(ZMunicipalityView),
});

export type TListMunicipalitiesResponse = z.infer<typeof ZListMunicipalitiesResponse>;
