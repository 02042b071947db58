// The sign-up as the API shows it: everything the tab and the add-in need to render a sign-up
// and its buttons without another call. Codes, not words (README.md); instants are UTC ISO 8601;
// slot indices are 0-based, as in field paths.
import * as z from 'zod/mini';
import { ZScanThemes } from './attendees.js';
import {
  AVAILABILITIES,
  COMMAND_TYPES,
  HOLD_STATES,
  RIECS,
  SCAN_STATUSES,
  SIGNUP_STATUSES,
  TRAINER_ANSWERS,
  USER_ACTIONS,
} from '../lists.js';
import { described, ZSlotView, ZTrainerView } from './common.js';

export const ZSignupStatus = z.enum(SIGNUP_STATUSES);
export const ZScanStatus = z.enum(SCAN_STATUSES);
export const ZRiec = z.enum(RIECS);
export const ZTrainerAnswer = z.enum(TRAINER_ANSWERS);
export const ZAvailability = z.enum(AVAILABILITIES);
export const ZHoldState = z.enum(HOLD_STATES);

const ZPerson = z.object({ name: z.string(), email: z.string() });

/** The contact at the municipality: the function apart from the name (salutation, issue 18). */
const ZContactView = z.object({
  name: z.string(),
  email: z.string(),
  function: described(
    z.optional(z.string()),
    'Functie, bijvoorbeeld kabinet van de burgemeester; ontbreekt als er geen is opgegeven',
  ),
});

export const ZInvitationView = z.object({
  subject: z.string(),
  when: z.string(),
  location: z.string(),
  attendees: z.array(ZPerson),
  paragraphs: described(z.array(z.string()), 'Platte tekst; een regelovergang is \\n'),
});

export const ZOptionView = z.object({
  slotIndex: z.int(),
  slot: ZSlotView,
  hold: ZHoldState,
  eventId: described(z.nullable(z.string()), 'Het agenda-item bij de accounthouder'),
  answers: z.object({ berenschot: ZTrainerAnswer, riec: ZTrainerAnswer }),
  isConfirmed: z.boolean(),
  isLive: described(z.boolean(), 'Kan nog de workshop worden (open, niet afgewezen, niet voorbij)'),
  invitation: described(
    z.nullable(ZInvitationView),
    'Wat het kabinet van de burgemeester krijgt als deze optie wordt bevestigd (altijd Nederlands); null zolang er geen trainerspaar is, en in lijsten (listSignups)',
  ),
});
export type TOptionView = z.infer<typeof ZOptionView>;

export const ZSignupView = z
  .object({
    id: z.string(),
    eTag: described(z.string(), 'Versie van het lijstitem'),
    campaignId: z.string(),
    municipality: z.object({
      cbsCode: z.string(),
      name: z.string(),
      domain: z.nullable(z.string()),
    }),
    riec: ZRiec,
    accountHolder: ZPerson,
    contact: ZContactView,
    preferences: z.array(ZSlotView),
    scanStatus: ZScanStatus,
    scan: described(
      z.optional(ZScanThemes),
      'Thema’s uit de weerbaarheidsscan en de datum; ontbreekt als er geen zijn opgegeven',
    ),
    remarks: z.string(),
    status: ZSignupStatus,
    registeredAt: z.string(),
    lateOverride: z.nullable(z.object({ reason: z.string() })),
    pair: z.nullable(z.object({ berenschot: ZTrainerView, riec: ZTrainerView })),
    round: described(z.int(), 'Hoe vaak er opties zijn geplaatst'),
    options: z.array(ZOptionView),
    optionsPlacedAt: z.nullable(z.string()),
    lapsesAt: described(z.nullable(z.string()), 'Wanneer de opties vervallen zonder bevestiging'),
    confirmedSlot: z.nullable(ZSlotView),
    allowedActions: described(
      z.array(z.enum(COMMAND_TYPES)),
      'Wat de levenscyclus nu toestaat (ook de stappen van het systeem)',
    ),
    userActions: described(
      z.array(z.enum(USER_ACTIONS)),
      'Wat deze gebruiker nu kan doen (knoppen)',
    ),
    confirmableSlots: z.array(
      z.object({
        slotIndex: z.int(),
        needsOverride: described(z.boolean(), 'Niet beide trainers akkoord: reden verplicht'),
      }),
    ),
    pendingOperation: described(
      z.boolean(),
      'Er loopt nog een bewerking; die wordt afgemaakt (binnen enkele minuten)',
    ),
  })
  .check(z.meta({ id: 'Signup' }));

export type TSignupView = z.infer<typeof ZSignupView>;
