// From a dated candidate with its times to slots in Europe/Amsterdam, or to a question when the
// date or the time is not certain. Times are set on the Amsterdam calendar date with luxon, so the
// offset follows daylight saving time (+01:00 in winter, +02:00 in summer).
import type { DateTime } from 'luxon';
import type { Candidate } from './collect-slots.js';
import { formatClock, resolveClockSpec } from './dutch-times.js';
import type { ResolvedSpec, ResolvedTime } from './dutch-times.js';
import { DAYPART_DEFAULT_START } from './dutch-vocabulary.js';
import {
  askAmbiguousTime,
  askInvalidDate,
  askNegatedDate,
  askPastDate,
  askUnclearTime,
  askWeekdayMismatch,
} from './questions.js';
import type { ExtractedSlot } from './types.js';

/**
 * A date with more times than this is a timetable, not a preferred slot: only its first times are
 * read. Without a limit, a line of a thousand times shared by a thousand dates below it would make
 * a million slots out of one mail of 64 KB.
 */
export const MAX_TIMES_PER_DATE = 12;

export interface BuiltSlots {
  readonly slots: readonly ExtractedSlot[];
  readonly questions: readonly string[];
}

function toIso(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? '';
}

function atTime(date: DateTime, time: ResolvedTime): DateTime {
  return date.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 });
}

type SlotTimes = Omit<ExtractedSlot, 'source'>;

function makeSlotTimes(
  date: DateTime,
  reading: ResolvedSpec,
  defaultDurationMinutes: number,
): SlotTimes {
  const start = atTime(date, reading.start);
  if (!reading.end) {
    const end = start.plus({ minutes: defaultDurationMinutes });
    return { start: toIso(start), end: toIso(end), assumedEnd: true };
  }
  const endDate = reading.endsNextDay ? date.plus({ days: 1 }) : date;
  return { start: toIso(start), end: toIso(atTime(endDate, reading.end)), assumedEnd: false };
}

function describeReading(reading: ResolvedSpec): string {
  const { hour } = reading.start;
  const part = hour < 12 ? '’s ochtends' : hour < 18 ? '’s middags' : '’s avonds';
  const clock = reading.end
    ? `${formatClock(reading.start)}–${formatClock(reading.end)}`
    : formatClock(reading.start);
  return `${part} (${clock})`;
}

/** Why a candidate's date cannot be used as it is, if it cannot. */
function checkDate(candidate: Candidate): { date: DateTime } | { question: string } {
  const { date, source } = candidate;
  if (candidate.isNegated) return { question: askNegatedDate(source) };
  if (date.kind === 'invalid') return { question: askInvalidDate(source) };
  if (date.kind === 'past') return { question: askPastDate(source, date.date) };
  const written = candidate.writtenWeekday;
  if (written !== undefined && written !== date.date.weekday) {
    return { question: askWeekdayMismatch(source, date.date, written) };
  }
  return { date: date.date };
}

/**
 * buildSlots for the candidates of one mail. The same date and time asked for again (a long mail
 * repeats them) is answered from memory: luxon's time zone arithmetic is the costly part.
 */
export function slotBuilder(
  defaultDurationMinutes: number,
): (candidate: Candidate) => { slots: ExtractedSlot[]; questions: string[] } {
  const known = new Map<string, SlotTimes>();
  const makeSlot = (date: DateTime, reading: ResolvedSpec, source: string): ExtractedSlot => {
    const { start, end, endsNextDay } = reading;
    const key = `${date.toMillis()} ${formatClock(start)} ${end ? formatClock(end) : ''} ${endsNextDay}`;
    const times = known.get(key) ?? makeSlotTimes(date, reading, defaultDurationMinutes);
    known.set(key, times);
    return { ...times, source };
  };
  return (candidate) => buildSlots(candidate, makeSlot);
}

function buildSlots(
  candidate: Candidate,
  makeSlot: (date: DateTime, reading: ResolvedSpec, source: string) => ExtractedSlot,
): { slots: ExtractedSlot[]; questions: string[] } {
  const checked = checkDate(candidate);
  if ('question' in checked) return { slots: [], questions: [checked.question] };
  const { date } = checked;
  const { clocks, dayparts } = candidate.time;
  const { source } = candidate;

  if (clocks.length === 0) {
    // "maandagavond 27 juni": the conventional start of that part of the day, end assumed.
    const slots = dayparts.map((part) =>
      makeSlot(date, { start: DAYPART_DEFAULT_START[part], endsNextDay: false }, source),
    );
    return { slots, questions: [] };
  }
  // A range is the workshop; a lone time next to it is a walk-in or a dinner.
  const ranges = clocks.filter((c) => c.finish);
  const context = dayparts.length === 1 ? dayparts[0] : undefined;
  const slots: ExtractedSlot[] = [];
  const questions: string[] = [];
  for (const spec of (ranges.length > 0 ? ranges : clocks).slice(0, MAX_TIMES_PER_DATE)) {
    const readings = resolveClockSpec(spec, context);
    const [only] = readings;
    if (readings.length === 1 && only) {
      slots.push(makeSlot(date, only, source));
    } else if (readings.length > 1) {
      questions.push(askAmbiguousTime(source, readings.map(describeReading)));
    } else {
      questions.push(askUnclearTime(source));
    }
  }
  return { slots, questions };
}
