// Graph's dateTimeTimeZone ↔ ISO 8601 instants. We write UTC and read whatever zone Graph
// answers in (UTC unless a Prefer: outlook.timezone header asked otherwise).
import { DateTime } from 'luxon';
import { AMSTERDAM } from '../../domain/time.js';

export interface GraphDateTime {
  readonly dateTime: string;
  readonly timeZone: string;
}

/** Windows names Graph may answer with, mapped to IANA (the ones this product meets). */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  utc: 'UTC',
  'w. europe standard time': AMSTERDAM,
  'romance standard time': 'Europe/Paris',
  'gmt standard time': 'Europe/London',
};

export function toGraphDateTime(instant: string): GraphDateTime {
  const utc = DateTime.fromISO(instant, { setZone: true }).toUTC();
  return { dateTime: utc.toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: 'UTC' };
}

/** Amsterdam wall-clock time, which is how the organizer and attendees think of a workshop. */
export function toAmsterdamGraphDateTime(instant: string): GraphDateTime {
  const local = DateTime.fromISO(instant, { setZone: true }).setZone(AMSTERDAM);
  return { dateTime: local.toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: AMSTERDAM };
}

export function fromGraphDateTime(value: GraphDateTime): string {
  const zone = WINDOWS_ZONES[value.timeZone.toLowerCase()] ?? value.timeZone;
  const parsed = DateTime.fromISO(value.dateTime, { zone });
  if (!parsed.isValid)
    throw new Error(`Graph returned an unreadable dateTime: ${value.dateTime} ${value.timeZone}`);
  return parsed.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}
