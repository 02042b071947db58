// Shared pieces of the concurrency tests (issue 11) and of the concurrency bench
// (bench/concurrency.ts): a reproducible pseudo-random sequence, trainers answering holds, the
// stored answers next to the calendar's, a process that dies between two steps, a free evening
// for a set of advisors, and overlapping workshops in the trainers' agendas. Nothing here
// asserts: the tests use expect, the bench counts.
import type { UseCaseContext } from '../../src/app/context.js';
import { TRAINER_ROLES, type TrainerRole } from '../../src/domain/campaign.js';
import { availabilityInSlot } from '../../src/domain/free-busy.js';
import type {
  Microsoft365,
  PlanStep,
  StepOutcome,
  StoredSignup,
  WorkPlan,
} from '../../src/domain/ports.js';
import type { TrainerAgenda, TrainerBooking } from '../../src/domain/trainer-agenda.js';
import { respondToEvent, type AttendeeAnswer, type Sandbox } from '@workshopplanner/m365-sandbox';
import { eveningSlots } from './planning.js';
import { appToken, graph } from './sandbox.js';

/** A small deterministic pseudo-random sequence (mulberry32), for a reproducible driver. */
export function pseudoRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One answer of one trainer to one hold: `signup` is an index into the placed sign-ups. */
export interface Move {
  readonly signup: number;
  readonly slotIndex: number;
  readonly role: TrainerRole;
  readonly answer: AttendeeAnswer;
}

/**
 * Every trainer answers every hold of the placed sign-ups, a third of them twice (changing their
 * mind to accept), in the order `next` gives: 3 sign-ups give 18 to 36 answers, about 24.
 */
export function answerMoves(signups: number, next: () => number): Move[] {
  return Array.from({ length: signups }, (_, i) => i).flatMap((signup) =>
    [0, 1, 2].flatMap((slotIndex) =>
      TRAINER_ROLES.flatMap((role) => {
        const first: Move = {
          signup,
          slotIndex,
          role,
          answer: next() < 0.5 ? 'accept' : 'tentativelyAccept',
        };
        return next() < 0.33 ? [first, { ...first, answer: 'accept' as const }] : [first];
      }),
    ),
  );
}

/** The trainer answers the hold in the sandbox, as the inspector's buttons do. */
export function respondMove(sandbox: Sandbox, placed: readonly StoredSignup[], move: Move): void {
  const { signup } = placed[move.signup]!;
  const eventId = signup.options.find((o) => o.slotIndex === move.slotIndex)?.eventId;
  if (!eventId || !signup.pair) throw new Error('no hold to answer');
  respondToEvent(sandbox.ctx, signup.pair[move.role].email, eventId, move.answer);
}

export interface AnswerRow {
  readonly where: string;
  readonly stored: string;
  readonly calendar: string;
}

/**
 * Per sign-up, option and trainer: the stored answer next to the organizer's calendar's. Options
 * whose hold was released (a confirm cancels the others) have no answer to keep.
 */
export async function storedAndCalendar(
  target: { readonly sandbox: Sandbox; readonly m365: Microsoft365 },
  placed: readonly StoredSignup[],
): Promise<AnswerRow[]> {
  const token = await appToken(target.sandbox);
  const rows: AnswerRow[] = [];
  for (const { signup } of placed) {
    const stored = await target.m365.statusLog.read(signup.id);
    if (!stored) throw new Error('sign-up vanished');
    for (const option of stored.signup.options) {
      if (!option.eventId || option.hold === 'released') continue;
      const event = await graph(
        target.sandbox,
        token,
        'GET',
        `/users/${stored.signup.accountHolder.email}/events/${option.eventId}?$select=attendees,isCancelled`,
      );
      if (event.status !== 200) throw new Error(`event ${event.status}`);
      for (const role of TRAINER_ROLES) {
        const address = stored.signup.pair![role].email.toLowerCase();
        const attendee = (
          event.body.attendees as {
            emailAddress: { address: string };
            status: { response: string };
          }[]
        ).find((a) => a.emailAddress.address.toLowerCase() === address);
        rows.push({
          where: `${signup.municipality.name} voorkeur ${option.slotIndex + 1} ${role}`,
          stored: option.answers[role],
          calendar: attendee?.status.response ?? 'absent',
        });
      }
    }
  }
  return rows;
}

export class ProcessKilled extends Error {}

/** Lets the first `afterSteps` steps of plan call number `atCall` reach Graph, then "dies". */
export class KillingPlan implements WorkPlan {
  private calls = 0;
  constructor(
    private readonly inner: WorkPlan,
    private readonly atCall: number,
    private readonly afterSteps: number,
  ) {}

  async run(steps: readonly PlanStep[], mode?: 'chain' | 'independent'): Promise<StepOutcome[]> {
    this.calls++;
    if (this.calls !== this.atCall) return this.inner.run(steps, mode);
    if (this.afterSteps > 0) await this.inner.run(steps.slice(0, this.afterSteps), mode);
    throw new ProcessKilled(`killed after step ${this.afterSteps} of plan ${this.atCall}`);
  }
}

/**
 * The `skip`-th evening (Tue–Thu, `eveningSlots`) 3 to 9 weeks after `today` where every one of
 * `advisors` is free, as `requester`'s getSchedule sees them.
 */
export async function freeEvening(
  ctx: UseCaseContext,
  requester: string,
  today: Date,
  advisors: readonly string[],
  skip = 0,
): Promise<{ weeksAhead: number; slotIndex: number }> {
  let found = 0;
  for (let weeksAhead = 3; weeksAhead <= 9; weeksAhead++) {
    const slots = eveningSlots(today, weeksAhead);
    const schedules = await ctx.m365.calendar.getSchedules(requester, advisors, slots);
    for (const [slotIndex, slot] of slots.entries()) {
      const free = advisors.every(
        (a, i) => availabilityInSlot(schedules[slotIndex]?.[i], slot) === 'free',
      );
      if (free && found++ === skip) return { weeksAhead, slotIndex };
    }
  }
  throw new Error(`no evening where ${advisors.join(' and ')} are free`);
}

/** Pairs of workshops in one trainer's agenda whose times overlap. */
export function overlappingBookings(
  agendas: readonly TrainerAgenda[],
): { trainer: string; first: TrainerBooking; second: TrainerBooking }[] {
  const overlaps: { trainer: string; first: TrainerBooking; second: TrainerBooking }[] = [];
  for (const agenda of agendas) {
    const bookings = [...agenda.bookings].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    for (const [i, first] of bookings.entries()) {
      for (const second of bookings.slice(i + 1)) {
        if (Date.parse(second.start) < Date.parse(first.end))
          overlaps.push({ trainer: agenda.trainer, first, second });
      }
    }
  }
  return overlaps;
}
