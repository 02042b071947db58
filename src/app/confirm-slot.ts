// Confirming one slot: what the calendars and the product itself know about both trainers at
// that moment, then — in one chained batch — both trainers' agendas booked (guarded), the
// intent, the chosen hold finalized (the mayor's office invited), the other holds cancelled, the
// log line and the final state.
//
// Two trainers' calendars are not enough to keep a trainer out of two workshops at once:
// Berenschot's are usually invisible from the RIEC tenant, and two confirms can read the same
// free calendar at the same moment. The product's own agenda of confirmed workshops per trainer
// is the exact check: it is booked with If-Match in the same chain, so of two confirms that take
// one trainer at one time exactly one gets through. The holds the product placed for other
// sign-ups are competing options, not busy time: the first confirm wins.
//
// The calendar and agenda reads run alongside the read of the sign-up when this process has
// seen it recently (its slots and pair do not change while options are placed), so a confirm
// is two round trips; otherwise three.
import { findCampaign } from './campaigns.js';
import { availabilityInSlot, toFreshAvailability } from '../domain/free-busy.js';
import type { SignupId } from '../domain/ids.js';
import type { FreshAvailability } from '../domain/lifecycle-types.js';
import type { PlanStep, StoredSignup, TrainerSchedule } from '../domain/ports.js';
import type { Signup, Slot } from '../domain/signup.js';
import {
  clashingBookings,
  withBooking,
  type TrainerAgenda,
  type TrainerBooking,
  type TrainerConflict,
} from '../domain/trainer-agenda.js';
import type { TrainerRole } from '../domain/campaign.js';
import { canPlanFor } from './access.js';
import { applyCommand, PENDING_STALE_MS } from './apply-command.js';
import type { UseCaseContext } from './context.js';
import { failWith, type Outcome } from './outcome.js';
import { holdDraft } from './texts.js';

const ROLES: readonly TrainerRole[] = ['berenschot', 'riec'];
// Another confirmation booked the trainer between our read and our write: read and decide again.
const MAX_ATTEMPTS = 4;
const DEFAULT_BUFFER_MINUTES = 60;

interface Question {
  readonly organizer: string;
  readonly trainers: Readonly<Record<TrainerRole, string>>;
  readonly slot: Slot;
}

/** What is known about both trainers at the slot. */
interface Answers {
  readonly schedules: readonly TrainerSchedule[];
  readonly agendas: readonly TrainerAgenda[];
  /** Open holds of other sign-ups with these trainers. */
  readonly competing: readonly StoredSignup[];
}

function question(signup: Signup, slotIndex: number, askedFrom: string): Question | undefined {
  const option = signup.options.find((o) => o.slotIndex === slotIndex);
  if (!option || !signup.pair) return undefined;
  return {
    // Free/busy looks the same from every mailbox of the tenant: ask from the caller's own, which
    // their token may read (a colleague confirming for the organizer may not read theirs).
    organizer: askedFrom,
    trainers: {
      berenschot: signup.pair.berenschot.email.toLowerCase(),
      riec: signup.pair.riec.email.toLowerCase(),
    },
    slot: option.slot,
  };
}

function sameQuestion(a: Question | undefined, b: Question | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function ask(ctx: UseCaseContext, q: Question): Promise<Answers> {
  const trainers = ROLES.map((role) => q.trainers[role]);
  const [windows, agendas, ...competing] = await Promise.all([
    ctx.m365.calendar.getSchedules(q.organizer, trainers, [q.slot]),
    ctx.m365.agendas.read(trainers),
    ...trainers.map((trainer) =>
      ctx.m365.statusLog.list({ trainer, statuses: ['opties_geplaatst'] }),
    ),
  ]);
  return { schedules: windows[0] ?? [], agendas, competing: competing.flat() };
}

/** Slots of open holds other sign-ups have with `trainer`. */
function competingSlots(answers: Answers, trainer: string, own: SignupId): Slot[] {
  return answers.competing
    .filter(({ signup }) => signup.id !== own)
    .filter(({ signup }) =>
      [signup.pair?.berenschot.email, signup.pair?.riec.email].some(
        (email) => email?.toLowerCase() === trainer,
      ),
    )
    .flatMap(({ signup }) => signup.options.filter((o) => o.hold === 'open').map((o) => o.slot));
}

/**
 * The bookings that really hold the trainer: a booking whose sign-up is not confirmed at that
 * time (cancelled, rescheduled, or a confirmation that never landed) is left over — but only
 * once it is older than a running operation can be.
 */
async function verify(
  ctx: UseCaseContext,
  bookings: readonly TrainerBooking[],
): Promise<{ real: TrainerBooking[]; stale: TrainerBooking[] }> {
  const now = ctx.now().getTime();
  const checked = await Promise.all(
    bookings.map(async (booking) => {
      if (now - Date.parse(booking.bookedAt) < PENDING_STALE_MS) return true;
      const other = await ctx.m365.statusLog.read(booking.signupId as SignupId);
      if (!other) return false;
      if (other.pending?.command === 'confirm') return true;
      const confirmed = other.signup.options.find(
        (o) => o.slotIndex === other.signup.confirmedSlotIndex,
      );
      return (
        (other.signup.status === 'bevestigd' || other.signup.status === 'uitgevoerd') &&
        confirmed?.slot.start === booking.start
      );
    }),
  );
  return {
    real: bookings.filter((_, i) => checked[i]),
    stale: bookings.filter((_, i) => !checked[i]),
  };
}

async function confirmOnce(
  ctx: UseCaseContext,
  id: SignupId,
  slotIndex: number,
  override: { reason: string } | undefined,
): Promise<Outcome<StoredSignup>> {
  const cached = ctx.state.signups.recall(id);
  const guess = cached ? question(cached.signup, slotIndex, ctx.access.email) : undefined;
  const [stored, guessed] = await Promise.all([
    ctx.m365.statusLog.read(id),
    guess ? ask(ctx, guess) : undefined,
  ]);
  if (!stored) return failWith({ kind: 'notFound', what: 'signup' });
  // Another RIEC's sign-up answers as a missing one: an id says nothing about who has it.
  if (!canPlanFor(ctx.access, stored.signup.riec))
    return failWith({ kind: 'notFound', what: 'signup' });

  const actual = question(stored.signup, slotIndex, ctx.access.email);
  const pair = stored.signup.pair;
  const option = stored.signup.options.find((o) => o.slotIndex === slotIndex);
  if (!actual || !pair || !option) {
    // Not confirmable as it stands: the lifecycle says why.
    return applyCommand(ctx, stored, {
      type: 'confirm',
      slotIndex,
      by: ctx.access.email,
      freshAvailability: { berenschot: 'unknown', riec: 'unknown' },
      ...(override ? { override } : {}),
    });
  }
  const answers = guessed && sameQuestion(guess, actual) ? guessed : await ask(ctx, actual);
  const buffer =
    (await findCampaign(ctx, stored.signup.campaignId))?.trainerBufferMinutes ??
    DEFAULT_BUFFER_MINUTES;

  const subjects = [holdDraft(stored.signup, pair, option).subject];
  const fresh = {} as Record<TrainerRole, FreshAvailability>;
  const takenBy: TrainerConflict[] = [];
  const guards: PlanStep[] = [];
  const booking: TrainerBooking = {
    signupId: id,
    municipality: stored.signup.municipality.name,
    start: option.slot.start,
    end: option.slot.end,
    bookedAt: ctx.now().toISOString(),
  };
  for (const role of ROLES) {
    const trainer = actual.trainers[role];
    fresh[role] = toFreshAvailability(
      availabilityInSlot(
        answers.schedules.find((s) => s.address === trainer),
        option.slot,
        { hold: { subjects }, competing: competingSlots(answers, trainer, id) },
      ),
    );
    const agenda = answers.agendas.find((a) => a.trainer === trainer) ?? { trainer, bookings: [] };
    const { real, stale } = await verify(ctx, clashingBookings(agenda, option.slot, id, buffer));
    takenBy.push(...real.map((b) => ({ role, trainer: pair[role].name, booking: b })));
    guards.push({
      kind: 'writeTrainerAgenda',
      agenda,
      bookings: withBooking(agenda, booking, stale, ctx.now()),
    });
  }
  return applyCommand(
    ctx,
    stored,
    {
      type: 'confirm',
      slotIndex,
      by: ctx.access.email,
      freshAvailability: fresh,
      takenBy,
      ...(override ? { override } : {}),
    },
    { guards },
  );
}

export async function confirmSlot(
  ctx: UseCaseContext,
  id: SignupId,
  slotIndex: number,
  override?: { reason: string },
): Promise<Outcome<StoredSignup>> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const result = await confirmOnce(ctx, id, slotIndex, override);
    if (result.ok) ctx.state.signups.remember(result.value);
    // A trainer's agenda changed between reading and booking: someone else booked them.
    if (
      !result.ok &&
      result.failure.kind === 'conflict' &&
      result.failure.reason === 'guardChanged'
    )
      continue;
    return result;
  }
  return failWith({ kind: 'conflict', reason: 'concurrentChange' });
}
