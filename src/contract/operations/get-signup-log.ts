import * as z from 'zod/mini';
import { LOG_ACTIONS, LOG_EVENT_CODES } from '../lists.js';
import { defineOperation } from '../operation.js';
import { described, ZSignupIdParams } from '../schemas/common.js';
import { ZSignupStatus } from '../schemas/signup-view.js';

export const ZLogEntryView = z.object({
  at: described(z.string(), 'Tijdstip (UTC, ISO 8601)'),
  action: z.enum(LOG_ACTIONS),
  from: z.nullable(ZSignupStatus),
  to: ZSignupStatus,
  by: described(z.string(), 'Wie de stap zette; "systeem" voor de achtergrondtaken'),
  detail: described(z.string(), 'Toelichting (Nederlands), met de reden van een uitzondering'),
  event: described(
    z.nullable(
      z.object({
        code: z.enum(LOG_EVENT_CODES),
        params: z.record(z.string(), z.string()),
      }),
    ),
    'Wat de stap vertelt als code met gegevens: de app zet het in de taal van de gebruiker; null bij oudere regels (dan geldt detail)',
  ),
});
export type TLogEntryView = z.infer<typeof ZLogEntryView>;

export const ZGetSignupLogResponse = z.object({
  signupId: z.string(),
  entries: described(z.array(ZLogEntryView), 'Oudste eerst'),
});
export type TGetSignupLogResponse = z.infer<typeof ZGetSignupLogResponse>;

export const getSignupLog = defineOperation({
  operationId: 'getSignupLog',
  method: 'GET',
  path: '/signups/{signupId}/log',
  summary: 'Geeft het logboek van één aanmelding: wie deed wat en wanneer',
  tags: ['Aanmeldingen'],
  permission: ['signups:read', 'workshops:read-own'],
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  params: ZSignupIdParams,
  response: { status: 200, schema: ZGetSignupLogResponse },
});
