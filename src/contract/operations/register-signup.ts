import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import {
  described,
  ZContactInput,
  ZFieldMessage,
  ZRemarksInput,
  ZScanStatusInput,
  ZSlotInput,
} from '../schemas/common.js';
import { ZScanThemesInput } from '../schemas/attendees.js';
import { ZSignupView } from '../schemas/signup-view.js';

// Types and sizes only: the rules (a known municipality, a valid address, three preferences in
// the campaign's window, the deadline) are the domain's, which answers with 422 and a message
// per field in Dutch or English. The forms check these same types and sizes before they send.
export const ZRegisterSignupRequest = z
  .strictObject({
    // Normalised here, at the edge, once: every decision after this sees "GM0392".
    cbsCode: described(
      z.string().check(z.maxLength(16), z.trim(), z.toUpperCase()),
      'CBS-code van de gemeente, bijvoorbeeld GM0392 (Haarlem)',
    ),
    contact: described(ZContactInput, 'Contactpersoon bij het kabinet van de burgemeester'),
    preferences: described(
      z.array(ZSlotInput).check(z.maxLength(10)),
      'De drie voorkeuren, de liefste eerst',
    ),
    scanStatus: described(ZScanStatusInput, 'Bestuurlijke weerbaarheidsscan (geen voorwaarde)'),
    scan: described(
      z.optional(ZScanThemesInput),
      'Thema’s uit de weerbaarheidsscan en de datum van de scan (alles leeg: geen)',
    ),
    remarks: z._default(ZRemarksInput, ''),
    lateOverride: described(
      z.optional(z.strictObject({ reason: z.string().check(z.maxLength(2000)) })),
      'Alleen na de deadline: waarom de aanmelding toch wordt aangenomen (gelogd)',
    ),
  })
  .check(z.describe('Een aanmelding zoals de accounthouder die invoert (SignupRequest)'));
export type TRegisterSignupRequest = z.input<typeof ZRegisterSignupRequest>;

export const ZRegisterSignupResponse = z.object({
  signup: ZSignupView,
  warnings: described(
    z.array(ZFieldMessage),
    'Wat opvalt maar niet tegenhoudt (feestdag, weekend, buiten vergadertijden)',
  ),
});
export type TRegisterSignupResponse = z.infer<typeof ZRegisterSignupResponse>;

export const registerSignup = defineOperation({
  operationId: 'registerSignup',
  method: 'POST',
  path: '/signups',
  summary: 'Legt de aanmelding van een gemeente vast met drie voorkeuren',
  description:
    'Antwoordt 201 met de aanmelding en eventuele waarschuwingen; regels die niet kloppen geven ' +
    '422 met een melding per veld. Voor een aanmelding met stand "nieuwe data nodig" worden de ' +
    'nieuwe voorkeuren op dezelfde aanmelding vastgelegd. Veilig te herhalen: dezelfde ' +
    'aanmelding opnieuw geeft de eerder vastgelegde terug.',
  tags: ['Aanmeldingen'],
  permission: 'signups:write',
  problems: ['CONFLICT', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  body: ZRegisterSignupRequest,
  response: { status: 201, schema: ZRegisterSignupResponse },
});
