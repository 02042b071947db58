// The product's own record of each trainer's confirmed workshops: the one place where "this
// trainer gives the workshop for Haarlem on Tuesday evening" is written before the workshop is
// confirmed, with a guarded write, so that two account holders confirming the same trainer at
// the same moment cannot both succeed. For a Berenschot advisor whose calendar the RIEC tenant
// cannot see, this is the only check there is, so it has to be exact (issue: the same
// Berenschot trainer was confirmed twice at the same time, 16 of 16).
import type { TrainerRole } from './campaign.js';
import type { Slot } from './time.js';

/** One confirmed workshop of a trainer. */
export interface TrainerBooking {
  readonly signupId: string;
  readonly municipality: string;
  readonly start: string;
  readonly end: string;
  /**
   * When it was booked. A booking is written just before its sign-up's confirmation: one whose
   * sign-up is not (being) confirmed counts as left over only once it is older than a running
   * operation can be, never while that confirmation may still land.
   */
  readonly bookedAt: string;
}

/** A trainer's bookings as stored, with the version they were read at. */
export interface TrainerAgenda {
  /** The trainer's address, lower case: the key of the agenda. */
  readonly trainer: string;
  readonly bookings: readonly TrainerBooking[];
  /** The stored item and its version; undefined when the trainer has no agenda yet. */
  readonly stored?: { readonly id: string; readonly eTag: string };
}

/** Another workshop the trainer gives at (or too close to) the slot. */
export interface TrainerConflict {
  readonly role: TrainerRole;
  readonly trainer: string;
  readonly booking: TrainerBooking;
}

const MINUTE = 60 * 1000;
// Bookings that ended this long ago no longer matter and are dropped when the agenda is written.
const KEEP_PAST_MS = 24 * 60 * MINUTE;

/**
 * Whether two workshops of one trainer are too close: overlapping, or less than the buffer apart
 * (travel between two town halls on one day; default 60 minutes, a campaign setting).
 */
export function isTooClose(a: Slot, b: Slot, bufferMinutes: number): boolean {
  const buffer = bufferMinutes * MINUTE;
  return (
    Date.parse(a.start) < Date.parse(b.end) + buffer &&
    Date.parse(b.start) < Date.parse(a.end) + buffer
  );
}

/** The trainer's bookings of other sign-ups that clash with `slot`. */
export function clashingBookings(
  agenda: TrainerAgenda,
  slot: Slot,
  signupId: string,
  bufferMinutes: number,
): TrainerBooking[] {
  return agenda.bookings.filter(
    (booking) => booking.signupId !== signupId && isTooClose(booking, slot, bufferMinutes),
  );
}

/**
 * The agenda's bookings after booking `booking`: earlier bookings of the same sign-up (another
 * date before a reschedule) and `stale` ones (found not to be real) go, past ones are dropped.
 */
export function withBooking(
  agenda: TrainerAgenda,
  booking: TrainerBooking,
  stale: readonly TrainerBooking[],
  now: Date,
): TrainerBooking[] {
  const keepAfter = now.getTime() - KEEP_PAST_MS;
  return [
    ...agenda.bookings.filter(
      (b) =>
        b.signupId !== booking.signupId &&
        !stale.some((s) => s.signupId === b.signupId && s.start === b.start) &&
        Date.parse(b.end) >= keepAfter,
    ),
    booking,
  ].sort((a, b) => a.start.localeCompare(b.start));
}
