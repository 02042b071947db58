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
import { matchAt, overlapTest, tailBefore } from './scan.js';

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
// Wherever a month word can be, even inside a longer word: text without it gives chrono no date
// that findMonthNameDates keeps.
const MONTH_ANYWHERE = new RegExp(MONTH_PATTERN, 'iu');
const SENTENCE_BREAK = /[.!?;]\s+(?=\S)/g;
const OTHER_DATE =
  /(?<![\p{L}\d.:/-])(?<d>\d{1,2})(?:e|de|ste)?\s+(?<word>\p{L}{3,10})\.?(?:\s+(?<y>20\d{2}))?(?!\p{L})/giu;
// Tested right after a date (sticky, at its end).
const SHORT_YEAR = /\s*['’‘](?<y>\d{2})(?!\d)/uy;
// End-anchored patterns, tested on the few characters before a date (scan.ts `tailBefore`): their
// quantifiers are bounded so that a match and its lookbehind fit in TAIL_LENGTH (at most 48, 19
// and 55 characters). No weekday word is longer than 20 letters, so a longer word is not one.
const LIST_ITEM =
  /(?<![\p{L}\d.:/-])(?<!(?:week|wk\.?|weeknummer)\s{0,3})(?<d>\d{1,2})\s{0,3}(?:,|&|\/|\ben\b|\bof\b)\s{0,3}(?:(?<weekday>\p{L}{1,20})\.?,?\s{1,3})?$/diu;
const PERIOD_START = /(?<![\p{L}\d.:/-])\d{1,2}\s{0,3}(?:t\/m|tot en met|tot|-|–)\s{0,3}$/u;
const WORD_BEFORE =
  /(?<!\p{L})(?<word>\p{L}{1,20}(?:-\p{L}{1,20})?)\.?\s{0,3},?\s{0,3}(?:de\s{1,3})?$/iu;
const WEEK =
  /(?<!\p{L})(?:week|wk\.?|weeknummer)\s*(?<first>\d{1,2})(?<more>(?:\s*(?:,|en|of|t\/m|-|–)\s*\d{1,2}(?![\d.:]))*)(?!\d)/giu;
const WEEKDAY_WORD = new RegExp(
  String.raw`(?<!\p{L})(?:${WEEKDAY_NAMES.join('|')})(?:-?(?:ochtend|morgen|namiddag|middag|avond))?(?:en|s)?(?!\p{L})`,
  'giu',
);

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

/**
 * chrono-node takes time that grows faster than the line it reads (on a line of 64 KB it was the
 * slowest part of the extraction), so a line longer than CHRONO_PIECE goes to it in pieces: whole
 * sentences where they fit, else cut after a space. No sign-up writes a sentence that long; in one
 * that does, a range such as "14 juni tot 18 juni" that straddles a cut is read as two dates.
 */
const CHRONO_PIECE = 1000;

function* chronoPieces(
  text: string,
): Generator<{ readonly offset: number; readonly text: string }> {
  for (let offset = 0; offset < text.length;) {
    let end = Math.min(offset + CHRONO_PIECE, text.length);
    if (end < text.length) {
      const window = text.slice(offset, end);
      const breaks = [...window.matchAll(SENTENCE_BREAK)];
      const lastBreak = breaks[breaks.length - 1];
      const cut = lastBreak ? lastBreak.index + lastBreak[0].length : window.lastIndexOf(' ') + 1;
      if (cut > 0) end = offset + cut;
    }
    const piece = text.slice(offset, end);
    if (MONTH_ANYWHERE.test(piece)) yield { offset, text: piece };
    offset = end;
  }
}

/** chrono's dates in the line, each with where it starts in the line. */
function* parseMonthNames(
  text: string,
): Generator<{ readonly index: number; readonly result: chrono.ParsedResult }> {
  for (const piece of chronoPieces(text)) {
    for (const result of chrono.nl.parse(piece.text)) {
      yield { index: piece.offset + result.index, result };
    }
  }
}

function findMonthNameDates(text: string, taken: readonly BareDate[]): BareDate[] {
  const found: BareDate[] = [];
  const isTaken = overlapTest(taken);
  for (const { index: resultIndex, result } of parseMonthNames(text)) {
    const { start } = result;
    // Only dates the text spells out: chrono also reads "morgen" and a lone weekday as dates.
    if (!start.isCertain('day') || !start.isCertain('month') || !MONTH_WORD.test(result.text)) {
      continue;
    }
    const digit = result.text.search(/\d/);
    if (digit < 0) continue;
    const index = resultIndex + digit;
    let end = resultIndex + result.text.length;
    let year = start.isCertain('year') ? start.get('year') : null;
    const shortYear = matchAt(SHORT_YEAR, text, end);
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
    if (isTaken(mention)) continue;
    found.push(year === null ? mention : { ...mention, year });
  }
  return found;
}

/** Dates chrono misses: "14e juni", "31 juni" and a month with a typo ("14 jnui"). */
function findOtherDates(text: string, taken: readonly BareDate[]): BareDate[] {
  const found: BareDate[] = [];
  const isTaken = overlapTest(taken);
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
    if (!isTaken(mention)) found.push(mention);
  }
  return found;
}

/** "14, 21 of 28 juni": chrono sees only "28 juni"; the days before it share its month. */
function expandLists(text: string, dates: readonly BareDate[]): BareDate[] {
  const expanded: BareDate[] = [...dates];
  for (const date of dates) {
    let prefixEnd = date.index;
    for (;;) {
      const tail = tailBefore(text, prefixEnd);
      const item = LIST_ITEM.exec(tail);
      const dayIndices = item?.indices?.groups?.d;
      const day = Number(item?.groups?.d);
      const weekday = item?.groups?.weekday;
      if (!item || !dayIndices || !(day >= 1 && day <= 31)) break;
      if (weekday !== undefined && !parseWeekdayWord(weekday)) break;
      const offset = prefixEnd - tail.length;
      const [index, end] = dayIndices.map((i) => i + offset) as [number, number];
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
  const before = WORD_BEFORE.exec(tailBefore(text, date.index));
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
    const period = PERIOD_START.exec(tailBefore(text, date.index));
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
    // Each week once: "week 26, 26, 26, …" is one week, not a thousand questions about it.
    const weeks = [
      ...new Set([match.groups?.first ?? '', ...more].map(Number).filter((w) => w >= 1 && w <= 53)),
    ];
    if (weeks.length === 0) return [];
    return [
      { index: match.index, end: match.index + match[0].length, text: match[0].trim(), weeks },
    ];
  });
}

/** Full weekday words that are not part of a date ("dinsdagavond", "op donderdag"). */
export function findLoneWeekdays(text: string, dates: readonly DateMention[]): WeekdayMention[] {
  const found: WeekdayMention[] = [];
  const isInDate = overlapTest(dates);
  for (const match of text.matchAll(WEEKDAY_WORD)) {
    const span = { index: match.index, end: match.index + match[0].length };
    if (isInDate(span)) continue;
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

/**
 * resolveDate for the dates of one mail: a date asked for again is answered from memory, as the
 * time zone arithmetic of luxon is the costly part of a long mail full of dates.
 */
export function dateResolver(received: DateTime): (mention: DateMention) => ResolvedDate {
  const known = new Map<string, ResolvedDate>();
  return (mention) => {
    const key = `${mention.day}-${mention.month}-${mention.year ?? ''}`;
    const resolved = known.get(key) ?? resolveDate(mention, received);
    known.set(key, resolved);
    return resolved;
  };
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
