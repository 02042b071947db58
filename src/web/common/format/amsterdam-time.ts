// Wall-clock times in Amsterdam ↔ instants, with Intl only (no date library in the bundle). The
// workshop happens in Noord-Holland, so every date and time the user types or reads is
// Europe/Amsterdam, whatever the computer's own zone is (DESIGN.md principle 6).
export const AMSTERDAM = 'Europe/Amsterdam';

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: AMSTERDAM,
  timeZoneName: 'longOffset',
  year: 'numeric',
});

/** Minutes Amsterdam is ahead of UTC at `instant` (60 in winter, 120 in summer). */
export function amsterdamOffsetMinutes(instant: number): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0; // "GMT" alone: UTC itself
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

export interface WallTime {
  /** YYYY-MM-DD */
  readonly date: string;
  /** HH:mm */
  readonly time: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

function pad(value: number): string {
  return String(Math.abs(value)).padStart(2, '0');
}

/**
 * "2022-06-14" + "19:30" in Amsterdam → "2022-06-14T19:30:00+02:00", or undefined when either
 * part is incomplete. In the autumn hour that occurs twice the first one is taken; a time in
 * the spring gap moves forward, as clocks do.
 */
export function toAmsterdamIso({ date, time }: WallTime): string | undefined {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return undefined;
  const asUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(asUtc)) return undefined;
  // The offset is one of those in force a few hours either side; an instant is right when the
  // offset at that instant is the one used to find it. Twice right (autumn): the earlier one.
  // Never right (the spring gap): the offset before the change, which moves the time forward.
  const before = amsterdamOffsetMinutes(asUtc - 3 * 3_600_000);
  const after = amsterdamOffsetMinutes(asUtc + 3 * 3_600_000);
  const fits = [before, after]
    .sort((a, b) => b - a)
    .find((candidate) => amsterdamOffsetMinutes(asUtc - candidate * 60_000) === candidate);
  const instant = asUtc - (fits ?? before) * 60_000;
  const offset = amsterdamOffsetMinutes(instant);
  const local = new Date(instant + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
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
