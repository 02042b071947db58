import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import {
  described,
  ZContactInput,
  ZFieldMessage,
  ZRemarksInput,
  ZScanStatusInput,
  ZSignupIdParams,
  ZSlotInput,
} from '../schemas/common.js';
import { ZScanThemesInput } from '../schemas/attendees.js';
import { ZSignupView } from '../schemas/signup-view.js';

const ZVersion = described(
  z.string().check(z.minLength(1), z.maxLength(200)),
  'De versie die de gebruiker zag (eTag uit de aanmelding); is de aanmelding intussen gewijzigd, dan volgt 409 en verandert er niets',
);

// Types and sizes only; the rules are those of a sign-up (422 with a message per field).
export const ZUpdateSignupRequest = z.strictObject({
  eTag: ZVersion,
  contact: z.optional(ZContactInput),
  scanStatus: z.optional(ZScanStatusInput),
  scan: described(
    z.optional(ZScanThemesInput),
    'Thema’s uit de weerbaarheidsscan en de datum van de scan; alles leeg wist ze',
  ),
  remarks: z.optional(ZRemarksInput),
  preferences: described(
    z.optional(z.array(ZSlotInput).check(z.maxLength(10))),
    'Alleen zolang er niets is geplaatst (stand aangemeld); daarna: nieuwe data (updateSignupDates)',
  ),
});
export type TUpdateSignupRequest = z.input<typeof ZUpdateSignupRequest>;

export const ZSignupWithWarnings = z.object({
  signup: ZSignupView,
  warnings: described(
    z.array(ZFieldMessage),
    'Wat opvalt maar niet tegenhoudt (feestdag, weekend, buiten vergadertijden)',
  ),
});
export type TSignupWithWarnings = z.infer<typeof ZSignupWithWarnings>;

export const updateSignup = defineOperation({
  operationId: 'updateSignup',
  method: 'PATCH',
  path: '/signups/{signupId}',
  summary: 'Wijzigt contactpersoon, scan, opmerkingen of (zonder opties) de voorkeuren',
  description:
    'Wat wordt meegestuurd, verandert; de stand blijft. Elke wijziging komt in het logboek (wat, ' +
    'door wie). De voorkeuren liggen vast zodra er opties zijn (422 PREFERENCES_LOCKED bij de ' +
    'voorkeuren): geef dan nieuwe data (updateSignupDates). Optimistisch: met de eTag die de gebruiker ' +
    'zag; intussen gewijzigd geeft 409 en er verandert niets.',
  tags: ['Aanmeldingen'],
  permission: 'signups:write',
  problems: ['NOT_FOUND', 'CONFLICT', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  params: ZSignupIdParams,
  body: ZUpdateSignupRequest,
  response: { status: 200, schema: ZSignupWithWarnings },
});

export const ZUpdateSignupDatesRequest = z.strictObject({
  eTag: ZVersion,
  preferences: described(
    z.array(ZSlotInput).check(z.maxLength(10)),
    'De nieuwe voorkeuren, de liefste eerst',
  ),
  reason: described(
    z.optional(z.string().check(z.maxLength(2000))),
    'Waarom andere data (bijvoorbeeld: extra raadsvergadering); komt in het logboek en bij de trainers',
  ),
});
export type TUpdateSignupDatesRequest = z.input<typeof ZUpdateSignupDatesRequest>;

export const updateSignupDates = defineOperation({
  operationId: 'updateSignupDates',
  method: 'POST',
  path: '/signups/{signupId}/new-dates',
  summary:
    'Andere data: geeft de opties vrij en legt nieuwe voorkeuren vast op dezelfde aanmelding',
  description:
    'Bij "nieuwe data nodig", met geplaatste opties of een bevestigde workshop (de gemeente vroeg ' +
    'een andere datum). De opties of de workshop worden geannuleerd in de agenda (elk één keer, ' +
    'ook na een onderbreking), de trainers krijgen hun avond terug, de stand wordt weer ' +
    'aangemeld; het logboek houdt de geschiedenis. De gemeente krijgt geen annuleringsmail. ' +
    'Optimistisch met de eTag, zoals updateSignup.',
  tags: ['Aanmeldingen'],
  permission: 'signups:write',
  problems: ['NOT_FOUND', 'CONFLICT', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  params: ZSignupIdParams,
  body: ZUpdateSignupDatesRequest,
  response: { status: 200, schema: ZSignupWithWarnings },
});

// The dry run: every field optional, the checks those of the real call.
export const ZCheckSignupRequest = z.strictObject({
  signupId: described(
    z.optional(z.string().check(z.regex(/^[1-9]\d{0,9}$/))),
    'Zonder: controleer een nieuwe aanmelding (registerSignup); met: een wijziging of nieuwe data van deze aanmelding',
  ),
  cbsCode: z.optional(z.string().check(z.maxLength(16), z.trim(), z.toUpperCase())),
  contact: z.optional(ZContactInput),
  preferences: z.optional(z.array(ZSlotInput).check(z.maxLength(10))),
  scanStatus: z.optional(ZScanStatusInput),
  scan: z.optional(ZScanThemesInput),
  remarks: z.optional(ZRemarksInput),
  lateOverride: z.optional(z.strictObject({ reason: z.string().check(z.maxLength(2000)) })),
});
export type TCheckSignupRequest = z.input<typeof ZCheckSignupRequest>;

export const ZCheckSignupResponse = z.object({
  warnings: described(
    z.array(ZFieldMessage),
    'Wat de echte aanroep als waarschuwing zou geven (weekend, feestdag, Kerstmis, oudejaarsavond …)',
  ),
});
export type TCheckSignupResponse = z.infer<typeof ZCheckSignupResponse>;

export const checkSignup = defineOperation({
  operationId: 'checkSignup',
  method: 'POST',
  path: '/signups/check',
  summary:
    'Controleert een aanmelding of wijziging met dezelfde regels, zonder iets vast te leggen',
  description:
    'Voor formulieren: toont waarschuwingen vóór het opslaan. 200 met de waarschuwingen als de ' +
    'invoer zou worden aangenomen; anders 422 met een melding per veld, precies zoals ' +
    'registerSignup, updateSignup en updateSignupDates die zouden geven. Schrijft nooit iets.',
  tags: ['Aanmeldingen'],
  permission: 'signups:write',
  problems: ['NOT_FOUND', 'DOMAIN_RULE_VIOLATED'],
  body: ZCheckSignupRequest,
  response: { status: 200, schema: ZCheckSignupResponse },
});
