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

function isAt(item: ScheduleItem, slot: Slot): boolean {
  return (
    Date.parse(item.start) === Date.parse(slot.start) &&
    Date.parse(item.end) === Date.parse(slot.end)
  );
}

/**
 * An item that is the hold itself, sitting in the trainer's calendar: exactly on the slot and
 * with the hold's subject — or without a subject, when getSchedule does not show it (another
 * organisation's calendar); then a different meeting at exactly the same times would be missed,
 * which the trainer's acceptance of the hold covers.
 */
function isTheHold(item: ScheduleItem, slot: Slot, subjects: readonly string[]): boolean {
  const sameTimes =
    Date.parse(item.start) === Date.parse(slot.start) &&
    Date.parse(item.end) === Date.parse(slot.end);
  return sameTimes && (item.subject === undefined || subjects.includes(item.subject));
}

/**
 * The trainer's availability in `slot`. An invisible schedule is `unknown`, never `free`
 * (DESIGN.md). With `hold`, the hold itself does not count (the trainer accepted it, so it shows
 * busy), while another sign-up's hold at the same time does.
 */
export function availabilityInSlot(
  schedule: TrainerSchedule | undefined,
  slot: Slot,
  options: {
    readonly hold?: { readonly subjects: readonly string[] };
    /**
     * Open holds the product placed for other sign-ups with this trainer: competing options, not
     * a busy calendar (the first confirm wins, through the trainers' agenda). Without this, two
     * sign-ups holding one trainer at one time could never be confirmed, each blocking the other.
     */
    readonly competing?: readonly Slot[];
  } = {},
): Availability {
  if (!schedule || !schedule.visible) return 'unknown';
  let worst: Availability = 'free';
  for (const item of schedule.items) {
    if (!overlaps(item, slot) || item.status === 'free') continue;
    if (options.hold && isTheHold(item, slot, options.hold.subjects)) continue;
    if (options.competing?.some((other) => isAt(item, other))) continue;
    if (SEVERITY[item.status] > SEVERITY[worst]) worst = item.status;
  }
  return worst;
}

/** For the last check before confirming: tentative, out of office and elsewhere are busy. */
export function toFreshAvailability(availability: Availability): 'free' | 'busy' | 'unknown' {
  if (availability === 'free') return 'free';
  return availability === 'unknown' ? 'unknown' : 'busy';
}
