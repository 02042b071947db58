// Wall-clock times in Amsterdam ↔ instants, with luxon (time zone rules from Intl). The
// workshop happens in Noord-Holland, so every date and time the user types or reads is
// Europe/Amsterdam, whatever the computer's own zone is (DESIGN.md principle 6).
import { DateTime } from 'luxon';

export const AMSTERDAM = 'Europe/Amsterdam';

export interface WallTime {
  /** YYYY-MM-DD */
  readonly date: string;
  /** HH:mm */
  readonly time: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** The first year a date field may mean: "0202" is a year still being typed, not a date. */
const FIRST_YEAR = 1000;

function pad(value: number): string {
  return String(Math.abs(value)).padStart(2, '0');
}

/**
 * "2022-06-14" + "19:30" in Amsterdam → "2022-06-14T19:30:00+02:00", or undefined when the
 * date is not a date yet: a part is empty, the year has fewer than four digits or is before
 * 1000 (a year being typed: "0202"), the day does not exist (30 February), or the zone's offset
 * then was local mean time (seconds past the minute), which no calendar takes. Never throws. In
 * the autumn hour that occurs twice the first one is taken; a time in the spring gap moves
 * forward, as clocks do.
 */
export function toAmsterdamIso({ date, time }: WallTime): string | undefined {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return undefined;
  const wall = {
    year: Number(d[1]),
    month: Number(d[2]),
    day: Number(d[3]),
    hour: Number(t[1]),
    minute: Number(t[2]),
  };
  if (wall.year < FIRST_YEAR) return undefined;
  const later = DateTime.fromObject(wall, { zone: AMSTERDAM });
  if (!later.isValid || !Number.isInteger(later.offset)) return undefined;
  // Luxon takes the later of an hour that occurs twice; the earlier one shows the same clock.
  const earlier = later.minus({ hours: 1 });
  const sameClock = earlier.hour === later.hour && earlier.minute === later.minute;
  return (sameClock ? earlier : later).toISO({ suppressMilliseconds: true }) ?? undefined;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: AMSTERDAM,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the date and time on an Amsterdam clock: what a form field shows. */
export function toAmsterdamWallTime(instant: string | number | Date): WallTime {
  const parts = Object.fromEntries(
    partsFormat.formatToParts(new Date(instant)).map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** "19:30" plus minutes, on a 24-hour clock (wraps past midnight). */
export function addMinutesToTime(time: string, minutes: number): string | undefined {
  const t = TIME.exec(time);
  if (!t) return undefined;
  const total = (Number(t[1]) * 60 + Number(t[2]) + minutes + 24 * 60) % (24 * 60);
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}
