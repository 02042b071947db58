// BASELINE ONLY (bench/extract.ts): src/domain/slots/analyse-lines.ts as of commit 0758b10, before the slot
// extraction was made linear (issue 10, finding 4). Kept to measure old against new in one run;
// nothing in src/ or tests/ may import it.
// What each line of a mail says about time: clock times, parts of the day, dates, week numbers
// and weekdays without a date. Clock times are found first and blanked out, so that "10.30-11.30"
// is never read as the date 30 November.
import { findDateMentions, findLoneWeekdays, findWeekMentions } from './dutch-dates.js';
import type { DateMention, WeekdayMention, WeekMention } from './dutch-dates.js';
import { findClockSpecs, findDayparts } from './dutch-times.js';
import type { ClockSpec, DaypartMention } from './dutch-times.js';

export interface LineInfo {
  readonly text: string;
  /** Lines separated by a blank line belong to different paragraphs. */
  readonly paragraph: number;
  readonly clocks: readonly ClockSpec[];
  readonly dayparts: readonly DaypartMention[];
  readonly dates: readonly DateMention[];
  readonly weeks: readonly WeekMention[];
  readonly loneWeekdays: readonly WeekdayMention[];
}

// '#' and not spaces: chrono's month parser misreads "5 juli" followed by a run of spaces.
function blankOut(text: string, spans: readonly { index: number; end: number }[]): string {
  let masked = text;
  for (const { index, end } of spans) {
    masked = masked.slice(0, index) + '#'.repeat(end - index) + masked.slice(end);
  }
  return masked;
}

export function analyseLines(lines: readonly string[]): LineInfo[] {
  let paragraph = 0;
  return lines.map((text) => {
    if (text === '') paragraph++;
    const clocks = findClockSpecs(text);
    const masked = blankOut(text, clocks);
    const dates = findDateMentions(masked);
    return {
      text,
      paragraph,
      clocks,
      dayparts: findDayparts(text),
      dates,
      weeks: dates.length > 0 ? [] : findWeekMentions(masked),
      loneWeekdays: findLoneWeekdays(masked, dates),
    };
  });
}

// Lines about when someone can be reached are not about the workshop.
export const AVAILABILITY = /bereikbaar|aanwezig|werkdag|werkzaam|telefonisch|spreekuur/i;

/** A line that gives a time but no date: it may hold the time of dates above or below it. */
export function isTimeOnly(line: LineInfo): boolean {
  return (
    (line.clocks.length > 0 || line.dayparts.length > 0) &&
    line.dates.length === 0 &&
    line.weeks.length === 0 &&
    line.loneWeekdays.length === 0 &&
    !AVAILABILITY.test(line.text)
  );
}

const LIST_ITEM = /^(?:[-•*·▪◦–]\s*|\d{1,2}[.)]\s+|\(?[a-e1-9]\)\s+)/u;

export function stripListMarker(text: string): string {
  return text.replace(LIST_ITEM, '').trim();
}

/** Where the sentence holding `index` starts: times before a date count only within it. */
export function sentenceStart(text: string, index: number): number {
  const starts = [...text.slice(0, index).matchAll(/[.!?;]\s+(?=\S)/g)];
  const last = starts[starts.length - 1];
  return last ? last.index + last[0].length : 0;
}

/** The sentence(s) of a line around [from, to): a long paragraph is not a useful source. */
export function cutToSentence(text: string, from: number, to: number): string {
  const endMatch = /[.!?;](?=\s|$)/.exec(text.slice(to));
  const end = endMatch ? to + endMatch.index + 1 : text.length;
  return text.slice(sentenceStart(text, from), end);
}

/** "14 juni,", "21 of": a piece of a line without its dangling separators. */
export function tidyFragment(text: string): string {
  return stripListMarker(text)
    .replace(/(?:\s*(?:[.,;:–-]|\ben\b|\bof\b|\bop\b|\bverder\b))+\s*$/iu, '')
    .replace(/^\s*(?:[,;:–-]|\ben\b|\bof\b)\s*/iu, '')
    .trim();
}

const PREFERENCE_START =
  /^(?:optie|voorkeur|keuze|datum|data|mogelijkheid|\d{1,2}[e]?\s*(?:voorkeur|keuze))\b/iu;

/** A sentence that lists a preferred date (so a missing time is worth a question). */
export function looksLikePreference(line: string, date: DateMention): boolean {
  if (date.weekday !== undefined) return true;
  const sentence = cutToSentence(line, date.index, date.end);
  if (LIST_ITEM.test(sentence) || PREFERENCE_START.test(sentence.trim())) return true;
  const rest = sentence.replace(line.slice(date.index, date.end), ' ');
  return (
    rest
      .replace(/[^\p{L}]+/gu, ' ')
      .trim()
      .split(' ')
      .filter(Boolean).length <= 2
  );
}

// Dates a mail refers to rather than proposes: the province's letter, the deadline, an earlier
// mail ("uw brief van 28 april", "vóór de deadline van 15 juni", "aanmelden kan tot 15 juni").
const REFERENCE =
  /(?:deadline|uiterlijk|vóór|d\.d\.|gedateerd|sinds|(?:brief|mail|e-mail|bericht|schrijven|uitnodiging)\s+van|(?:kan|kunt|mogelijk|aanmelden)\s+tot(?:\s+en\s+met)?)(?:[^\p{L}\d]+\p{L}+){0,4}[^\p{L}\d]*$/iu;

export function isReferenceToDate(prefix: string): boolean {
  return REFERENCE.test(prefix.slice(-60));
}

const NEGATION =
  /(?<!\p{L})(?:niet|geen|helaas|behalve|uitgezonderd|afwezig|verhinderd|vakantie)(?!\p{L})/iu;

export function isNegated(segment: string): boolean {
  return NEGATION.test(segment);
}

export const AS_SOON_AS_POSSIBLE =
  /(?<!\p{L})(?:zo\s+(?:snel|spoedig)\s+(?:als\s+)?mogelijk|z\.s\.m\.?|zsm|asap)(?!\p{L})/iu;
