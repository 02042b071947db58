// Dates and times as people read them, in Amsterdam time, for the server's messages and mails
// and the web alike: the one formatter (issue 17, item 4). Dutch follows the government's
// writing convention — "dinsdag 14 juni 2022, 19.30–22.30 uur", "om 19.30 uur" — and English a
// 24-hour clock, as the Dutch organisations that read it use. Intl only (no date library), so it
// runs in Node and in the browser with the same result.
import type { Language } from './lists.js';

export const AMSTERDAM = 'Europe/Amsterdam';

/** A stretch of time between two ISO 8601 instants (with an offset: `Z` or `+02:00`). */
export interface TimeRange {
  readonly start: string;
  readonly end: string;
}

const LOCALE: Readonly<Record<Language, string>> = { nl: 'nl-NL', en: 'en-GB' };

const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALE[language], { timeZone: AMSTERDAM, ...options });
    formats.set(key, found);
  }
  return found;
}

const LONG_DATE: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};
const SHORT_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_TIME = /^(\d{2}):(\d{2})$/;

/** An instant, or a plain date (YYYY-MM-DD, an Amsterdam calendar day) as a moment on that day. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  // Noon UTC is 13:00 or 14:00 in Amsterdam: always the same calendar day.
  return PLAIN_DATE.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

function isValid(date: Date): boolean {
  return !Number.isNaN(date.getTime());
}

/** "19.30" (nl) / "19:30" (en); an unreadable value comes back as it is. */
export function formatTime(value: string | Date, language: Language): string {
  const date = toDate(value);
  if (!isValid(date)) return String(value);
  const text = format(language, TIME).format(date);
  return language === 'nl' ? text.replace(':', '.') : text;
}

/** A wall-clock time "19:30" (campaign rules) as it is written: "19.30" (nl) / "19:30" (en). */
export function formatClockTime(time: string, language: Language): string {
  const match = CLOCK_TIME.exec(time);
  if (!match) return time;
  return language === 'nl' ? `${match[1]}.${match[2]}` : time;
}

/** "dinsdag 14 juni 2022" / "Tuesday 14 June 2022". */
export function formatDate(value: string | Date, language: Language): string {
  const date = toDate(value);
  if (!isValid(date)) return String(value);
  return format(language, LONG_DATE).format(date).replace(',', '');
}

/** "14 jun 2022" / "14 Jun 2022". */
export function formatShortDate(value: string | Date, language: Language): string {
  const date = toDate(value);
  if (!isValid(date)) return String(value);
  return format(language, SHORT_DATE).format(date);
}

/**
 * "dinsdag 14 juni 2022, 19.30–22.30 uur" / "Tuesday 14 June 2022, 19:30–22:30"; both dates
 * when the slot spans midnight.
 */
export function formatSlot(slot: TimeRange, language: Language): string {
  const start = toDate(slot.start);
  const end = toDate(slot.end);
  if (!isValid(start) || !isValid(end)) return `${slot.start}–${slot.end}`;
  const startDay = formatDate(start, language);
  const endDay = formatDate(end, language);
  const endText =
    startDay === endDay ? formatTime(end, language) : `${endDay}, ${formatTime(end, language)}`;
  const range = `${startDay}, ${formatTime(start, language)}–${endText}`;
  return language === 'nl' ? `${range} uur` : range;
}

/** "dinsdag 14 juni 2022 om 19.30 uur" / "Tuesday 14 June 2022 at 19:30": a moment in a sentence. */
export function formatInstant(value: string | Date, language: Language): string {
  const date = toDate(value);
  if (!isValid(date)) return String(value);
  const day = formatDate(date, language);
  const time = formatTime(date, language);
  return language === 'nl' ? `${day} om ${time} uur` : `${day} at ${time}`;
}

/** "14 jun 2022, 09.15 uur" / "14 Jun 2022, 09:15": a moment in a log or a status line. */
export function formatMoment(value: string | Date, language: Language): string {
  const date = toDate(value);
  if (!isValid(date)) return String(value);
  const text = `${formatShortDate(date, language)}, ${formatTime(date, language)}`;
  return language === 'nl' ? `${text} uur` : text;
}

/** "over 2 uur", "over 3 dagen": how long until an instant, in the largest sensible unit. */
export function formatTimeUntil(target: string | Date, now: Date, language: Language): string {
  const ms = toDate(target).getTime() - now.getTime();
  const rtf = new Intl.RelativeTimeFormat(LOCALE[language], { numeric: 'auto' });
  const hours = ms / 3_600_000;
  if (Math.abs(hours) < 1) return rtf.format(Math.round(ms / 60_000), 'minute');
  if (Math.abs(hours) < 48) return rtf.format(Math.round(hours), 'hour');
  return rtf.format(Math.round(hours / 24), 'day');
}
