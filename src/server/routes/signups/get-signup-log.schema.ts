import { z } from 'zod';
import { COMMAND_TYPES } from '../../../domain/lifecycle-types.js';
import { ZSignupIdParams, ZSignupStatus } from '../../views/signup-view.schema.js';

export const ZGetSignupLogParams = ZSignupIdParams;

export const ZLogEntryView = z.object({
  at: z.string().describe('Tijdstip (UTC, ISO 8601)'),
  action: z.enum([...COMMAND_TYPES, 'register']),
  actionLabel: z.string(),
  from: ZSignupStatus.nullable(),
  fromLabel: z.string().nullable(),
  to: ZSignupStatus,
  toLabel: z.string(),
  by: z.string().describe('Wie de stap zette; "systeem" voor de achtergrondtaken'),
  detail: z.string().describe('Toelichting (Nederlands), met de reden van een uitzondering'),
});

export const ZGetSignupLogResponse = z.object({
  signupId: z.string(),
  entries: z.array(ZLogEntryView).describe('Oudste eerst'),
});

export type TGetSignupLogResponse = z.infer<typeof ZGetSignupLogResponse>;
