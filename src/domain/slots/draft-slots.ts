// One draft per date a line mentions (or per week with a weekday), with the times on its own
// piece of the line. Lines that mention a day, a week or a month without a usable date become
// questions here.
import type { DateTime, WeekdayNumbers } from 'luxon';
import {
  AVAILABILITY,
  cutToSentence,
  isNegated,
  isReferenceToDate,
  looksLikePreference,
  sentenceStart,
  stripListMarker,
} from './analyse-lines.js';
import type { LineInfo } from './analyse-lines.js';
import { resolveWeek, resolveWeekDate } from './dutch-dates.js';
import type { DateMention, ResolvedDate } from './dutch-dates.js';
import type { ClockSpec } from './dutch-times.js';
import type { Daypart } from './dutch-vocabulary.js';
import { formatDutchDate, MONTH_NAMES, MONTH_PATTERN } from './dutch-vocabulary.js';
import { askVagueDate, askWeekdayWithoutDate, askWeekWithoutDay } from './questions.js';
import { spansStartingIn } from './scan.js';

export interface TimeSource {
  readonly clocks: readonly ClockSpec[];
  readonly dayparts: readonly Daypart[];
}

export interface Question {
  readonly order: number;
  readonly text: string;
}

export interface Draft {
  readonly lineIndex: number;
  readonly order: number;
  readonly date: ResolvedDate;
  readonly writtenWeekday?: number;
  readonly segment: string;
  readonly segmentStart: number;
  readonly index: number;
  readonly end: number;
  /** Starts as the time on the date's own piece of the line; sharing may fill it later. */
  time: TimeSource;
  readonly isNegated: boolean;
  /** A listed or weekday-named date: a missing time is worth a question. */
  readonly isPreference: boolean;
  /** Whether the time was on the date's own piece of the line (before any sharing). */
  readonly hasOwnTime: boolean;
  /** Set when this date took the time of the next date on its line ("14, 21 of 28 juni …"). */
  sharesWithNext?: boolean;
  extraSource?: string;
}

const HABIT =
  /(?<!\p{L})(?:elke|iedere|altijd|meestal|vaste)(?!\p{L})|dag(?:avond|middag|ochtend)?(?:en|s)(?!\p{L})/iu;
const VAGUE = new RegExp(
  String.raw`(?<!\p{L})(?:begin|eind|half|medio|halverwege|ergens in|na)\s+(?:${MONTH_PATTERN})(?!\p{L})`,
  'iu',
);

export function groupByLine(drafts: readonly Draft[]): Map<number, Draft[]> {
  const groups = new Map<number, Draft[]>();
  for (const draft of drafts) {
    const group = groups.get(draft.lineIndex) ?? [];
    group.push(draft);
    groups.set(draft.lineIndex, group);
  }
  return groups;
}

export function hasTime(time: TimeSource): boolean {
  return time.clocks.length > 0 || time.dayparts.length > 0;
}

/** The times on [start, end) of a line: a binary search, as a line may hold many dates. */
function timeWithin(line: LineInfo, start: number, end: number, extra?: Daypart): TimeSource {
  const dayparts = spansStartingIn(line.dayparts, start, end).map((d) => d.daypart);
  return {
    clocks: spansStartingIn(line.clocks, start, end),
    dayparts: [...new Set(extra ? [extra, ...dayparts] : dayparts)],
  };
}

export function timeOfLine(line: LineInfo): TimeSource {
  return timeWithin(line, 0, line.text.length);
}

/** What one line gives: its drafts, and the questions for what it mentions without a date. */
export interface LineDrafts {
  readonly drafts: Draft[];
  readonly questions: Question[];
}

export function draftsOfLine(
  line: LineInfo,
  lineIndex: number,
  received: DateTime,
  resolveDate: (mention: DateMention) => ResolvedDate,
): LineDrafts {
  if (line.dates.length > 0) return draftsOfDates(line, lineIndex, resolveDate);
  const weekdays = [...new Set(line.loneWeekdays.map((w) => w.weekday))];
  if (line.weeks.length > 0) return draftsOfWeeks(line, lineIndex, weekdays, received);
  return { drafts: [], questions: questionsWithoutDate(line, lineIndex, weekdays) };
}

/** One draft per date on the line, with the times on its own piece of it. */
function draftsOfDates(
  line: LineInfo,
  lineIndex: number,
  resolveDate: (mention: DateMention) => ResolvedDate,
): LineDrafts {
  const order = lineIndex * 1000;
  const drafts: Draft[] = [];
  const questions: Question[] = [];
  line.dates.forEach((date, i) => {
    const next = line.dates[i + 1];
    // "19.30 uur op dinsdag 14 juni": a time before the first date belongs to it, but only
    // within the same sentence ("Van 10.30 tot 11.30 overleg; verder dinsdag 14 juni …").
    const start = i === 0 ? sentenceStart(line.sentences, date.index) : date.index;
    const end = next ? next.index : line.text.length;
    const previousEnd = line.dates[i - 1]?.end ?? 0;
    if (isReferenceToDate(line.text.slice(previousEnd, date.index))) return;
    if (date.isPeriod) {
      const sentence = cutToSentence(line.text, date.index, date.end, line.sentences);
      questions.push({ order: order + i, text: askVagueDate(stripListMarker(sentence)) });
      return;
    }
    const segment = line.text.slice(start, end);
    const time = timeWithin(line, start, end, date.daypart);
    drafts.push({
      lineIndex,
      order: order + i,
      date: resolveDate(date),
      ...(date.weekday !== undefined ? { writtenWeekday: date.weekday } : {}),
      segment,
      segmentStart: start,
      index: date.index,
      end: date.end,
      time,
      hasOwnTime: hasTime(time),
      isNegated: isNegated(segment),
      isPreference: looksLikePreference(line, date),
    });
  });
  return { drafts, questions };
}

/**
 * Week numbers with one weekday ("dinsdag in week 12 of 14"): a draft per week. Without exactly
 * one weekday, a question per week mention.
 */
function draftsOfWeeks(
  line: LineInfo,
  lineIndex: number,
  weekdays: readonly WeekdayNumbers[],
  received: DateTime,
): LineDrafts {
  const order = lineIndex * 1000;
  const [weekday] = weekdays;
  if (weekdays.length !== 1 || weekday === undefined) {
    const questions = line.weeks.map((week) => {
      const labels = week.weeks.map((n) => describeWeek(n, received));
      return { order, text: askWeekWithoutDay(week.text, labels) };
    });
    return { drafts: [], questions };
  }
  // Once for the line, not once for each of its weeks.
  const time = timeOfLine(line);
  const isLineNegated = isNegated(line.text);
  const drafts = line.weeks.flatMap((week, i) =>
    week.weeks.map((n, j): Draft => {
      const date = resolveWeekDate(n, weekday, received);
      return {
        lineIndex,
        order: order + i * 10 + j,
        date: date ? ({ kind: 'ok', date } as const) : ({ kind: 'invalid' } as const),
        segment: line.text,
        segmentStart: 0,
        index: 0,
        end: line.text.length,
        time,
        hasOwnTime: true,
        isNegated: isLineNegated,
        isPreference: true,
      };
    }),
  );
  return { drafts, questions: [] };
}

/** A line without dates or weeks: a question when it proposes a weekday or a vague date. */
function questionsWithoutDate(
  line: LineInfo,
  lineIndex: number,
  weekdays: readonly WeekdayNumbers[],
): Question[] {
  const order = lineIndex * 1000;
  // "elke dinsdagavond", "op dinsdagen": a habit, not a proposal.
  const isHabit = HABIT.test(line.text);
  const isAboutWorkshop = !AVAILABILITY.test(line.text);
  if (
    weekdays.length > 0 &&
    isAboutWorkshop &&
    !isHabit &&
    (line.clocks.length > 0 || /^[-•*·]|^\d[.)]/u.test(line.text))
  ) {
    return [{ order, text: askWeekdayWithoutDate(stripListMarker(line.text)) }];
  }
  if (VAGUE.test(line.text)) return [{ order, text: askVagueDate(stripListMarker(line.text)) }];
  return [];
}

function describeWeek(week: number, received: DateTime): string {
  const range = resolveWeek(week, received);
  if (!range) return `week ${week}`;
  const from =
    range.from.year === range.to.year
      ? `${range.from.day} ${MONTH_NAMES[range.from.month - 1]}`
      : formatDutchDate(range.from);
  return `week ${week} (${from} t/m ${formatDutchDate(range.to)})`;
}
