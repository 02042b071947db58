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
  type TrainerLoad,
} from '../domain/pairing.js';
import { statedVerdict } from '../domain/planner/stated.js';
import type { StoredStatement } from '../domain/stated-availability.js';
import type { RiecName } from '../domain/municipalities.js';
import type { StoredSignup, TrainerEntry } from '../domain/ports.js';
import type { Slot, Trainer } from '../domain/signup.js';
import type { UseCaseContext } from './context.js';
import { failWith, succeed, type Outcome } from './outcome.js';

export interface TrainerAvailability {
  readonly trainer: Trainer;
  /** Per slot. */
  readonly availability: readonly Availability[];
  /** Whether getSchedule could see this calendar at all (Berenschot often not). */
  readonly visible: boolean;
  /** The trainer's confirmed workshops and open holds in the campaign (issue 18, item 6). */
  readonly load: TrainerLoad;
  /** Whether the trainer stated their availability ("Mijn beschikbaarheid"). */
  readonly stated: boolean;
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

/** Per trainer address: confirmed (or given) workshops and open holds in the campaign. */
function loadByTrainer(signups: readonly StoredSignup[]): Map<string, TrainerLoad> {
  const load = new Map<string, TrainerLoad>();
  for (const { signup } of signups) {
    const kind =
      signup.status === 'bevestigd' || signup.status === 'uitgevoerd'
        ? 'workshops'
        : signup.status === 'opties_geplaatst'
          ? 'holds'
          : undefined;
    if (!kind || !signup.pair) continue;
    for (const trainer of [signup.pair.berenschot, signup.pair.riec]) {
      const key = trainer.email.toLowerCase();
      const current = load.get(key) ?? { workshops: 0, holds: 0 };
      load.set(key, { ...current, [kind]: current[kind] + 1 });
    }
  }
  return load;
}

/**
 * The calendar's answer with the trainer's own statement applied: a calendar that says nothing
 * becomes free where they said they can; a "cannot" makes the slot busy. A busy calendar stays
 * busy whatever was stated.
 */
function withStatement(
  availability: Availability,
  statement: StoredStatement | undefined,
  slot: Slot,
): Availability {
  if (!statement || (availability !== 'unknown' && availability !== 'free')) return availability;
  const verdict = statedVerdict(
    { trainerId: '', weekly: statement.weekly, dates: statement.dates },
    Date.parse(slot.start),
    Date.parse(slot.end),
  );
  if (verdict === 'cannot') return 'busy';
  return verdict === 'can' && availability === 'unknown' ? 'free' : availability;
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
  // Beside them, in the same round trip: the campaign's sign-ups (each trainer's load) and what
  // the trainers stated on "Mijn beschikbaarheid".
  const campaign = await readCurrentCampaign(ctx);
  const [schedules, agendas, signups, statements] = await Promise.all([
    ctx.m365.calendar.getSchedules(ctx.access.email, addresses, slots),
    ctx.m365.agendas.read(addresses),
    ctx.m365.statusLog.list({ campaignId: campaign.id }),
    ctx.m365.statedAvailability.list(campaign.id),
  ]);
  const buffer = campaign.trainerBufferMinutes;
  const loads = loadByTrainer(signups);
  const result: TrainerAvailability[] = trainers.map((trainer) => {
    const perSlot = schedules.map((window) =>
      window.find((s) => s.address === trainer.email.toLowerCase()),
    );
    const agenda = agendas.find((a) => a.trainer === trainer.email.toLowerCase());
    const statement = trainer.account
      ? statements.find(
          (s) =>
            s.account.tenantId === trainer.account?.tenantId &&
            s.account.objectId === trainer.account.objectId,
        )
      : undefined;
    return {
      trainer,
      availability: slots.map((slot, i) =>
        agenda && clashingBookings(agenda, slot, '', buffer).length > 0
          ? 'busy'
          : withStatement(availabilityInSlot(perSlot[i], slot), statement, slot),
      ),
      visible: perSlot.some((schedule) => schedule?.visible === true),
      load: loads.get(trainer.email.toLowerCase()) ?? { workshops: 0, holds: 0 },
      stated: statement !== undefined,
    };
  });
  const candidates = (role: Trainer['role']): CandidateTrainer[] =>
    result
      .filter((r) => r.trainer.role === role)
      .map((r) => ({ ...r.trainer, availability: r.availability, load: r.load }));
  const pairs = rankPairs(
    { berenschot: candidates('berenschot'), riec: candidates('riec') },
    slots.length,
  );
  return succeed({ slots, trainers: result, pairs });
}
