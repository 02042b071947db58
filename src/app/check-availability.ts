// Free/busy of every candidate trainer for the three slots, and the pairs ranked (DESIGN.md
// round-trip budget: one getSchedule $batch for up to 20 trainers; the trainer list is cached).
import { availabilityInSlot } from '../domain/free-busy.js';
import {
  rankPairs,
  type Availability,
  type CandidateTrainer,
  type PairEvaluation,
} from '../domain/pairing.js';
import type { Slot, Trainer } from '../domain/signup.js';
import type { UseCaseContext } from './context.js';
import { failWith, succeed, type Outcome } from './outcome.js';

export interface TrainerAvailability {
  readonly trainer: Trainer;
  /** Per slot. */
  readonly availability: readonly Availability[];
  /** Whether getSchedule could see this calendar at all (Berenschot often not). */
  readonly visible: boolean;
}

export interface AvailabilityResult {
  readonly slots: readonly Slot[];
  readonly trainers: readonly TrainerAvailability[];
  /** Best first; the account holder may also pick another pair by hand. */
  readonly pairs: readonly PairEvaluation[];
}

export async function checkAvailability(
  ctx: UseCaseContext,
  slots: readonly Slot[],
): Promise<Outcome<AvailabilityResult>> {
  if (ctx.access.riecs.length === 0 && !ctx.access.canReadAll)
    return failWith({ kind: 'forbidden', reason: 'role' });
  const trainers = await ctx.state.trainers.get(ctx.m365.trainers);
  const schedules = await ctx.m365.calendar.getSchedules(
    ctx.access.email,
    trainers.map((t) => t.email),
    slots,
  );
  const result: TrainerAvailability[] = trainers.map((trainer) => {
    const perSlot = schedules.map((window) =>
      window.find((s) => s.address === trainer.email.toLowerCase()),
    );
    return {
      trainer,
      availability: slots.map((slot, i) => availabilityInSlot(perSlot[i], slot)),
      visible: perSlot.some((schedule) => schedule?.visible === true),
    };
  });
  const candidates = (role: Trainer['role']): CandidateTrainer[] =>
    result
      .filter((r) => r.trainer.role === role)
      .map((r) => ({ ...r.trainer, availability: r.availability }));
  const pairs = rankPairs(
    { berenschot: candidates('berenschot'), riec: candidates('riec') },
    slots.length,
  );
  return succeed({ slots, trainers: result, pairs });
}
