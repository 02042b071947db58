// Amsterdam-time helpers. Users think in Dutch wall-clock time (DESIGN.md principle 6), so every
// date rule (deadline "end of that day", weekends, holidays, evening meetings, "14 days") is
// evaluated in Europe/Amsterdam, never in the zone of the process: tests run in Asia/Kathmandu to
// prove it. Instants are stored as UTC ISO strings; calendar dates as `YYYY-MM-DD`.
import { DateTime } from 'luxon';
import { formatDate as formatContractDate } from '../contract/format.js';
import type { Language } from '../contract/lists.js';

export const AMSTERDAM = 'Europe/Amsterdam';

/** A calendar date in Amsterdam, `YYYY-MM-DD` (no time, no zone). */
export type PlainDate = string;

/** A time slot between two instants, each an ISO 8601 string with an offset (`Z` or `+02:00`). */
export interface Slot {
  readonly start: string;
  readonly end: string;
}

export type Locale = Language;
// An instant must say which moment it is: a bare "2022-06-14T19:30" would depend on the zone
// of whoever parses it.
const HAS_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses an ISO 8601 instant that carries an offset; returns it in Amsterdam time. */
export function parseInstant(value: string): DateTime | undefined {
  const trimmed = value.trim();
  if (!HAS_OFFSET.test(trimmed)) return undefined;
  const parsed = DateTime.fromISO(trimmed, { setZone: true });
  return parsed.isValid ? parsed.setZone(AMSTERDAM) : undefined;
}

// The ECMAScript date-time string format with an offset: for exactly this form Date.parse is
// specified (ECMA-262 § 21.4.1.32) and independent of the process's zone. Day numbers past the
// month's end and hour 24 are left to luxon, which reads them its own way (30 February is not a
// date; 24:00 is the next midnight).
const ECMASCRIPT_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The moment of an ISO 8601 instant with an offset, in epoch milliseconds: what parseInstant
 * gives, without building a luxon DateTime where only "before or after now" is asked (the views
 * of a list of 400 sign-ups ask it thousands of times).
 */
export function instantMillis(value: string): number | undefined {
  const trimmed = value.trim();
  const match = ECMASCRIPT_INSTANT.exec(trimmed);
  if (match) {
    const [year, month, day, hour] = match.slice(1, 5).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (day <= daysInMonth(year, month) && hour < 24) {
      const millis = Date.parse(trimmed);
      if (!Number.isNaN(millis)) return millis;
    }
  }
  return parseInstant(trimmed)?.toMillis();
}

/** Parses a `YYYY-MM-DD` date as the start of that day in Amsterdam. */
export function parsePlainDate(value: PlainDate): DateTime | undefined {
  if (!PLAIN_DATE.test(value)) return undefined;
  const parsed = DateTime.fromISO(value, { zone: AMSTERDAM });
  return parsed.isValid ? parsed : undefined;
}

function requirePlainDate(value: PlainDate): DateTime {
  const parsed = parsePlainDate(value);
  // Plain dates in this module come from campaign data in code, not from users.
  if (!parsed) throw new Error(`Not a YYYY-MM-DD date: ${value}`);
  return parsed;
}

/** The moment `now` (a JS Date or an ISO instant) in Amsterdam time. */
export function toAmsterdam(instant: Date | string): DateTime {
  const dt =
    typeof instant === 'string'
      ? DateTime.fromISO(instant, { setZone: true })
      : DateTime.fromJSDate(instant);
  return dt.setZone(AMSTERDAM);
}

/** The Amsterdam calendar date of an instant. */
export function toAmsterdamDate(instant: Date | string): PlainDate {
  return toPlainDate(toAmsterdam(instant));
}

export function toPlainDate(dt: DateTime): PlainDate {
  return dt.setZone(AMSTERDAM).toFormat('yyyy-MM-dd');
}

/** 00:00 of that day in Amsterdam. */
export function startOfAmsterdamDay(date: PlainDate): DateTime {
  return requirePlainDate(date).startOf('day');
}

/** The last millisecond of that day in Amsterdam (23:59:59.999, whatever the DST offset). */
export function endOfAmsterdamDay(date: PlainDate): DateTime {
  return requirePlainDate(date).endOf('day');
}

/** Adds calendar days in Amsterdam: 14 days after 20:00 is 20:00 again, across a DST change. */
export function addAmsterdamDays(date: PlainDate, days: number): PlainDate {
  return toPlainDate(requirePlainDate(date).plus({ days }));
}

/** Adds calendar months in Amsterdam (31 January + 1 month = 28/29 February). */
export function addAmsterdamMonths(date: PlainDate, months: number): PlainDate {
  return toPlainDate(requirePlainDate(date).plus({ months }));
}

/** The stored form of an instant: UTC ISO 8601 without milliseconds. */
export function toUtcIso(dt: DateTime): string {
  return dt.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}

/** Minutes from `start` to `end` (negative when end is earlier). */
export function minutesBetween(start: DateTime, end: DateTime): number {
  return end.diff(start, 'minutes').minutes;
}

/** Wall-clock minutes since midnight in Amsterdam, e.g. 19:30 → 1170. */
export function minuteOfAmsterdamDay(dt: DateTime): number {
  const local = dt.setZone(AMSTERDAM);
  return local.hour * 60 + local.minute;
}

/** Parses `HH:mm` into minutes since midnight. */
export function parseClockTime(value: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) throw new Error(`Not an HH:mm time: ${value}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * "dinsdag 14 juni 2022" / "Tuesday 14 June 2022": the contract's one formatter
 * (src/contract/format.ts), which the web uses too.
 */
export function formatDate(value: PlainDate | DateTime, locale: Locale): string {
  const date = typeof value === 'string' ? requirePlainDate(value) : value;
  return formatContractDate(date.toJSDate(), locale);
}

/** "dinsdag 14 juni 2022, 19.30–22.30 uur" (src/contract/format.ts). */
export { formatSlot, formatInstant } from '../contract/format.js';
