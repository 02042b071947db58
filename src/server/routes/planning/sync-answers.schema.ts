import { z } from 'zod';
import { ZSignupView } from '../../views/signup-view.schema.js';

export const ZSyncAnswersResponse = z.object({
  organizer: z.string().describe('Het postvak waarvan de antwoorden zijn gelezen (het uwe)'),
  changes: z.number().int().describe('Wijzigingen in de agenda sinds de vorige keer'),
  updated: z.array(z.string()).describe('Ids van de aanmeldingen met nieuwe antwoorden'),
  failed: z
    .array(z.string())
    .describe('Ids die niet konden worden bijgewerkt; volgende keer opnieuw'),
  signups: z.array(ZSignupView).describe('De bijgewerkte aanmeldingen'),
});

export type TSyncAnswersResponse = z.infer<typeof ZSyncAnswersResponse>;
