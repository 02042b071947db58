// Confirming one slot: a fresh free/busy check of both trainers, then — in one chained batch —
// the intent, the chosen hold finalized (the mayor's office invited), the other holds cancelled,
// the log line and the final state. The free/busy check runs alongside the read when this
// process has seen the sign-up recently (its slots and pair do not change while options are
// placed), so a confirm is two round trips; otherwise three.
import { availabilityInSlot, toFreshAvailability } from '../domain/free-busy.js';
import type { SignupId } from '../domain/ids.js';
import type { StoredSignup, TrainerSchedule } from '../domain/ports.js';
import type { Signup } from '../domain/signup.js';
import { canPlanFor } from './access.js';
import { applyCommand } from './apply-command.js';
import type { UseCaseContext } from './context.js';
import { failWith, type Outcome } from './outcome.js';
import { holdDraft } from './texts.js';

interface ScheduleQuestion {
  readonly organizer: string;
  readonly trainers: readonly string[];
  readonly start: string;
  readonly end: string;
}

function question(signup: Signup, slotIndex: number): ScheduleQuestion | undefined {
  const option = signup.options.find((o) => o.slotIndex === slotIndex);
  if (!option || !signup.pair) return undefined;
  return {
    organizer: signup.accountHolder.email,
    trainers: [signup.pair.berenschot.email, signup.pair.riec.email],
    start: option.slot.start,
    end: option.slot.end,
  };
}

function sameQuestion(a: ScheduleQuestion | undefined, b: ScheduleQuestion | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function ask(ctx: UseCaseContext, q: ScheduleQuestion): Promise<TrainerSchedule[]> {
  const [window] = await ctx.m365.calendar.getSchedules(q.organizer, q.trainers, [
    { start: q.start, end: q.end },
  ]);
  return window ?? [];
}

export async function confirmSlot(
  ctx: UseCaseContext,
  id: SignupId,
  slotIndex: number,
  override?: { reason: string },
): Promise<Outcome<StoredSignup>> {
  const cached = ctx.state.signups.recall(id);
  const guess = cached ? question(cached.signup, slotIndex) : undefined;
  const [stored, guessed] = await Promise.all([
    ctx.m365.statusLog.read(id),
    guess ? ask(ctx, guess) : undefined,
  ]);
  if (!stored) return failWith({ kind: 'notFound', what: 'signup' });
  // Another RIEC's sign-up answers as a missing one: an id says nothing about who has it.
  if (!canPlanFor(ctx.access, stored.signup.riec))
    return failWith({ kind: 'notFound', what: 'signup' });

  const actual = question(stored.signup, slotIndex);
  const schedules = actual
    ? guessed && sameQuestion(guess, actual)
      ? guessed
      : await ask(ctx, actual)
    : [];
  const pair = stored.signup.pair;
  const option = stored.signup.options.find((o) => o.slotIndex === slotIndex);
  const hold =
    option && pair ? { subjects: [holdDraft(stored.signup, pair, option).subject] } : undefined;
  const fresh = (email: string | undefined) =>
    option && email
      ? toFreshAvailability(
          availabilityInSlot(
            schedules.find((s) => s.address === email.toLowerCase()),
            option.slot,
            hold ? { hold } : {},
          ),
        )
      : 'unknown';
  const result = await applyCommand(ctx, stored, {
    type: 'confirm',
    slotIndex,
    by: ctx.access.email,
    freshAvailability: { berenschot: fresh(pair?.berenschot.email), riec: fresh(pair?.riec.email) },
    ...(override ? { override } : {}),
  });
  if (result.ok) ctx.state.signups.remember(result.value);
  return result;
}
