// A trainer's own availability ("Mijn beschikbaarheid") applied to one slot, in Amsterdam
// wall-clock time: morning before 12:00, afternoon 12:00–18:00, evening from 18:00.
import { DateTime } from 'luxon';
import { AMSTERDAM } from '../time.js';
import type { DayPart, StatedAvailability } from './types.js';

/** What the trainer said about a slot: every day part it touches "can", any "cannot", or not all said. */
export type StatedVerdict = 'can' | 'cannot' | 'unsaid';

const PART_STARTS: readonly { readonly part: DayPart; readonly hour: number }[] = [
  { part: 'ochtend', hour: 0 },
  { part: 'middag', hour: 12 },
  { part: 'avond', hour: 18 },
];

/** The (date, day part) pairs that [startMs, endMs) touches, in Amsterdam. */
export function dayPartsOf(
  startMs: number,
  endMs: number,
): { readonly date: string; readonly weekday: number; readonly part: DayPart }[] {
  const parts: { date: string; weekday: number; part: DayPart }[] = [];
  let cursor = DateTime.fromMillis(startMs, { zone: AMSTERDAM });
  while (cursor.toMillis() < endMs) {
    const index = PART_STARTS.findLastIndex((p) => cursor.hour >= p.hour);
    const current = PART_STARTS[index]!;
    parts.push({
      date: cursor.toFormat('yyyy-MM-dd'),
      weekday: cursor.weekday,
      part: current.part,
    });
    const next = PART_STARTS[index + 1];
    cursor = next
      ? cursor.startOf('day').set({ hour: next.hour })
      : cursor.startOf('day').plus({ days: 1 });
  }
  return parts;
}

export function statedVerdict(
  stated: StatedAvailability | undefined,
  startMs: number,
  endMs: number,
): StatedVerdict {
  if (!stated) return 'unsaid';
  let allSaid = true;
  for (const { date, weekday, part } of dayPartsOf(startMs, endMs)) {
    const specific =
      stated.dates?.find((d) => d.date === date && d.dayPart === part) ??
      stated.dates?.find((d) => d.date === date && d.dayPart === undefined);
    const line =
      specific ?? stated.weekly?.find((w) => w.weekday === weekday && w.dayPart === part);
    if (line === undefined) allSaid = false;
    else if (!line.canWork) return 'cannot';
  }
  return allSaid ? 'can' : 'unsaid';
}
