// What each line of a mail says about time: clock times, parts of the day, dates, week numbers
// and weekdays without a date. Clock times are found first and blanked out, so that "10.30-11.30"
// is never read as the date 30 November.
import { findDateMentions, findLoneWeekdays, findWeekMentions } from './dutch-dates.js';
import type { DateMention, WeekdayMention, WeekMention } from './dutch-dates.js';
import { findClockSpecs, findDayparts } from './dutch-times.js';
import type { ClockSpec, DaypartMention } from './dutch-times.js';
import { firstAtOrAfter, matchAt } from './scan.js';
import type { Span } from './scan.js';

/** Where the sentences of a line start and end, found once for all the dates on it. */
export interface SentenceIndex {
  /** Where a sentence starts after ". ", "; ", …, ascending. */
  readonly starts: readonly number[];
  /** Just after a full stop (or ! ? ;) that ends a sentence, ascending. */
  readonly ends: readonly number[];
}

export interface LineInfo {
  readonly text: string;
  /** Lines separated by a blank line belong to different paragraphs. */
  readonly paragraph: number;
  readonly clocks: readonly ClockSpec[];
  readonly dayparts: readonly DaypartMention[];
  readonly dates: readonly DateMention[];
  readonly weeks: readonly WeekMention[];
  readonly loneWeekdays: readonly WeekdayMention[];
  readonly sentences: SentenceIndex;
  /** The words (runs of letters) of the line, in order. */
  readonly words: readonly Span[];
}

// '#' and not spaces: chrono's month parser misreads "5 juli" followed by a run of spaces. The
// spans come sorted by index (findClockSpecs); the line is built once, not once per span.
function blankOut(text: string, spans: readonly Span[]): string {
  let masked = '';
  let at = 0;
  for (const { index, end } of spans) {
    const from = Math.max(index, at);
    if (end <= from) continue;
    masked += text.slice(at, from) + '#'.repeat(end - from);
    at = end;
  }
  return masked + text.slice(at);
}

const WORD = /\p{L}+/gu;

function findWords(text: string): Span[] {
  return [...text.matchAll(WORD)].map((m) => ({ index: m.index, end: m.index + m[0].length }));
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
      sentences: indexSentences(text),
      words: findWords(text),
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

const SENTENCE_BREAK = /[.!?;]\s+(?=\S)/g;
const SENTENCE_END = /[.!?;](?=\s|$)/g;

export function indexSentences(text: string): SentenceIndex {
  return {
    starts: [...text.matchAll(SENTENCE_BREAK)].map((m) => m.index + m[0].length),
    ends: [...text.matchAll(SENTENCE_END)].map((m) => m.index + 1),
  };
}

/** The position of the first number in `sorted` that is greater than `value`. */
function firstAbove(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where the sentence holding `index` starts: times before a date count only within it. A break
 * counts only when the sentence after it has begun before `index`: in "Niet op 1 juni. 14 juni
 * …" the date 14 juni still belongs to the first sentence (the corpus's sources follow from it).
 */
export function sentenceStart(sentences: SentenceIndex, index: number): number {
  const before = firstAbove(sentences.starts, index - 1);
  return before > 0 ? sentences.starts[before - 1]! : 0;
}

/** Where the sentence holding `to` ends: after its full stop, or at the end of the text. */
function sentenceEnd(sentences: SentenceIndex, to: number, length: number): number {
  return sentences.ends[firstAbove(sentences.ends, to)] ?? length;
}

/**
 * The longest piece of a mail that a slot or a question quotes. A sentence is rarely a third of
 * this (the corpus's longest source is 88 characters); a longer one (a paragraph without full
 * stops, a list of a hundred dates) is quoted around the dates and times it is about, so that what
 * the extraction returns stays small whatever the mail, instead of quoting it once per date.
 */
export const MAX_QUOTE_LENGTH = 300;
const QUOTE_MARGIN = 60;

/** Where the next word starts (1) or the previous one ends (-1), if that is near `at`. */
function atWordEdge(text: string, at: number, direction: 1 | -1): number {
  const window = direction === 1 ? text.slice(at, at + 20) : text.slice(Math.max(0, at - 20), at);
  const space = direction === 1 ? window.indexOf(' ') : window.lastIndexOf(' ');
  if (space < 0) return at;
  return direction === 1 ? at + space + 1 : at - window.length + space;
}

/** [start, end) of `text`, or, when that is longer than MAX_QUOTE_LENGTH, the part around [from, to). */
function quoteAround(text: string, start: number, end: number, from: number, to: number): string {
  if (end - start <= MAX_QUOTE_LENGTH) return text.slice(start, end);
  const head = Math.max(start, from - QUOTE_MARGIN);
  const tail = Math.min(end, to + QUOTE_MARGIN);
  const first = head > start ? atWordEdge(text, head, 1) : head;
  const last = tail < end ? atWordEdge(text, tail, -1) : tail;
  const core = MAX_QUOTE_LENGTH - 2 * QUOTE_MARGIN;
  const middle =
    to - from <= core
      ? text.slice(first, last)
      : `${text.slice(first, from + core / 2)} … ${text.slice(to - core / 2, last)}`;
  return `${first > start ? '…' : ''}${middle}${last < end ? '…' : ''}`;
}

/** The sentence(s) of a line around [from, to): a long paragraph is not a useful source. */
export function cutToSentence(
  text: string,
  from: number,
  to: number,
  sentences: SentenceIndex = indexSentences(text),
): string {
  const start = sentenceStart(sentences, from);
  return quoteAround(text, start, sentenceEnd(sentences, to, text.length), from, to);
}

// Sticky, with \b on both sides: "…en" at the end of a word or glued to the next is no separator.
const SEPARATOR_WORD = /\b(?:en|of|op|verder)\b/iuy;

/** Where a separator (". , ; : – -", "en", "of", "op", "verder") that ends at `end` starts. */
function separatorEndingAt(text: string, end: number): number | undefined {
  if ('.,;:–-'.includes(text[end - 1] ?? 'x')) return end - 1;
  for (const length of [2, 6]) {
    const match = end >= length ? matchAt(SEPARATOR_WORD, text, end - length) : null;
    if (match?.[0].length === length) return end - length;
  }
  return undefined;
}

/**
 * `text` without the separators and spaces it ends with, as `/(?:\s*(?:[.,;:–-]|\ben\b|…))+\s*$/`
 * would strip them, but read from the end: that pattern backtracks over a long run of separators
 * once for every position in it.
 */
function stripTrailingSeparators(text: string): string {
  let start = text.length;
  let at = text.length;
  for (;;) {
    let end = at;
    while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
    const separator = separatorEndingAt(text, end);
    if (separator === undefined) break;
    at = separator;
    start = at;
    while (start > 0 && /\s/u.test(text[start - 1]!)) start--;
  }
  return at === text.length ? text : text.slice(0, start);
}

/** "14 juni,", "21 of": a piece of a line without its dangling separators. */
export function tidyFragment(text: string): string {
  return stripTrailingSeparators(stripListMarker(text))
    .replace(/^\s*(?:[,;:–-]|\ben\b|\bof\b)\s*/iu, '')
    .trim();
}

const PREFERENCE_START =
  /^(?:optie|voorkeur|keuze|datum|data|mogelijkheid|\d{1,2}[e]?\s*(?:voorkeur|keuze))\b/iu;

function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * A sentence that lists a preferred date (so a missing time is worth a question): a list item,
 * a sentence that starts like one, or one that says little more than the date.
 */
export function looksLikePreference(line: LineInfo, date: DateMention): boolean {
  if (date.weekday !== undefined) return true;
  const start = sentenceStart(line.sentences, date.index);
  const end = sentenceEnd(line.sentences, date.end, line.text.length);
  const sentence = line.text.slice(start, end);
  if (LIST_ITEM.test(sentence) || PREFERENCE_START.test(sentence.trim())) return true;
  // The words of the sentence besides (the first occurrence of) the date's own text. Counted from
  // the line's words where that is exact, so a long sentence is not scanned again for each date:
  // a sentence starts after a space and ends after a full stop, so no word crosses its edges.
  const dateText = line.text.slice(date.index, date.end);
  const dateWords = countWords(dateText);
  const sentenceWords = firstAtOrAfter(line.words, end) - firstAtOrAfter(line.words, start);
  // A date without letters ("23-6") replaced by a space leaves every word as it was.
  if (dateWords === 0) return sentenceWords <= 2;
  // Removing the date removes at most its own words.
  if (sentenceWords - dateWords > 2) return false;
  return countWords(sentence.replace(dateText, ' ')) <= 2;
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
