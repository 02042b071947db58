import { z } from 'zod';
import { MAX_BODY_CHARACTERS } from '../../../domain/slots/limits.js';

export const ZExtractSlotsRequest = z.strictObject({
  subject: z.string().max(2000).optional(),
  from: z
    .string()
    .max(1000)
    .optional()
    .describe('De afzender zoals in de mail: "Naam <adres@gemeente.nl>" of alleen het adres'),
  // No maximum here: the server's body limit (BODY_LIMIT_BYTES) bounds the request, and a longer
  // body than the extraction reads is cut by it, with a warning, rather than refused.
  text: z
    .string()
    .optional()
    .describe(
      `De tekst van de mail; van een langere tekst dan ${MAX_BODY_CHARACTERS} tekens wordt alleen het begin gelezen`,
    ),
  html: z
    .string()
    .optional()
    .describe(
      `De HTML van de mail, als er geen tekst is; ook hiervan worden hoogstens ${MAX_BODY_CHARACTERS} tekens gelezen`,
    ),
  receivedAt: z
    .string()
    .max(64)
    .describe('Wanneer de mail binnenkwam (ISO 8601); een datum zonder jaar telt vanaf dit moment'),
});

export type TExtractSlotsRequest = z.infer<typeof ZExtractSlotsRequest>;

export const ZExtractSlotsResponse = z
  .object({
    municipality: z.object({ name: z.string(), cbsCode: z.string() }).nullable(),
    slots: z.array(
      z.object({
        start: z.string().describe('ISO 8601 met de Amsterdamse tijdzone'),
        end: z.string(),
        assumedEnd: z.boolean().describe('De mail gaf geen eindtijd: de standaardduur is gebruikt'),
        source: z.string().describe('Het stuk tekst waar de voorkeur uit komt'),
      }),
    ),
    questions: z.array(z.string()).describe('Vragen aan de gemeente over wat de mail openlaat'),
    warnings: z
      .array(
        z.object({
          code: z
            .enum(['mail_cut', 'mail_not_read'])
            .describe(
              'mail_cut: de mail was te lang en alleen het begin is gelezen; mail_not_read: de mail kon niet op tijd worden gelezen',
            ),
          nl: z.string(),
          en: z.string(),
        }),
      )
      .optional()
      .describe(
        'Alleen als er iets te melden is over hoe de mail is gelezen; de Nederlandse tekst staat ook bij de vragen',
      ),
  })
  .describe('Hetzelfde als `npm run -s cli -- extract-slots` afdrukt');

export type TExtractSlotsResponse = z.infer<typeof ZExtractSlotsResponse>;
