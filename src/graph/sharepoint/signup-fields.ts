// A sign-up ↔ the fields of its item in "Workshopaanmeldingen". Columns users filter or read in
// SharePoint are typed (status, RIEC, dates, trainers); nested data (options with answers, the
// pair, a pending operation) is JSON in multi-line text columns. Reads are validated with zod:
// a hand-edited item must not crash the product.
import { z } from 'zod';
import type { CbsCode, EventId, SignupId } from '../../domain/ids.js';
import { RIECS } from '../../domain/municipalities.js';
import type { PendingOperation, StoredSignup } from '../../domain/ports.js';
import {
  SCAN_STATUSES,
  SCAN_THEMES,
  SIGNUP_STATUSES,
  type HoldOption,
  type ScanThemes,
  type Signup,
  type TrainerPair,
} from '../../domain/signup.js';
import { instantMillis } from '../../domain/time.js';

const ZTrainer = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['berenschot', 'riec']),
});
const ZAnswer = z.enum(['none', 'accepted', 'tentativelyAccepted', 'declined', 'notResponded']);
const ZOption = z.object({
  slotIndex: z.number().int().min(0),
  slot: z.object({ start: z.string(), end: z.string() }),
  holdKey: z.string(),
  eventId: z.string().optional(),
  hold: z.enum(['open', 'finalized', 'released']),
  answers: z.object({ berenschot: ZAnswer, riec: ZAnswer }),
  answersAt: z.string().optional(),
  municipalityAnswer: ZAnswer.optional(),
});
const ZPending = z.object({
  id: z.string(),
  command: z.string(),
  by: z.string(),
  startedAt: z.string(),
  resumedAt: z.string().optional(),
  // The effects were written by this product; their shape is the domain's Effect union.
  effects: z.array(z.record(z.string(), z.unknown())),
});

// Unknown themes (a list that shrank, a hand edit) are dropped rather than failing the item.
const ZScanThemasField = z.object({
  themes: z
    .array(z.string())
    .transform((themes) => SCAN_THEMES.filter((theme) => themes.includes(theme))),
  other: z.string().catch(''),
  scanDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .catch(null),
});

const optionalText = z.string().nullish();
const optionalNumber = z.number().nullish();

export const ZSignupFields = z.object({
  id: z.string(),
  Title: z.string(),
  CbsCode: z.string().regex(/^GM\d{4}$/),
  Riec: z.enum(RIECS),
  Status: z.enum(SIGNUP_STATUSES),
  CampagneId: optionalText,
  Accounthouder: z.string(),
  AccounthouderNaam: optionalText,
  ContactNaam: optionalText,
  ContactEmail: optionalText,
  ContactFunctie: optionalText,
  Voorkeur1Start: optionalText,
  Voorkeur1Eind: optionalText,
  Voorkeur2Start: optionalText,
  Voorkeur2Eind: optionalText,
  Voorkeur3Start: optionalText,
  Voorkeur3Eind: optionalText,
  Scan: z.enum(SCAN_STATUSES).nullish(),
  ScanThemas: optionalText,
  Opmerkingen: optionalText,
  TrainerPaar: optionalText,
  Ronde: optionalNumber,
  Opties: optionalText,
  OptiesGeplaatstOp: optionalText,
  VervaltOp: optionalText,
  BevestigdeOptie: optionalNumber,
  AangemeldOp: optionalText,
  OptieTermijnDagen: optionalNumber,
  LaatReden: optionalText,
  Lopend: optionalText,
});

export type TSignupFields = z.infer<typeof ZSignupFields>;

/**
 * Graph returns dateTime columns as UTC ("…Z"); store them as the domain does (UTC, no
 * milliseconds). Epoch milliseconds, not luxon: a list of 400 sign-ups has thousands of these.
 */
function instant(value: string | null | undefined): string | undefined {
  const time = value ? instantMillis(value) : undefined;
  return time === undefined ? undefined : new Date(time).toISOString().replace('.000Z', 'Z');
}

function parseJsonField<T>(value: string | null | undefined, schema: z.ZodType<T>): T | undefined {
  if (!value) return undefined;
  try {
    const result = schema.safeParse(JSON.parse(value));
    return result.success ? result.data : undefined;
  } catch {
    // A hand-edited cell that is not JSON reads as empty rather than failing the whole list.
    return undefined;
  }
}

/**
 * The value of the unique column: campaign and municipality while the sign-up counts, so a
 * second item for them is refused by SharePoint; a cancelled sign-up gives its place up (its id
 * makes the value its own) and the municipality may register again.
 */
export function signupUniqueKey(signup: Signup): string {
  const key = `${signup.campaignId}|${signup.municipality.cbsCode}`;
  return signup.status === 'geannuleerd' ? `${key}|${signup.id}` : key;
}

export function toSignupFields(
  signup: Signup,
  pending: PendingOperation | null,
): Record<string, unknown> {
  const preferenceFields: Record<string, string | null> = {};
  for (const n of [1, 2, 3]) {
    const slot = signup.preferences[n - 1];
    preferenceFields[`Voorkeur${n}Start`] = slot?.start ?? null;
    preferenceFields[`Voorkeur${n}Eind`] = slot?.end ?? null;
  }
  const confirmed = signup.options.find((o) => o.slotIndex === signup.confirmedSlotIndex);
  return {
    Title: signup.municipality.name,
    CbsCode: signup.municipality.cbsCode,
    Riec: signup.riec,
    Status: signup.status,
    CampagneId: signup.campaignId,
    Uniek: signupUniqueKey(signup),
    Accounthouder: signup.accountHolder.email.toLowerCase(),
    AccounthouderNaam: signup.accountHolder.name,
    ContactNaam: signup.contact.name,
    ContactEmail: signup.contact.email,
    ContactFunctie: signup.contact.function ?? null,
    ...preferenceFields,
    Scan: signup.scanStatus,
    ScanThemas: signup.scan ? JSON.stringify(signup.scan) : null,
    Opmerkingen: signup.remarks,
    TrainerBerenschot: signup.pair?.berenschot.email.toLowerCase() ?? null,
    TrainerRiec: signup.pair?.riec.email.toLowerCase() ?? null,
    TrainerPaar: signup.pair ? JSON.stringify(signup.pair) : null,
    Ronde: signup.round,
    Opties: JSON.stringify(signup.options),
    OptiesGeplaatstOp: signup.optionsPlacedAt ?? null,
    VervaltOp: signup.lapsesAt ?? null,
    BevestigdeOptie: signup.confirmedSlotIndex === undefined ? null : signup.confirmedSlotIndex + 1,
    BevestigdStart: confirmed?.slot.start ?? null,
    AangemeldOp: signup.registeredAt,
    OptieTermijnDagen: signup.holdLapseDays,
    LaatReden: signup.lateOverride?.reason ?? null,
    Lopend: pending ? JSON.stringify(pending) : null,
  };
}

export function fromSignupFields(fields: TSignupFields, eTag: string): StoredSignup {
  const preferences = [1, 2, 3].flatMap((n) => {
    const start = instant(
      fields[`Voorkeur${n}Start` as keyof TSignupFields] as string | null | undefined,
    );
    const end = instant(
      fields[`Voorkeur${n}Eind` as keyof TSignupFields] as string | null | undefined,
    );
    return start && end ? [{ start, end }] : [];
  });
  const pair = parseJsonField(
    fields.TrainerPaar,
    z.object({ berenschot: ZTrainer, riec: ZTrainer }),
  ) as TrainerPair | undefined;
  const options = (parseJsonField(fields.Opties, z.array(ZOption)) ?? []).map(
    ({ eventId, answersAt, municipalityAnswer, ...option }): HoldOption => ({
      ...option,
      slot: {
        start: instant(option.slot.start) ?? option.slot.start,
        end: instant(option.slot.end) ?? option.slot.end,
      },
      ...(eventId ? { eventId: eventId as EventId } : {}),
      ...(answersAt ? { answersAt } : {}),
      ...(municipalityAnswer ? { municipalityAnswer } : {}),
    }),
  );
  const scan = parseJsonField(fields.ScanThemas, ZScanThemasField) as ScanThemes | undefined;
  const optionsPlacedAt = instant(fields.OptiesGeplaatstOp);
  const lapsesAt = instant(fields.VervaltOp);
  const signup: Signup = {
    id: fields.id as SignupId,
    campaignId: fields.CampagneId ?? '',
    municipality: { cbsCode: fields.CbsCode as CbsCode, name: fields.Title },
    riec: fields.Riec,
    accountHolder: {
      name: fields.AccounthouderNaam ?? fields.Accounthouder,
      email: fields.Accounthouder,
    },
    contact: {
      name: fields.ContactNaam ?? '',
      email: fields.ContactEmail ?? '',
      ...(fields.ContactFunctie ? { function: fields.ContactFunctie } : {}),
    },
    preferences,
    scanStatus: fields.Scan ?? 'onbekend',
    ...(scan ? { scan } : {}),
    remarks: fields.Opmerkingen ?? '',
    status: fields.Status,
    holdLapseDays: fields.OptieTermijnDagen ?? 14,
    registeredAt: instant(fields.AangemeldOp) ?? '',
    round: fields.Ronde ?? 0,
    options,
    eTag,
    ...(fields.LaatReden ? { lateOverride: { reason: fields.LaatReden } } : {}),
    ...(pair ? { pair } : {}),
    ...(optionsPlacedAt ? { optionsPlacedAt } : {}),
    ...(lapsesAt ? { lapsesAt } : {}),
    ...(typeof fields.BevestigdeOptie === 'number'
      ? { confirmedSlotIndex: fields.BevestigdeOptie - 1 }
      : {}),
  };
  const pending = (parseJsonField(fields.Lopend, ZPending) as PendingOperation | undefined) ?? null;
  return { signup, eTag, pending };
}
