// The province dashboard (campaign issue 13, item 2): per RIEC the funnel of an edition, the days
// to its deadline, sign-ups and confirmations per week, each trainer's workshops and holds, the
// weerbaarheidsscan answers counted and what needs someone's action first. Account holder: own
// RIEC(s); coordinator: every RIEC. Also (items 3 and 4) when the last reminder went to each
// municipality that did not sign up and which are due, and the holds that lapse within 2 days.
// Read in one query of the sign-up list (per RIEC in parallel) and, alongside, the reminder lines.
import * as z from 'zod/mini';
import { NEEDS_ACTION, SCAN_STATUSES, TRAINER_ROLES } from '../lists.js';
import { defineOperation } from '../operation.js';
import { described } from '../schemas/common.js';
import { ZRiec } from '../schemas/signup-view.js';

export const ZFunnel = z.object({
  notSignedUp: described(z.int(), 'Nog niet aangemeld in deze editie'),
  registered: described(z.int(), 'Aangemeld, nog geen opties geplaatst'),
  optionsPlaced: described(z.int(), 'Opties geplaatst, alle trainers antwoordden'),
  waitingForTrainers: described(z.int(), 'Opties geplaatst, een trainer antwoordde nog niet'),
  confirmed: described(z.int(), 'Bevestigd of uitgevoerd'),
  newDatesNeeded: z.int(),
  cancelled: z.int(),
});
export type TFunnel = z.infer<typeof ZFunnel>;

export const ZDashboardQuery = z.object({
  campaignId: described(
    z.optional(z.string().check(z.maxLength(50))),
    'Deze editie in plaats van de huidige',
  ),
});

export const ZGetDashboardResponse = z.object({
  campaignId: z.string(),
  title: z.string(),
  signupDeadline: z.iso.date(),
  daysToDeadline: described(
    z.int(),
    'Kalenderdagen tot de deadline: 0 op de dag zelf, negatief als die voorbij is',
  ),
  isSignupOpen: z.boolean(),
  riecs: z.array(z.object({ riec: ZRiec, municipalities: z.int(), funnel: ZFunnel })),
  total: ZFunnel,
  weeks: described(
    z.array(
      z.object({
        week: described(z.iso.date(), 'Maandag van de week'),
        signedUp: z.int(),
        confirmed: described(
          z.int(),
          'Bevestigingen, gedateerd op het laatste trainersantwoord vóór het bevestigen',
        ),
        signedUpTotal: z.int(),
        confirmedTotal: z.int(),
      }),
    ),
    'Aanmeldingen en bevestigingen per week, oudste eerst',
  ),
  trainers: z.array(
    z.object({
      email: z.string(),
      name: z.string(),
      role: z.enum(TRAINER_ROLES),
      workshops: z.int(),
      holds: described(z.int(), 'Open opties in aanmeldingen die op bevestiging wachten'),
      unanswered: described(z.int(), 'Daarvan nog niet beantwoord door deze trainer'),
    }),
  ),
  scan: z.record(z.enum(SCAN_STATUSES), z.int()),
  actions: described(
    z.array(
      z.object({
        signupId: z.string(),
        cbsCode: z.string(),
        displayName: z.string(),
        riec: ZRiec,
        needsAction: z.enum(NEEDS_ACTION),
      }),
    ),
    'Wat het eerst iemands actie vraagt, het dringendste eerst',
  ),
  reminders: described(
    z.array(
      z.object({
        cbsCode: z.string(),
        displayName: z.string(),
        riec: ZRiec,
        sentCount: described(z.int(), 'Aantal verstuurde herinneringen in deze editie'),
        lastSentAt: described(z.nullable(z.string()), 'Wanneer de laatste herinnering ging (UTC)'),
        dueSince: described(
          z.nullable(z.iso.date()),
          'Herinneringsdag sinds wanneer een herinnering klaarstaat; null: niet aan de beurt',
        ),
      }),
    ),
    'De gemeenten die zich nog niet aanmeldden: de laatste herinnering en of er een klaarstaat',
  ),
  lapsingHolds: described(
    z.array(
      z.object({
        signupId: z.string(),
        cbsCode: z.string(),
        displayName: z.string(),
        riec: ZRiec,
        lapsesAt: described(z.string(), 'Wanneer de opties vervallen zonder bevestiging (UTC)'),
      }),
    ),
    'Opties die binnen 2 dagen vervallen, de eerste eerst',
  ),
});
export type TGetDashboardResponse = z.infer<typeof ZGetDashboardResponse>;

export const getDashboard = defineOperation({
  operationId: 'getDashboard',
  method: 'GET',
  path: '/dashboard',
  summary:
    'Geeft het dashboard van een editie: per RIEC de trechter, de weken, de trainers en de acties',
  tags: ['Campagne'],
  permission: 'signups:read',
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  query: ZDashboardQuery,
  response: { status: 200, schema: ZGetDashboardResponse },
});
