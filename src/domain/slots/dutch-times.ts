// Clock times and parts of the day as Dutch mails write them: "19.30", "19:30 uur", "van 19.30
// tot 22.30", "19:30–22:30", "tussen 7 en 10 uur", "half acht", "kwart over zeven", "'s avonds",
// "maandagavond". chrono-node's Dutch parser misses "van … tot …", "half acht" and "'s avonds",
// so these are own rules.
import {
  HOUR_WORDS,
  HOUR_WORD_PATTERN,
  parseDaypartSuffix,
  parseDaypartWord,
  WEEKDAY_NAMES,
} from './dutch-vocabulary.js';
import type { Daypart } from './dutch-vocabulary.js';
import { matchAt, overlapTest, tailBefore } from './scan.js';

export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
  /** Written without a 24-hour clock ("half acht", "8 uur"): both 08:00 and 20:00 are readings. */
  readonly isOpenMeridiem: boolean;
}

interface Span {
  readonly index: number;
  readonly end: number;
}

export interface ClockSpec extends Span {
  readonly start: ClockTime;
  readonly finish?: ClockTime;
}

export interface DaypartMention extends Span {
  readonly daypart: Daypart;
}

interface Atom extends Span {
  readonly time: ClockTime;
  /** Whether the atom is a start time on its own, outside a range ("3 uur" may be a duration). */
  readonly canStandAlone: boolean;
}

const NOT_BEFORE = String.raw`(?<![\p{L}\d.:/,€])(?<!€\s)`;
const NUMBER = String.raw`(?:${HOUR_WORD_PATTERN}|\d{1,2})`;
const ATOM = new RegExp(
  [
    String.raw`${NOT_BEFORE}(?<hmH>[01]?\d|2[0-4])[.:hu](?<hmM>[0-5]\d)(?!\d|[.:/]\d)(?:\s*(?:uur|u)(?!\p{L}))?`,
    String.raw`(?<!\p{L})half\s+(?<halfN>${NUMBER})(?![\p{L}\d])(?:\s*uur(?!\p{L}))?`,
    String.raw`(?<!\p{L})kwart\s+(?<kwartDir>over|voor)\s+(?<kwartN>${NUMBER})(?![\p{L}\d])(?:\s*uur(?!\p{L}))?`,
    String.raw`${NOT_BEFORE}(?<!\p{L})(?<uurN>${NUMBER})\s*(?:uur|u)(?!\p{L})`,
  ].join('|'),
  'giu',
);
// "half negen 's ochtends tot 12 uur": a part of the day may sit between the two times.
const RANGE_SEPARATOR =
  /^\s*(?:(?:['’‘\u0060]\s?s\s+|in\s+de\s+)\p{L}+\s*)?(?:-|–|—|‒|tot(?:\s+(?:en\s+met|ca\.?|circa|ongeveer|uiterlijk|max(?:imaal)?\.?))?|t\/m)\s*$/iu;
// End-anchored, tested on the characters before a time (scan.ts `tailBefore`), so bounded: at most
// 26 characters. `^` is the start of the line only: a match cannot reach the start of a tail.
const BARE_START = new RegExp(
  String.raw`(?:^|[^\p{L}\d.:/-])(?:(?<pre>van|tussen)\s{1,3})?(?<n>${NUMBER})\s{0,3}(?<sep>-|–|—|‒|tot|t\/m|en)\s{0,3}$`,
  'iu',
);
// Tested right after a time (sticky, at its end).
const BARE_END = /\s*(?:-|–|—|tot)\s*(?<n>\d{1,2})(?=\s*(?:[,;.)]|$))/uy;
// "van 7 tot 10 's avonds": a range of bare hours, only after "van" or "tussen" and not before a
// word ("van 3 tot 5 deelnemers").
const BARE_RANGE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:van|tussen)\s+(?<from>${NUMBER})\s*(?:-|–|tot|en)\s*(?<to>${NUMBER})(?![\p{L}\d.:])(?!\s*\p{L})`,
  'giu',
);
// Times of a walk-in or a meal are not the workshop ("inloop vanaf 19.00 uur, aanvang 19.30").
// End-anchored and bounded like BARE_START (at most 22 characters).
const AUXILIARY_TIME =
  /(?<!\p{L})(?:inloop|ontvangst|koffie|diner|maaltijd|soep|broodjes?|eten|borrel|pauze)\s{0,3}(?:vanaf|om|van|:)?\s{0,3}$/iu;
// A bare "8 uur" is a start time only after a word that says so; otherwise "3 uur" is a duration.
// End-anchored and bounded (at most 13 characters).
const START_WORD =
  /(?<!\p{L})(?:om|vanaf|aanvang|start|starten|begin|beginnen|rond|omstreeks)\s{0,3}$/iu;
const TUSSEN_BEFORE = /tussen\s{0,3}$/iu;

const COMPOUND_DAYPART = new RegExp(
  String.raw`(?<!\p{L})(?:${WEEKDAY_NAMES.join('|')})-?(?<suffix>ochtend|morgen|namiddag|middag|avond)(?!\p{L})`,
  'giu',
);
const DAYPART = new RegExp(
  [
    // 's avonds, ’s avonds, s'avonds (a common misspelling), savonds
    String.raw`(?:['’‘\u0060´]\s?s|(?<!\p{L})s['’‘\u0060´]?)\s?(?<adverb>ochtends|morgens|middags|avonds)(?!\p{L})`,
    String.raw`(?<!\p{L})(?<noun>ochtend|voormiddag|namiddag|middag|avond)(?:en|uren|sessie|bijeenkomst|programma)?(?!\p{L})`,
  ].join('|'),
  'giu',
);

function parseNumber(word: string): number {
  return HOUR_WORDS[word.toLowerCase()] ?? Number(word);
}

function toAtom(match: RegExpExecArray, text: string): Atom | undefined {
  const g = match.groups ?? {};
  const span = { index: match.index, end: match.index + match[0].length };
  if (g.hmH !== undefined && g.hmM !== undefined) {
    const time = { hour: Number(g.hmH), minute: Number(g.hmM), isOpenMeridiem: false };
    return { ...span, time, canStandAlone: true };
  }
  if (g.halfN !== undefined) {
    const n = parseNumber(g.halfN);
    if (n < 1 || n > 12) return undefined;
    // "half acht" is half an hour before eight.
    return {
      ...span,
      time: { hour: n - 1 || 12, minute: 30, isOpenMeridiem: true },
      canStandAlone: true,
    };
  }
  if (g.kwartN !== undefined) {
    const n = parseNumber(g.kwartN);
    if (n < 1 || n > 12) return undefined;
    const time =
      g.kwartDir?.toLowerCase() === 'over'
        ? { hour: n, minute: 15, isOpenMeridiem: true }
        : { hour: n - 1 || 12, minute: 45, isOpenMeridiem: true };
    return { ...span, time, canStandAlone: true };
  }
  if (g.uurN !== undefined) {
    const n = parseNumber(g.uurN);
    if (n > 24) return undefined;
    const isOpenMeridiem = n >= 1 && n < 12;
    const canStandAlone = !isOpenMeridiem || START_WORD.test(tailBefore(text, match.index));
    return { ...span, time: { hour: n, minute: 0, isOpenMeridiem }, canStandAlone };
  }
  return undefined;
}

function findAtoms(text: string): Atom[] {
  const atoms: Atom[] = [];
  for (const match of text.matchAll(ATOM)) {
    const atom = toAtom(match, text);
    if (atom) atoms.push(atom);
  }
  return atoms;
}

function bareTime(n: number): ClockTime {
  return { hour: n, minute: 0, isOpenMeridiem: n >= 1 && n < 12 };
}

/** Every clock time and time range in a line, left to right. */
export function findClockSpecs(text: string): ClockSpec[] {
  const atoms = findAtoms(text).filter((a) => !AUXILIARY_TIME.test(tailBefore(text, a.index)));
  const specs: ClockSpec[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i]!;
    const next = atoms[i + 1];
    const before = tailBefore(text, atom.index);
    if (next && isRangeSeparator(text.slice(atom.end, next.index), before)) {
      specs.push({ index: atom.index, end: next.end, start: atom.time, finish: next.time });
      i++;
      continue;
    }
    const bareStart = BARE_START.exec(before);
    const sep = bareStart?.groups?.sep?.toLowerCase();
    if (
      bareStart?.groups?.n &&
      (sep !== 'en' || bareStart.groups.pre?.toLowerCase() === 'tussen')
    ) {
      const n = parseNumber(bareStart.groups.n);
      if (n <= 24) {
        const skip = /^[^\p{L}\d]/u.test(bareStart[0]) ? 1 : 0;
        const index = atom.index - bareStart[0].length + skip;
        specs.push({ index, end: atom.end, start: bareTime(n), finish: atom.time });
        continue;
      }
    }
    const bareEnd = atom.time.isOpenMeridiem ? null : matchAt(BARE_END, text, atom.end);
    if (bareEnd?.groups?.n && Number(bareEnd.groups.n) <= 24) {
      const finish = bareTime(Number(bareEnd.groups.n));
      specs.push({
        index: atom.index,
        end: atom.end + bareEnd[0].length,
        start: atom.time,
        finish,
      });
      continue;
    }
    if (atom.canStandAlone) specs.push({ index: atom.index, end: atom.end, start: atom.time });
  }
  // Ranges of bare hours never overlap each other, so only the specs found so far count.
  const isTaken = overlapTest(specs);
  for (const match of text.matchAll(BARE_RANGE)) {
    const index = match.index + (match[0].length - match[0].trimStart().length);
    const end = match.index + match[0].length;
    if (isTaken({ index, end })) continue;
    const [from, to] = [match.groups?.from, match.groups?.to].map((n) => parseNumber(n ?? ''));
    if (from === undefined || to === undefined || from > 24 || to > 24) continue;
    specs.push({ index, end, start: bareTime(from), finish: bareTime(to) });
  }
  return specs.sort((a, b) => a.index - b.index);
}

function isRangeSeparator(between: string, before: string): boolean {
  if (RANGE_SEPARATOR.test(between)) return true;
  return /^\s*en\s*$/iu.test(between) && TUSSEN_BEFORE.test(before);
}

/** "'s avonds", "in de middag", "avonduren", "maandagavond", … */
export function findDayparts(text: string): DaypartMention[] {
  const found: DaypartMention[] = [];
  for (const match of text.matchAll(COMPOUND_DAYPART)) {
    const daypart = parseDaypartSuffix(match.groups?.suffix ?? '');
    if (daypart) found.push({ index: match.index, end: match.index + match[0].length, daypart });
  }
  for (const match of text.matchAll(DAYPART)) {
    const daypart = parseDaypartWord(match.groups?.adverb ?? match.groups?.noun ?? '');
    if (daypart) found.push({ index: match.index, end: match.index + match[0].length, daypart });
  }
  return found.sort((a, b) => a.index - b.index);
}

export interface ResolvedTime {
  readonly hour: number;
  readonly minute: number;
}

export interface ResolvedSpec {
  readonly start: ResolvedTime;
  /** Absent when the mail gives only a start time. */
  readonly end?: ResolvedTime;
  /** True when the end is after midnight ("20.00 tot 00.30"). */
  readonly endsNextDay: boolean;
}

/** The 24-hour readings of a written time, given the part of the day the mail mentions. */
function readHours(time: ClockTime, context: Daypart | undefined): number[] {
  const { hour } = time;
  // "7.30 's avonds" is 19:30 and "2 uur 's middags" is 14:00, even when written with minutes.
  if (context === 'avond' && hour >= 1 && hour < 12) return [hour + 12];
  if (context === 'middag' && hour >= 1 && hour <= 6) return [hour + 12];
  if (!time.isOpenMeridiem || hour === 12 || context !== undefined) return [hour];
  // Nobody plans a workshop at two at night: "van twee tot vijf" is the afternoon. From seven
  // to eleven both readings are plausible and the mail must say which.
  if (hour <= 6) return [hour + 12];
  return [hour, hour + 12];
}

const MAX_WORKSHOP_MINUTES = 12 * 60;

function toMinutes(hour: number, minute: number): number {
  return hour * 60 + minute;
}

function fromMinutes(total: number): ResolvedTime {
  const wrapped = ((total % 1440) + 1440) % 1440;
  return { hour: Math.floor(wrapped / 60), minute: wrapped % 60 };
}

/**
 * All readings of a clock spec that make sense (an end after the start, at most twelve hours
 * later). One reading: resolved. Several: the mail is ambiguous and the caller asks.
 */
export function resolveClockSpec(spec: ClockSpec, context: Daypart | undefined): ResolvedSpec[] {
  const starts = readHours(spec.start, context).map((h) => toMinutes(h, spec.start.minute));
  if (!spec.finish) {
    return starts.map((s) => ({ start: fromMinutes(s), endsNextDay: false }));
  }
  const finish = spec.finish;
  const ends = readHours(finish, context).map((h) => toMinutes(h, finish.minute));
  const readings: ResolvedSpec[] = [];
  for (const s of starts) {
    for (const e of ends) {
      const duration = e > s ? e - s : e + 1440 - s;
      if (duration > 0 && duration <= MAX_WORKSHOP_MINUTES) {
        readings.push({
          start: fromMinutes(s),
          end: fromMinutes(e),
          endsNextDay: e <= s || e >= 1440,
        });
      }
    }
  }
  if (readings.length <= 1) return readings;
  // "19.30 tot elf uur": prefer readings that stay within the day over those crossing midnight.
  const sameDay = readings.filter((r) => !r.endsNextDay);
  if (sameDay.length === 0) return readings;
  const shortest = Math.min(...sameDay.map((r) => durationOf(r)));
  return sameDay.filter((r) => durationOf(r) === shortest);
}

function durationOf(r: ResolvedSpec): number {
  const s = toMinutes(r.start.hour, r.start.minute);
  const e = r.end ? toMinutes(r.end.hour, r.end.minute) : s;
  return e > s ? e - s : e + 1440 - s;
}

export function formatClock(time: ResolvedTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}
