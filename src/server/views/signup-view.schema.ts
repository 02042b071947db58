// The sign-up as the API shows it: everything the tab and the add-in need to render a sign-up
// and its buttons without another call. Labels are in the caller's language (Accept-Language);
// instants are UTC ISO 8601; slot indices are 0-based, as in the domain and in field paths.
import { z } from 'zod';
import { COMMAND_TYPES } from '../../domain/lifecycle-types.js';
import { RIECS } from '../../domain/municipalities.js';
import { SCAN_STATUSES, SIGNUP_STATUSES } from '../../domain/signup.js';

export const ZSignupStatus = z.enum(SIGNUP_STATUSES);
export const ZTrainerAnswer = z.enum([
  'none',
  'accepted',
  'tentativelyAccepted',
  'declined',
  'notResponded',
]);
export const ZAvailability = z.enum([
  'free',
  'tentative',
  'busy',
  'oof',
  'workingElsewhere',
  'unknown',
]);

export const ZSlotView = z
  .object({
    slotIndex: z.number().int().describe('Nummer van de voorkeur, vanaf 0'),
    start: z.string().describe('Begin (UTC, ISO 8601)'),
    end: z.string().describe('Einde (UTC, ISO 8601)'),
    label: z.string().describe('Bijvoorbeeld "dinsdag 14 juni 2022 19:30–22:30" (Amsterdam)'),
  })
  .meta({ id: 'Slot' });

export const ZTrainerView = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(['berenschot', 'riec']),
  })
  .meta({ id: 'Trainer' });

const ZAnswerView = z.object({ answer: ZTrainerAnswer, label: z.string() });

export const ZOptionView = z.object({
  slotIndex: z.number().int(),
  slot: ZSlotView,
  hold: z.enum(['open', 'finalized', 'released']),
  holdLabel: z.string(),
  eventId: z.string().nullable().describe('Het agenda-item bij de accounthouder'),
  answers: z.object({ berenschot: ZAnswerView, riec: ZAnswerView }),
  isConfirmed: z.boolean(),
  isLive: z.boolean().describe('Kan nog de workshop worden (open, niet afgewezen, niet voorbij)'),
  invitation: z
    .object({
      subject: z.string(),
      when: z.string(),
      location: z.string(),
      attendees: z.array(z.object({ name: z.string(), email: z.string() })),
      paragraphs: z.array(z.string()).describe('Platte tekst; een regelovergang is \\n'),
    })
    .nullable()
    .describe(
      'Wat het kabinet van de burgemeester krijgt als deze optie wordt bevestigd (altijd Nederlands); null zolang er geen trainerspaar is, en in lijsten (listSignups)',
    ),
});

/** What the caller may do with this sign-up now: the lifecycle's actions within their rights. */
export const ZUserAction = z.enum(['propose', 'confirm', 'cancel', 'newDates']);

export const ZSignupView = z
  .object({
    id: z.string(),
    eTag: z.string().describe('Versie van het lijstitem'),
    campaignId: z.string(),
    municipality: z.object({
      cbsCode: z.string(),
      name: z.string(),
      domain: z.string().nullable(),
    }),
    riec: z.enum(RIECS),
    accountHolder: z.object({ name: z.string(), email: z.string() }),
    contact: z.object({ name: z.string(), email: z.string() }),
    preferences: z.array(ZSlotView),
    scanStatus: z.enum(SCAN_STATUSES),
    scanStatusLabel: z.string(),
    remarks: z.string(),
    status: ZSignupStatus,
    statusLabel: z.string(),
    registeredAt: z.string(),
    lateOverride: z.object({ reason: z.string() }).nullable(),
    pair: z.object({ berenschot: ZTrainerView, riec: ZTrainerView }).nullable(),
    round: z.number().int().describe('Hoe vaak er opties zijn geplaatst'),
    options: z.array(ZOptionView),
    optionsPlacedAt: z.string().nullable(),
    lapsesAt: z.string().nullable().describe('Wanneer de opties vervallen zonder bevestiging'),
    confirmedSlot: ZSlotView.nullable(),
    allowedActions: z
      .array(z.enum(COMMAND_TYPES))
      .describe('Wat de levenscyclus nu toestaat (ook de stappen van het systeem)'),
    userActions: z.array(ZUserAction).describe('Wat deze gebruiker nu kan doen (knoppen)'),
    confirmableSlots: z.array(
      z.object({
        slotIndex: z.number().int(),
        needsOverride: z.boolean().describe('Niet beide trainers akkoord: reden verplicht'),
      }),
    ),
    pendingOperation: z
      .boolean()
      .describe('Er loopt nog een bewerking; die wordt afgemaakt (binnen enkele minuten)'),
  })
  .meta({ id: 'Signup' });

export type TSignupView = z.infer<typeof ZSignupView>;
export type TSlotView = z.infer<typeof ZSlotView>;
export type TTrainerView = z.infer<typeof ZTrainerView>;

/** A warning or error about one input field, in the caller's language. */
export const ZFieldMessage = z
  .object({
    field: z.string().describe('Pad van het veld, bijvoorbeeld preferences.1.end'),
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: 'FieldMessage' });

export type TFieldMessage = z.infer<typeof ZFieldMessage>;

/** The path parameter of every /signups/{signupId} route: a SharePoint list item id. */
export const ZSignupIdParams = z.strictObject({
  signupId: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .describe('Id van de aanmelding (item-id in de lijst Workshopaanmeldingen)'),
});
