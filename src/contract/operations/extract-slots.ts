import * as z from 'zod/mini';
import { EXTRACTION_WARNINGS, MAX_BODY_CHARACTERS, SCAN_STATUSES } from '../lists.js';
import { defineOperation } from '../operation.js';
import { described } from '../schemas/common.js';

export const ZExtractSlotsRequest = z.strictObject({
  subject: z.optional(z.string().check(z.maxLength(2000))),
  from: described(
    z.optional(z.string().check(z.maxLength(1000))),
    'De afzender zoals in de mail: "Naam <adres@gemeente.nl>" of alleen het adres',
  ),
  // No maximum here: the server's body limit (BODY_LIMIT_BYTES) bounds the request, and a longer
  // body than the extraction reads is cut by it, with a warning, rather than refused.
  text: described(
    z.optional(z.string()),
    `De tekst van de mail; van een langere tekst dan ${MAX_BODY_CHARACTERS} tekens wordt alleen het begin gelezen`,
  ),
  html: described(
    z.optional(z.string()),
    `De HTML van de mail, als er geen tekst is; ook hiervan worden hoogstens ${MAX_BODY_CHARACTERS} tekens gelezen`,
  ),
  receivedAt: described(
    z.string().check(z.maxLength(64)),
    'Wanneer de mail binnenkwam (ISO 8601); een datum zonder jaar telt vanaf dit moment',
  ),
});
export type TExtractSlotsRequest = z.input<typeof ZExtractSlotsRequest>;

export const ZExtractSlotsResponse = z
  .object({
    municipality: z.nullable(z.object({ name: z.string(), cbsCode: z.string() })),
    slots: z.array(
      z.object({
        start: described(z.string(), 'ISO 8601 met de Amsterdamse tijdzone'),
        end: z.string(),
        assumedEnd: described(
          z.boolean(),
          'De mail gaf geen eindtijd: de standaardduur is gebruikt',
        ),
        source: described(z.string(), 'Het stuk tekst waar de voorkeur uit komt'),
      }),
    ),
    questions: described(z.array(z.string()), 'Vragen aan de gemeente over wat de mail openlaat'),
    scanStatus: described(
      z.optional(z.enum(SCAN_STATUSES)),
      'De weerbaarheidsscan zoals de mail die noemt ("hebben wij vorig jaar gedaan" → gedaan); alleen als de mail het zegt',
    ),
    warnings: described(
      z.optional(
        z.array(
          z.object({
            code: described(
              z.enum(EXTRACTION_WARNINGS),
              'mail_cut: de mail was te lang en alleen het begin is gelezen; mail_not_read: de mail kon niet op tijd worden gelezen',
            ),
            nl: z.string(),
            en: z.string(),
          }),
        ),
      ),
      'Alleen als er iets te melden is over hoe de mail is gelezen; de Nederlandse tekst staat ook bij de vragen',
    ),
  })
  .check(z.describe('Hetzelfde als `npm run -s cli -- extract-slots` afdrukt'));
export type TExtractSlotsResponse = z.infer<typeof ZExtractSlotsResponse>;

export const extractSlots = defineOperation({
  operationId: 'extractSlots',
  method: 'POST',
  path: '/extract-slots',
  summary: 'Haalt de gemeente en de voorkeuren uit een aanmeldingsmail',
  description:
    'Leest onderwerp, afzender en tekst (of HTML) van een mail en geeft de gemeente, de ' +
    'voorkeuren en de vragen die de mail openlaat. Er wordt niets opgeslagen. Van een tekst ' +
    '(of HTML) langer dan 65.536 tekens wordt alleen het begin gelezen; het antwoord zegt dat ' +
    'dan in `warnings` (mail_cut).',
  tags: ['Post'],
  permission: 'signups:write',
  body: ZExtractSlotsRequest,
  response: { status: 200, schema: ZExtractSlotsResponse },
});
