// A log line ↔ an item in "Workshoplogboek".
import { z } from 'zod';
import type { CbsCode, SignupId } from '../../domain/ids.js';
import { LOG_EVENT_CODES } from '../../contract/lists.js';
import { COMMAND_TYPES, type LogEvent } from '../../domain/lifecycle-types.js';
import type { LogEntry } from '../../domain/ports.js';
import { SIGNUP_STATUSES } from '../../domain/signup.js';
import { parseInstant, toUtcIso } from '../../domain/time.js';

const ZStatus = z.enum(SIGNUP_STATUSES);

export const ZLogFields = z.object({
  Sleutel: z.string(),
  AanmeldingId: z.number(),
  CbsCode: z.string().nullish(),
  Gemeente: z.string().nullish(),
  Actie: z.enum(['register', ...COMMAND_TYPES]),
  VanStatus: z.union([ZStatus, z.literal('')]).nullish(),
  NaarStatus: ZStatus,
  Door: z.string().nullish(),
  Tijdstip: z.string(),
  Details: z.string().nullish(),
  Gebeurtenis: z.string().nullish(),
});

const ZEvent = z.object({
  code: z.enum(LOG_EVENT_CODES),
  params: z.record(z.string(), z.string()),
});

/** The event column; a line written before it, or edited by hand, reads without one. */
function parseEvent(value: string | null | undefined): LogEvent | undefined {
  if (!value) return undefined;
  try {
    const parsed = ZEvent.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function toLogFields(entry: LogEntry): Record<string, unknown> {
  return {
    Title: `${entry.municipality}: ${entry.from ?? '—'} → ${entry.to}`,
    Sleutel: entry.key,
    AanmeldingId: Number(entry.signupId),
    CbsCode: entry.cbsCode,
    Gemeente: entry.municipality,
    Actie: entry.action,
    VanStatus: entry.from ?? '',
    NaarStatus: entry.to,
    Door: entry.by,
    Tijdstip: entry.at,
    Details: entry.detail,
    Gebeurtenis: entry.event ? JSON.stringify(entry.event) : null,
  };
}

export function fromLogFields(fields: z.infer<typeof ZLogFields>): LogEntry {
  const at = parseInstant(fields.Tijdstip);
  const event = parseEvent(fields.Gebeurtenis);
  return {
    key: fields.Sleutel,
    signupId: String(fields.AanmeldingId) as SignupId,
    cbsCode: (fields.CbsCode ?? '') as CbsCode,
    municipality: fields.Gemeente ?? '',
    action: fields.Actie,
    from: fields.VanStatus ? fields.VanStatus : null,
    to: fields.NaarStatus,
    by: fields.Door ?? '',
    at: at ? toUtcIso(at) : fields.Tijdstip,
    detail: fields.Details ?? '',
    ...(event ? { event } : {}),
  };
}
