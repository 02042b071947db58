// Free/busy of every candidate trainer for the three slots, and the pairs ranked (DESIGN.md
// round-trip budget: one getSchedule $batch for up to 20 trainers; the trainer list is cached).
import { readCurrentCampaign } from './campaigns.js';
import { availabilityInSlot } from '../domain/free-busy.js';
import { clashingBookings } from '../domain/trainer-agenda.js';
import {
  rankPairs,
  type Availability,
  type CandidateTrainer,
  type PairEvaluation,
} from '../domain/pairing.js';
import type { RiecName } from '../domain/municipalities.js';
import type { TrainerEntry } from '../domain/ports.js';
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

/**
 * The RIEC advisors of the municipality's RIEC give its workshops (the Berenschot advisors work
 * for every RIEC); a RIEC without advisors in the pool falls back to all of them.
 */
function candidatesFor(
  trainers: readonly TrainerEntry[],
  riec: RiecName | undefined,
): readonly TrainerEntry[] {
  const own = trainers.filter((t) => t.role === 'riec' && t.riec === riec);
  if (!riec || own.length === 0) return trainers;
  return trainers.filter((t) => t.role === 'berenschot' || t.riec === riec);
}

export async function checkAvailability(
  ctx: UseCaseContext,
  slots: readonly Slot[],
  options: { readonly riec?: RiecName } = {},
): Promise<Outcome<AvailabilityResult>> {
  if (ctx.access.riecs.length === 0 && !ctx.access.canReadAll) {
    return failWith({ kind: 'forbidden', reason: 'role' });
  }
  // Without a municipality: the caller's RIEC, when they plan for exactly one.
  const riec = options.riec ?? (ctx.access.riecs.length === 1 ? ctx.access.riecs[0] : undefined);
  const trainers = candidatesFor(await ctx.state.trainers.get(ctx.m365.trainers), riec);
  const addresses = trainers.map((t) => t.email);
  // The calendars, and the product's own agenda of confirmed workshops: what the product
  // booked is always known, also for a Berenschot calendar the RIEC tenant cannot see.
  const [schedules, agendas] = await Promise.all([
    ctx.m365.calendar.getSchedules(ctx.access.email, addresses, slots),
    ctx.m365.agendas.read(addresses),
  ]);
  const buffer = (await readCurrentCampaign(ctx)).trainerBufferMinutes;
  const result: TrainerAvailability[] = trainers.map((trainer) => {
    const perSlot = schedules.map((window) =>
      window.find((s) => s.address === trainer.email.toLowerCase()),
    );
    const agenda = agendas.find((a) => a.trainer === trainer.email.toLowerCase());
    return {
      trainer,
      availability: slots.map((slot, i) =>
        agenda && clashingBookings(agenda, slot, '', buffer).length > 0
          ? 'busy'
          : availabilityInSlot(perSlot[i], slot),
      ),
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
