// BASELINE ONLY (bench/extract.ts): src/domain/slots/dutch-vocabulary.ts as of commit 0758b10, before the slot
// extraction was made linear (issue 10, finding 4). Kept to measure old against new in one run;
// nothing in src/ or tests/ may import it.
// Dutch words for months, weekdays, parts of the day and clock hours, with the spellings and
// typos that occur in real sign-up mails.
import type { DateTime, WeekdayNumbers } from 'luxon';

export type Daypart = 'ochtend' | 'middag' | 'avond';

/**
 * Conventional start of a workshop when a mail names only the part of the day ("'s avonds",
 * "maandagmiddag"): council evenings start at 19:30 (the 2022 campaign's workshops ran
 * 19:30–22:30), a morning at 09:00 and an afternoon at 13:00, as in municipal agendas.
 * The end then follows from the campaign's default duration.
 */
export const DAYPART_DEFAULT_START: Readonly<Record<Daypart, { hour: number; minute: number }>> = {
  ochtend: { hour: 9, minute: 0 },
  middag: { hour: 13, minute: 0 },
  avond: { hour: 19, minute: 30 },
};

export const MONTH_NAMES = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** Monday first, as ISO weekdays (luxon's `weekday` 1–7). */
export const WEEKDAY_NAMES = [
  'maandag',
  'dinsdag',
  'woensdag',
  'donderdag',
  'vrijdag',
  'zaterdag',
  'zondag',
] as const;

// No "vrij", "zat" or "zon": those are also ordinary words ("vrij" = free).
const WEEKDAY_ABBREVIATIONS: Readonly<Record<string, WeekdayNumbers>> = {
  ma: 1,
  maa: 1,
  di: 2,
  din: 2,
  wo: 3,
  woe: 3,
  do: 4,
  don: 4,
  vr: 5,
  za: 6,
  zo: 7,
};

const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  febr: 2,
  mrt: 3,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Regex source of every month spelling (full and abbreviated), longest first. */
export const MONTH_PATTERN = [...MONTH_NAMES, ...Object.keys(MONTH_ABBREVIATIONS)]
  .sort((a, b) => b.length - a.length)
  .join('|');

const DAYPART_SUFFIXES: Readonly<Record<string, Daypart>> = {
  ochtend: 'ochtend',
  morgen: 'ochtend',
  middag: 'middag',
  namiddag: 'middag',
  avond: 'avond',
};

const DAYPART_WORDS: Readonly<Record<string, Daypart>> = {
  ochtends: 'ochtend',
  morgens: 'ochtend',
  ochtend: 'ochtend',
  voormiddag: 'ochtend',
  middags: 'middag',
  middag: 'middag',
  namiddag: 'middag',
  avonds: 'avond',
  avond: 'avond',
};

export const HOUR_WORDS: Readonly<Record<string, number>> = {
  een: 1,
  één: 1,
  eén: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
};

export const HOUR_WORD_PATTERN = Object.keys(HOUR_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

export function parseDaypartWord(word: string): Daypart | undefined {
  return DAYPART_WORDS[word.toLowerCase()];
}

export function parseDaypartSuffix(word: string): Daypart | undefined {
  return DAYPART_SUFFIXES[word.toLowerCase()];
}

/** A month name or abbreviation, exactly as written (a trailing dot allowed). */
export function parseMonthWord(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTH_NAMES.findIndex((name) => name === w);
  if (full >= 0) return full + 1;
  return MONTH_ABBREVIATIONS[w];
}

/** A month name with one typo ("jnui", "septmber"), only when exactly one month is that close. */
export function parseMisspelledMonth(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w.length < 4 || parseMonthWord(w) !== undefined) return undefined;
  const close = MONTH_NAMES.flatMap((name, i) => (isWithinOneEdit(w, name) ? [i + 1] : []));
  return close.length === 1 ? close[0] : undefined;
}

export interface WeekdayWord {
  readonly weekday: WeekdayNumbers;
  readonly daypart?: Daypart;
}

/**
 * "dinsdag", "di", "di.", "dinsdagavond", and a weekday with one typo ("dinsdg"). Abbreviations
 * are accepted only because callers use this right before a date ("do 23-6"): on its own, "zo"
 * is mostly the word in "zo snel mogelijk".
 */
export function parseWeekdayWord(word: string): WeekdayWord | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const abbreviated = WEEKDAY_ABBREVIATIONS[w];
  if (abbreviated !== undefined) return { weekday: abbreviated };
  for (const [i, name] of WEEKDAY_NAMES.entries()) {
    const weekday = toWeekday(i + 1);
    if (w === name) return { weekday };
    if (w.startsWith(name)) {
      const daypart = parseDaypartSuffix(w.slice(name.length).replace(/^-/, ''));
      if (daypart) return { weekday, daypart };
    }
  }
  if (w.length < 6) return undefined;
  const close = WEEKDAY_NAMES.flatMap((name, i) => (isWithinOneEdit(w, name) ? [i + 1] : []));
  return close.length === 1 && close[0] !== undefined
    ? { weekday: toWeekday(close[0]) }
    : undefined;
}

/** Optimal string alignment distance ≤ 1: one insertion, deletion, substitution or swap. */
export function isWithinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

function toWeekday(n: number): WeekdayNumbers {
  if (n === 1 || n === 2 || n === 3 || n === 4 || n === 5 || n === 6 || n === 7) return n;
  throw new RangeError(`Not an ISO weekday: ${n}`);
}

export function nameWeekday(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? String(weekday);
}

/** "14 juni 2022": how a Dutch letter writes a date. */
export function formatDutchDate(date: DateTime): string {
  return `${date.day} ${MONTH_NAMES[date.month - 1] ?? date.month} ${date.year}`;
}

/** "dinsdag 14 juni 2022". */
export function formatDutchDateWithWeekday(date: DateTime): string {
  return `${nameWeekday(date.weekday)} ${formatDutchDate(date)}`;
}
