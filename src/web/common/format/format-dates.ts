// Dates and times as people read them, in Amsterdam time. Dutch follows the government's
// writing conventions ("dinsdag 14 juni 2022, 19.30–22.30 uur"); English uses a 24-hour clock,
// as the Dutch organisations that read it do.
import { AMSTERDAM } from './amsterdam-time.js';

export type Language = 'nl' | 'en';

const LOCALE: Readonly<Record<Language, string>> = { nl: 'nl-NL', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat>();

function format(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALE[language], { timeZone: AMSTERDAM, ...options });
    cache.set(key, found);
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

/** A plain date (YYYY-MM-DD, an Amsterdam calendar day) as an instant on that day. */
function plainDateInstant(date: string): Date {
  // Noon UTC is 13:00 or 14:00 in Amsterdam: always the same calendar day.
  return new Date(`${date}T12:00:00Z`);
}

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? plainDateInstant(value) : new Date(value);
}

/** "19.30" (nl) / "19:30" (en). */
export function formatTime(value: string | Date, language: Language): string {
  const text = format(language, TIME).format(toDate(value));
  return language === 'nl' ? text.replace(':', '.') : text;
}

/** "dinsdag 14 juni 2022" / "Tuesday 14 June 2022". */
export function formatLongDate(value: string | Date, language: Language): string {
  return format(language, LONG_DATE).format(toDate(value)).replace(',', '');
}

/** "14 jun 2022" / "14 Jun 2022". */
export function formatShortDate(value: string | Date, language: Language): string {
  return format(language, SHORT_DATE).format(toDate(value));
}

/** "dinsdag 14 juni 2022, 19.30–22.30 uur" / "Tuesday 14 June 2022, 19:30–22:30". */
export function formatSlot(start: string, end: string, language: Language): string {
  const startDay = formatLongDate(start, language);
  const endDay = formatLongDate(end, language);
  const endText =
    startDay === endDay ? formatTime(end, language) : `${endDay}, ${formatTime(end, language)}`;
  const range = `${startDay}, ${formatTime(start, language)}–${endText}`;
  return language === 'nl' ? `${range} uur` : range;
}

/** "14 jun 2022, 09.15 uur" / "14 Jun 2022, 09:15": a moment in a log or a status line. */
export function formatMoment(value: string | Date, language: Language): string {
  const text = `${formatShortDate(value, language)}, ${formatTime(value, language)}`;
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
