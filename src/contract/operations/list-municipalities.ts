import * as z from 'zod/mini';
import { NEEDS_ACTION } from '../lists.js';
import { defineOperation } from '../operation.js';
import { described, ZSlotView } from '../schemas/common.js';
import { ZRiec, ZSignupStatus } from '../schemas/signup-view.js';

/** A sign-up in one line of the dashboard: its status, the answers, what needs attention first. */
export const ZSignupSummary = z.object({
  id: z.string(),
  status: ZSignupStatus,
  confirmedSlot: z.nullable(ZSlotView),
  lapsesAt: z.nullable(z.string()),
  answers: described(
    z.object({
      accepted: z.int(),
      tentativelyAccepted: z.int(),
      declined: z.int(),
      pending: described(z.int(), 'Nog geen antwoord'),
    }),
    'Antwoorden van beide trainers op de opties van de lopende ronde',
  ),
  needsAction: z.nullable(z.enum(NEEDS_ACTION)),
  pendingOperation: z.boolean(),
});
export type TSignupSummary = z.infer<typeof ZSignupSummary>;

export const ZMunicipalityView = z.object({
  cbsCode: z.string(),
  name: described(z.string(), 'Zoals het CBS schrijft, bijvoorbeeld "Bergen (NH.)"'),
  displayName: z.string(),
  domain: z.string(),
  riec: ZRiec,
  signup: described(
    z.nullable(ZSignupSummary),
    'De aanmelding in de lopende campagne, als die er is',
  ),
});
export type TMunicipalityView = z.infer<typeof ZMunicipalityView>;

export const ZListMunicipalitiesResponse = z.object({
  campaignId: z.string(),
  signupDeadline: z.iso.date(),
  daysToDeadline: described(
    z.int(),
    'Kalenderdagen tot de deadline: 0 op de dag zelf, negatief als die voorbij is',
  ),
  isSignupOpen: z.boolean(),
  municipalities: z.array(ZMunicipalityView),
});
export type TListMunicipalitiesResponse = z.infer<typeof ZListMunicipalitiesResponse>;

export const ZListMunicipalitiesQuery = z.object({
  campaignId: described(
    z.optional(z.string().check(z.maxLength(50))),
    'De aanmeldingen in deze editie in plaats van de huidige',
  ),
});

export const listMunicipalities = defineOperation({
  operationId: 'listMunicipalities',
  method: 'GET',
  path: '/municipalities',
  summary: 'Geeft de gemeenten met de stand van hun aanmelding en de dagen tot de deadline',
  tags: ['Gemeenten'],
  permission: 'signups:read',
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  query: ZListMunicipalitiesQuery,
  response: { status: 200, schema: ZListMunicipalitiesResponse },
});
