import { z } from 'zod';

export const ZExtractSlotsRequest = z.strictObject({
  subject: z.string().max(2000).optional(),
  from: z
    .string()
    .max(1000)
    .optional()
    .describe('De afzender zoals in de mail: "Naam <adres@gemeente.nl>" of alleen het adres'),
  text: z.string().optional().describe('De tekst van de mail'),
  html: z.string().optional().describe('De HTML van de mail, als er geen tekst is'),
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
  })
  .describe('Hetzelfde als `npm run -s cli -- extract-slots` afdrukt');

export type TExtractSlotsResponse = z.infer<typeof ZExtractSlotsResponse>;
