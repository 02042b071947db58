// From getSchedule's items to one availability per trainer and slot (pure).
import type { Availability } from './pairing.js';
import type { ScheduleItem, TrainerSchedule } from './ports.js';
import type { Slot } from './signup.js';

/** Which status wins when items overlap a slot: the one that blocks the most. */
const SEVERITY: Readonly<Record<Availability, number>> = {
  free: 0,
  workingElsewhere: 1,
  unknown: 2,
  tentative: 3,
  busy: 4,
  oof: 5,
};

function overlaps(item: ScheduleItem, slot: Slot): boolean {
  return (
    Date.parse(item.start) < Date.parse(slot.end) && Date.parse(slot.start) < Date.parse(item.end)
  );
}

/** An item exactly on the slot: the hold itself, sitting in the trainer's calendar. */
function isTheHold(item: ScheduleItem, slot: Slot): boolean {
  return (
    Date.parse(item.start) === Date.parse(slot.start) &&
    Date.parse(item.end) === Date.parse(slot.end)
  );
}

/**
 * The trainer's availability in `slot`. An invisible schedule is `unknown`, never `free`
 * (DESIGN.md). With `ignoreHold`, an item exactly on the slot is taken to be our own hold (the
 * trainer accepted it, so it shows busy) and does not count; a different meeting with exactly
 * the same start and end would be missed, which the trainer's acceptance of the hold covers.
 */
export function availabilityInSlot(
  schedule: TrainerSchedule | undefined,
  slot: Slot,
  options: { ignoreHold?: boolean } = {},
): Availability {
  if (!schedule || !schedule.visible) return 'unknown';
  let worst: Availability = 'free';
  for (const item of schedule.items) {
    if (!overlaps(item, slot) || item.status === 'free') continue;
    if (options.ignoreHold && isTheHold(item, slot)) continue;
    if (SEVERITY[item.status] > SEVERITY[worst]) worst = item.status;
  }
  return worst;
}

/** For the last check before confirming: tentative, out of office and elsewhere are busy. */
export function toFreshAvailability(availability: Availability): 'free' | 'busy' | 'unknown' {
  if (availability === 'free') return 'free';
  return availability === 'unknown' ? 'unknown' : 'busy';
}
