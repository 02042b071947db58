// BASELINE ONLY (bench/extract.ts): src/domain/slots/dutch-dates.ts as of commit 0758b10, before the slot
// extraction was made linear (issue 10, finding 4). Kept to measure old against new in one run;
// nothing in src/ or tests/ may import it.
// Calendar dates as Dutch mails write them. chrono-node's Dutch parser reads the month-name dates
// well ("dinsdag 14 juni 2022", "5 juli", "3 sept."); own rules cover what it misses or misreads:
// "23-6" without a year, lists ("14, 21 of 28 juni"), "'22", typos in month names, "week 26",
// and weekday words right before a date, which it takes for "zo" in "zo snel mogelijk" too.
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { WeekdayNumbers } from 'luxon';
import {
  MONTH_PATTERN,
  parseMisspelledMonth,
  parseMonthWord,
  parseWeekdayWord,
  WEEKDAY_NAMES,
} from './dutch-vocabulary.js';
import type { Daypart } from './dutch-vocabulary.js';

export interface DateMention {
  /** Start in the line, including a weekday word before the date. */
  readonly index: number;
  readonly end: number;
  readonly day: number;
  readonly month: number;
  readonly year?: number;
  /** The weekday the mail writes next to the date (ISO, Monday 1), to check against the date. */
  readonly weekday?: WeekdayNumbers;
  readonly daypart?: Daypart;
  /** "14 t/m 18 juni": the end of a period, not a date to plan on. */
  readonly isPeriod?: boolean;
}

export interface WeekMention {
  readonly index: number;
  readonly end: number;
  readonly text: string;
  readonly weeks: readonly number[];
}

export interface WeekdayMention {
  readonly index: number;
  readonly end: number;
  readonly weekday: WeekdayNumbers;
}

const NUMERIC_DATE =
  /(?<![\p{L}\d.:/-])(?<d>\d{1,2})(?<sep>[-/])(?<m>\d{1,2})(?:\k<sep>(?<y>\d{4}|\d{2}))?(?![\d/-]|[.:]\d)|(?<![\p{L}\d.:/-])(?<d2>\d{1,2})\.(?<m2>\d{1,2})\.(?<y2>\d{4})(?!\d)/gu;
const ISO_DATE = /(?<![\d-])(?<y>20\d{2})-(?<m>\d{2})-(?<d>\d{2})(?![\d-])/gu;
const MONTH_WORD = new RegExp(String.raw`(?<!\p{L})(?:${MONTH_PATTERN})\.?(?!\p{L})`, 'iu');
const OTHER_DATE =
  /(?<![\p{L}\d.:/-])(?<d>\d{1,2})(?:e|de|ste)?\s+(?<word>\p{L}{3,10})\.?(?:\s+(?<y>20\d{2}))?(?!\p{L})/giu;
const SHORT_YEAR = /^\s*['’‘](?<y>\d{2})(?!\d)/u;
const LIST_ITEM =
  /(?<![\p{L}\d.:/-])(?<!(?:week|wk\.?|weeknummer)\s*)(?<d>\d{1,2})\s*(?:,|&|\/|\ben\b|\bof\b)\s*(?:(?<weekday>\p{L}+)\.?,?\s+)?$/diu;
const PERIOD_START = /(?<![\p{L}\d.:/-])\d{1,2}\s*(?:t\/m|tot en met|tot|-|–)\s*$/u;
const WORD_BEFORE = /(?<!\p{L})(?<word>\p{L}+(?:-\p{L}+)?)\.?\s*,?\s*(?:de\s+)?$/iu;
const WEEK =
  /(?<!\p{L})(?:week|wk\.?|weeknummer)\s*(?<first>\d{1,2})(?<more>(?:\s*(?:,|en|of|t\/m|-|–)\s*\d{1,2}(?![\d.:]))*)(?!\d)/giu;
const WEEKDAY_WORD = new RegExp(
  String.raw`(?<!\p{L})(?:${WEEKDAY_NAMES.join('|')})(?:-?(?:ochtend|morgen|namiddag|middag|avond))?(?:en|s)?(?!\p{L})`,
  'giu',
);

function overlaps(a: { index: number; end: number }, b: { index: number; end: number }): boolean {
  return a.index < b.end && b.index < a.end;
}

function toYear(written: string | undefined): number | undefined {
  if (written === undefined) return undefined;
  const n = Number(written);
  return written.length === 2 ? 2000 + n : n;
}

interface BareDate {
  readonly index: number;
  readonly end: number;
  readonly day: number;
  readonly month: number;
  readonly year?: number;
  readonly isPeriod?: boolean;
}

function findNumericDates(text: string): BareDate[] {
  const found: BareDate[] = [];
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const g = match.groups ?? {};
    const day = Number(g.d ?? g.d2);
    const month = Number(g.m ?? g.m2);
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    const year = toYear(g.y ?? g.y2);
    const end = match.index + match[0].length;
    found.push({ index: match.index, end, day, month, ...(year ? { year } : {}) });
  }
  for (const match of text.matchAll(ISO_DATE)) {
    const g = match.groups ?? {};
    const end = match.index + match[0].length;
    found.push({
      index: match.index,
      end,
      day: Number(g.d),
      month: Number(g.m),
      year: Number(g.y),
    });
  }
  return found;
}

function findMonthNameDates(text: string, taken: readonly BareDate[]): BareDate[] {
  const found: BareDate[] = [];
  for (const result of chrono.nl.parse(text)) {
    const { start } = result;
    // Only dates the text spells out: chrono also reads "morgen" and a lone weekday as dates.
    if (!start.isCertain('day') || !start.isCertain('month') || !MONTH_WORD.test(result.text)) {
      continue;
    }
    const digit = result.text.search(/\d/);
    if (digit < 0) continue;
    const index = result.index + digit;
    let end = result.index + result.text.length;
    let year = start.isCertain('year') ? start.get('year') : null;
    const shortYear = SHORT_YEAR.exec(text.slice(end));
    if (year === null && shortYear?.groups?.y) {
      year = 2000 + Number(shortYear.groups.y);
      end += shortYear[0].length;
    }
    const mention = {
      index,
      end,
      day: start.get('day') ?? 0,
      month: start.get('month') ?? 0,
      // chrono reads "14-18 juni" as a range: a period, not one date.
      ...(result.end ? { isPeriod: true } : {}),
    };
    if (taken.some((t) => overlaps(t, mention))) continue;
    found.push(year === null ? mention : { ...mention, year });
  }
  return found;
}

/** Dates chrono misses: "14e juni", "31 juni" and a month with a typo ("14 jnui"). */
function findOtherDates(text: string, taken: readonly BareDate[]): BareDate[] {
  const found: BareDate[] = [];
  for (const match of text.matchAll(OTHER_DATE)) {
    const word = match.groups?.word ?? '';
    // Exact month names land here only when chrono refused the date ("31 juni"): still a date,
    // which resolveDate then reports as one that does not exist.
    const month = parseMonthWord(word) ?? parseMisspelledMonth(word);
    if (month === undefined) continue;
    const mention = {
      index: match.index,
      end: match.index + match[0].length,
      day: Number(match.groups?.d),
      month,
      ...(match.groups?.y ? { year: Number(match.groups.y) } : {}),
    };
    if (!taken.some((t) => overlaps(t, mention))) found.push(mention);
  }
  return found;
}

/** "14, 21 of 28 juni": chrono sees only "28 juni"; the days before it share its month. */
function expandLists(text: string, dates: readonly BareDate[]): BareDate[] {
  const expanded: BareDate[] = [...dates];
  for (const date of dates) {
    let prefixEnd = date.index;
    for (;;) {
      const item = LIST_ITEM.exec(text.slice(0, prefixEnd));
      const dayIndices = item?.indices?.groups?.d;
      const day = Number(item?.groups?.d);
      const weekday = item?.groups?.weekday;
      if (!item || !dayIndices || !(day >= 1 && day <= 31)) break;
      if (weekday !== undefined && !parseWeekdayWord(weekday)) break;
      const [index, end] = dayIndices;
      expanded.push({
        index,
        end,
        day,
        month: date.month,
        ...(date.year ? { year: date.year } : {}),
      });
      prefixEnd = index;
    }
  }
  return expanded;
}

/** The weekday word right before a date ("do 23-6", "maandagavond 27 juni", "dinsdag, 14 juni"). */
function attachWeekday(text: string, date: BareDate): DateMention {
  const before = WORD_BEFORE.exec(text.slice(0, date.index));
  const parsed = before?.groups?.word ? parseWeekdayWord(before.groups.word) : undefined;
  if (!before || !parsed) return date;
  return {
    ...date,
    index: date.index - before[0].length,
    weekday: parsed.weekday,
    ...(parsed.daypart ? { daypart: parsed.daypart } : {}),
  };
}

/** Every calendar date in a line whose clock times have been blanked out, left to right. */
export function findDateMentions(text: string): DateMention[] {
  const numeric = findNumericDates(text);
  const named = findMonthNameDates(text, numeric).map((date) => {
    // chrono reads only "18 juni" in "van 14 t/m 18 juni".
    const period = PERIOD_START.exec(text.slice(0, date.index));
    return period ? { ...date, index: date.index - period[0].length, isPeriod: true } : date;
  });
  const other = findOtherDates(text, [...numeric, ...named]);
  const dates = expandLists(text, [...named, ...other]);
  return [...numeric, ...dates]
    .sort((a, b) => a.index - b.index)
    .map((date) => attachWeekday(text, date));
}

/** "week 26", "wk 26", "week 26 of 27". */
export function findWeekMentions(text: string): WeekMention[] {
  return [...text.matchAll(WEEK)].flatMap((match) => {
    const more = (match.groups?.more ?? '').match(/\d{1,2}/g) ?? [];
    const weeks = [match.groups?.first ?? '', ...more].map(Number).filter((w) => w >= 1 && w <= 53);
    if (weeks.length === 0) return [];
    return [
      { index: match.index, end: match.index + match[0].length, text: match[0].trim(), weeks },
    ];
  });
}

/** Full weekday words that are not part of a date ("dinsdagavond", "op donderdag"). */
export function findLoneWeekdays(text: string, dates: readonly DateMention[]): WeekdayMention[] {
  const found: WeekdayMention[] = [];
  for (const match of text.matchAll(WEEKDAY_WORD)) {
    const span = { index: match.index, end: match.index + match[0].length };
    if (dates.some((d) => overlaps(d, span))) continue;
    const parsed = parseWeekdayWord(match[0].replace(/(?:en|s)$/iu, ''));
    const weekday = parsed?.weekday ?? parseWeekdayWord(match[0])?.weekday;
    if (weekday !== undefined) found.push({ ...span, weekday });
  }
  return found;
}

export type ResolvedDate =
  | { readonly kind: 'ok'; readonly date: DateTime }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'past'; readonly date: DateTime };

/**
 * The calendar date a mention means. Without a year: the first such date on or after the day the
 * mail arrived (a mail of December naming "14 januari" means next January).
 */
export function resolveDate(mention: DateMention, received: DateTime): ResolvedDate {
  const zone = received.zone;
  const today = received.startOf('day');
  const { day, month } = mention;
  if (mention.year !== undefined) {
    const date = DateTime.fromObject({ year: mention.year, month, day }, { zone });
    if (!date.isValid) return { kind: 'invalid' };
    return date < today ? { kind: 'past', date } : { kind: 'ok', date };
  }
  const thisYear = DateTime.fromObject({ year: today.year, month, day }, { zone });
  const nextYear = DateTime.fromObject({ year: today.year + 1, month, day }, { zone });
  // 29 februari exists only in a leap year: take whichever year has it.
  if (!thisYear.isValid && !nextYear.isValid) return { kind: 'invalid' };
  if (thisYear.isValid && thisYear >= today) return { kind: 'ok', date: thisYear };
  return nextYear.isValid ? { kind: 'ok', date: nextYear } : { kind: 'invalid' };
}

/** The date of a weekday in an ISO week, in the first year in which that date is still ahead. */
export function resolveWeekDate(
  week: number,
  weekday: WeekdayNumbers,
  received: DateTime,
): DateTime | null {
  const today = received.startOf('day');
  for (const weekYear of [today.weekYear, today.weekYear + 1]) {
    const date = DateTime.fromObject(
      { weekYear, weekNumber: week, weekday },
      { zone: received.zone },
    );
    if (date.isValid && date.weekNumber === week && date >= today) return date;
  }
  return null;
}

/** Monday and Sunday of an ISO week, in the first year in which the week is not over. */
export function resolveWeek(
  week: number,
  received: DateTime,
): { from: DateTime; to: DateTime } | null {
  const sunday = resolveWeekDate(week, 7, received);
  return sunday ? { from: sunday.minus({ days: 6 }), to: sunday } : null;
}
