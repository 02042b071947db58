// Free/busy for a whole campaign in few getSchedule calls. getSchedule answers for a window
// shorter than 62 days and up to 20 addresses (PLATFORM.md §1); the gateway asks one call per
// (window, 20 addresses), all in one $batch. Asking one window per slot (as the availability of
// one sign-up does) would cost a call per slot — 132 for the province's 44 sign-ups. Instead the
// slots are grouped into as few windows as fit under the limit, each spanning many weeks, and
// every slot is cut out of its window's schedule items afterwards (availabilityInSlot looks only
// at the items that overlap the slot).
import type { TrainerSchedule } from '../../domain/ports.js';
import type { Slot } from '../../domain/signup.js';
import { instantMillis } from '../../domain/time.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Graph refuses a window of 62 days or more; a day less leaves room for any rounding. */
export const MAX_WINDOW_MS = 61 * DAY_MS;

interface Span {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * The fewest windows under MAX_WINDOW_MS that together cover every slot (a slot lies wholly in
 * one window): sorted by start, each window takes slots for as long as it stays under the limit.
 * Invalid slots are skipped; a slot longer than the limit (never a workshop) gets its own window.
 */
export function groupIntoWindows(slots: readonly Slot[]): Slot[] {
  const spans = slots
    .flatMap((slot): Span[] => {
      const startMs = instantMillis(slot.start);
      const endMs = instantMillis(slot.end);
      return startMs !== undefined && endMs !== undefined && endMs > startMs
        ? [{ startMs, endMs }]
        : [];
    })
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const windows: { startMs: number; endMs: number }[] = [];
  for (const span of spans) {
    const last = windows.at(-1);
    if (last && Math.max(last.endMs, span.endMs) - last.startMs < MAX_WINDOW_MS) {
      last.endMs = Math.max(last.endMs, span.endMs);
    } else {
      windows.push({ ...span });
    }
  }
  return windows.map((w) => ({
    start: new Date(w.startMs).toISOString(),
    end: new Date(w.endMs).toISOString(),
  }));
}

/**
 * The schedules of every window, looked up per address and slot: the window that holds the slot
 * (a slot outside every window, or an address never asked about, has no schedule: unknown).
 */
export class CampaignSchedules {
  private readonly spans: readonly Span[];

  constructor(
    windows: readonly Slot[],
    private readonly answers: readonly (readonly TrainerSchedule[])[],
  ) {
    this.spans = windows.map((w) => ({
      startMs: instantMillis(w.start) ?? 0,
      endMs: instantMillis(w.end) ?? 0,
    }));
  }

  scheduleAt(address: string, slot: Slot): TrainerSchedule | undefined {
    const startMs = instantMillis(slot.start);
    const endMs = instantMillis(slot.end);
    if (startMs === undefined || endMs === undefined) return undefined;
    const index = this.spans.findIndex((w) => w.startMs <= startMs && endMs <= w.endMs);
    const wanted = address.toLowerCase();
    return index < 0 ? undefined : this.answers[index]?.find((s) => s.address === wanted);
  }
}
