import { z } from 'zod';
import { SCAN_STATUSES } from '../../../domain/signup.js';
import { ZFieldMessage, ZSignupView } from '../../views/signup-view.schema.js';

// Types and sizes only: the rules (a known municipality, a valid address, three preferences in
// the campaign's window, the deadline) are the domain's, which answers with 422 and a message
// per field in Dutch or English.
const ZSlotInput = z.strictObject({
  start: z
    .string()
    .max(64)
    .describe('ISO 8601 met tijdzone, bijvoorbeeld 2022-06-14T19:30:00+02:00'),
  end: z.string().max(64),
});

export const ZRegisterSignupRequest = z
  .strictObject({
    // Normalised here, at the edge, once: every decision after this sees "GM0392".
    cbsCode: z
      .string()
      .max(16)
      .trim()
      .toUpperCase()
      .describe('CBS-code van de gemeente, bijvoorbeeld GM0392 (Haarlem)'),
    contact: z
      .strictObject({ name: z.string().max(200), email: z.string().max(320) })
      .describe('Contactpersoon bij het kabinet van de burgemeester'),
    preferences: z.array(ZSlotInput).max(10).describe('De drie voorkeuren, de liefste eerst'),
    scanStatus: z.enum(SCAN_STATUSES).describe('Bestuurlijke weerbaarheidsscan (geen voorwaarde)'),
    remarks: z.string().max(4000).default(''),
    lateOverride: z
      .strictObject({ reason: z.string().max(2000) })
      .optional()
      .describe('Alleen na de deadline: waarom de aanmelding toch wordt aangenomen (gelogd)'),
  })
  .describe('Een aanmelding zoals de accounthouder die invoert (SignupRequest)');

export type TRegisterSignupRequest = z.infer<typeof ZRegisterSignupRequest>;

export const ZRegisterSignupResponse = z.object({
  signup: ZSignupView,
  warnings: z
    .array(ZFieldMessage)
    .describe('Wat opvalt maar niet tegenhoudt (feestdag, weekend, buiten vergadertijden)'),
});

export type TRegisterSignupResponse = z.infer<typeof ZRegisterSignupResponse>;
