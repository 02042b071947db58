// BASELINE ONLY (bench/extract.ts): src/domain/slots/build-slots.ts as of commit 0758b10, before the slot
// extraction was made linear (issue 10, finding 4). Kept to measure old against new in one run;
// nothing in src/ or tests/ may import it.
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

function makeSlot(
  date: DateTime,
  reading: ResolvedSpec,
  source: string,
  defaultDurationMinutes: number,
): ExtractedSlot {
  const start = atTime(date, reading.start);
  if (!reading.end) {
    const end = start.plus({ minutes: defaultDurationMinutes });
    return { start: toIso(start), end: toIso(end), assumedEnd: true, source };
  }
  const endDate = reading.endsNextDay ? date.plus({ days: 1 }) : date;
  return {
    start: toIso(start),
    end: toIso(atTime(endDate, reading.end)),
    assumedEnd: false,
    source,
  };
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

export function buildSlots(
  candidate: Candidate,
  defaultDurationMinutes: number,
): { slots: ExtractedSlot[]; questions: string[] } {
  const checked = checkDate(candidate);
  if ('question' in checked) return { slots: [], questions: [checked.question] };
  const { date } = checked;
  const { clocks, dayparts } = candidate.time;
  const { source } = candidate;

  if (clocks.length === 0) {
    // "maandagavond 27 juni": the conventional start of that part of the day, end assumed.
    const slots = dayparts.map((part) =>
      makeSlot(
        date,
        { start: DAYPART_DEFAULT_START[part], endsNextDay: false },
        source,
        defaultDurationMinutes,
      ),
    );
    return { slots, questions: [] };
  }
  // A range is the workshop; a lone time next to it is a walk-in or a dinner.
  const ranges = clocks.filter((c) => c.finish);
  const context = dayparts.length === 1 ? dayparts[0] : undefined;
  const slots: ExtractedSlot[] = [];
  const questions: string[] = [];
  for (const spec of ranges.length > 0 ? ranges : clocks) {
    const readings = resolveClockSpec(spec, context);
    const [only] = readings;
    if (readings.length === 1 && only) {
      slots.push(makeSlot(date, only, source, defaultDurationMinutes));
    } else if (readings.length > 1) {
      questions.push(askAmbiguousTime(source, readings.map(describeReading)));
    } else {
      questions.push(askUnclearTime(source));
    }
  }
  return { slots, questions };
}
