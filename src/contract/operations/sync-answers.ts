import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { described } from '../schemas/common.js';
import { ZSignupView } from '../schemas/signup-view.js';

export const ZSyncAnswersResponse = z.object({
  organizer: described(z.string(), 'Het postvak waarvan de antwoorden zijn gelezen (het uwe)'),
  changes: described(z.int(), 'Wijzigingen in de agenda sinds de vorige keer'),
  updated: described(z.array(z.string()), 'Ids van de aanmeldingen met nieuwe antwoorden'),
  failed: described(
    z.array(z.string()),
    'Ids die niet konden worden bijgewerkt; volgende keer opnieuw',
  ),
  signups: described(z.array(ZSignupView), 'De bijgewerkte aanmeldingen'),
});
export type TSyncAnswersResponse = z.infer<typeof ZSyncAnswersResponse>;

export const syncAnswers = defineOperation({
  operationId: 'syncAnswers',
  method: 'POST',
  path: '/sync',
  summary: 'Verwerkt nu de antwoorden van de trainers uit uw eigen agenda',
  description:
    'Leest de wijzigingen in de agenda van de aangemelde accounthouder sinds de vorige keer en ' +
    'legt de antwoorden van de trainers vast. Veilig te herhalen.',
  tags: ['Planning'],
  permission: 'signups:sync',
  problems: ['GRAPH_UNAVAILABLE'],
  response: { status: 200, schema: ZSyncAnswersResponse },
});
