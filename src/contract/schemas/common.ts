// Pieces several operations share: a slot, a trainer, a message at a field, a sign-up's id.
import * as z from 'zod/mini';
import { SCAN_STATUSES, TRAINER_ROLES } from '../lists.js';

/** Sets the description of a schema (OpenAPI), the zod/mini way. */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  return schema.check(z.describe(description)) as T;
}

export const ZPlainDate = described(z.iso.date(), 'Datum in Amsterdam (JJJJ-MM-DD)');

export const ZSlotView = z
  .object({
    slotIndex: described(z.int(), 'Nummer van de voorkeur, vanaf 0'),
    start: described(z.string(), 'Begin (UTC, ISO 8601)'),
    end: described(z.string(), 'Einde (UTC, ISO 8601)'),
  })
  .check(z.meta({ id: 'Slot' }));
export type TSlotView = z.infer<typeof ZSlotView>;

export const ZTrainerRole = z.enum(TRAINER_ROLES);

export const ZTrainerView = z
  .object({ id: z.string(), name: z.string(), email: z.string(), role: ZTrainerRole })
  .check(z.meta({ id: 'Trainer' }));
export type TTrainerView = z.infer<typeof ZTrainerView>;

/** A warning or error about one input field, in the caller's language. */
export const ZFieldMessage = z
  .object({
    field: described(z.string(), 'Pad van het veld, bijvoorbeeld preferences.1.end'),
    code: z.string(),
    message: z.string(),
    signupId: z.optional(
      described(
        z.string(),
        'De aanmelding waar de melding over gaat (ALREADY_SIGNED_UP: de aanmelding die er al is)',
      ),
    ),
  })
  .check(z.meta({ id: 'FieldMessage' }));
export type TFieldMessage = z.infer<typeof ZFieldMessage>;

/** A preferred slot as a request gives it: two instants with an offset. */
export const ZSlotInput = z.strictObject({
  start: described(
    z.string().check(z.maxLength(64)),
    'ISO 8601 met tijdzone, bijvoorbeeld 2022-06-14T19:30:00+02:00',
  ),
  end: z.string().check(z.maxLength(64)),
});
export type TSlotInput = z.infer<typeof ZSlotInput>;

/** The path parameter of every /signups/{signupId} operation: a SharePoint list item id. */
export const ZSignupIdParams = z.strictObject({
  signupId: described(
    z.string().check(z.regex(/^[1-9]\d{0,9}$/)),
    'Id van de aanmelding (item-id in de lijst Workshopaanmeldingen)',
  ),
});
export type TSignupIdParams = z.infer<typeof ZSignupIdParams>;

/**
 * The contact at the mayor's office as registerSignup, updateSignup and checkSignup take it: the
 * name and the function apart (the salutation uses both), and the address the invitation goes to.
 */
export const ZContactInput = z.strictObject({
  name: described(z.string().check(z.maxLength(200)), 'Naam, bijvoorbeeld J. de Boer'),
  email: z.string().check(z.maxLength(320)),
  function: described(
    z.optional(z.string().check(z.maxLength(200))),
    'Functie, bijvoorbeeld kabinet van de burgemeester (apart van de naam, voor de aanhef)',
  ),
});
export type TContactInput = z.input<typeof ZContactInput>;

/** The resilience scan as a sign-up states it (no condition for a workshop). */
export const ZScanStatusInput = z.enum(SCAN_STATUSES);

/** The account holder's remarks on a sign-up. */
export const ZRemarksInput = z.string().check(z.maxLength(4000));
