// From what Microsoft 365 holds to the planner's input (docs/planner.md, "Input" and "Building
// it"). Pure: the reads happen in plan-campaign.ts. By status, for the sign-ups of the RIECs
// being planned:
// - `aangemeld`: planned freely;
// - `opties_geplaatst` with an option that can still become the workshop: planned with its pair
//   locked. Its holds are out with these two trainers, and the lifecycle changes a pair only by
//   releasing them (new dates), so a re-plan chooses among its live options — which one to
//   confirm — and a trainer who declined an option is busy there. `keep` holds it to one option;
// - `opties_geplaatst` with no live option left, and `nieuwe_data_nodig`: waiting for new dates;
// - `bevestigd`, `uitgevoerd`: fixed workshops (with every other RIEC's; product-knowledge.ts).
import type { TrainerRole } from '../../domain/campaign.js';
import { availabilityInSlot } from '../../domain/free-busy.js';
import { hasStarted } from '../../domain/lifecycle-rules.js';
import type { RiecName } from '../../domain/municipalities.js';
import type { Availability } from '../../domain/pairing.js';
import type { StoredSignup, TrainerEntry, TrainerSchedule } from '../../domain/ports.js';
import type {
  FixedWorkshop,
  KeptHold,
  PairChoice,
  PlannerError,
  PlannerInput,
  PlannerSettings,
  PlannerSignup,
  PlannerTrainer,
  StatedAvailability,
  Texts,
} from '../../domain/planner/types.js';
import type { StoredStatement } from '../../domain/stated-availability.js';
import type { Signup, Slot } from '../../domain/signup.js';
import type { PlainDate } from '../../domain/time.js';
import { isTooClose, type TrainerAgenda } from '../../domain/trainer-agenda.js';
import {
  confirmedWorkshops,
  liveOptions,
  outsideHolds,
  pairIds,
  productItemsByTrainer,
  trainerId,
  withoutProductItems,
} from './product-knowledge.js';
import { PLAN_TEXTS } from './plan-texts.js';

export interface KeepRequest {
  readonly signupId: string;
  readonly slotIndex: number;
}

export interface PlanningFacts {
  /** Every sign-up of the campaign, of every RIEC. */
  readonly signups: readonly StoredSignup[];
  readonly trainers: readonly TrainerEntry[];
  readonly agendas: readonly TrainerAgenda[];
  /** What trainers stated on "Mijn beschikbaarheid" (statedByTrainer). */
  readonly stated?: readonly StatedAvailability[];
  readonly scheduleAt: (address: string, slot: Slot) => TrainerSchedule | undefined;
}

export interface PlanChoices {
  /** The RIECs whose sign-ups are planned. */
  readonly scope: readonly RiecName[];
  /** Every RIEC is planned: all trainers are in the pool. */
  readonly isProvince: boolean;
  readonly keep: readonly KeepRequest[];
  readonly leaveOut: readonly string[];
  readonly now: Date;
  readonly window: { readonly start: PlainDate; readonly end: PlainDate };
  readonly settings: PlannerSettings;
}

/** A sign-up of the planned RIECs that cannot be planned now, and why. */
export interface NotPlannable {
  readonly stored: StoredSignup;
  readonly code: 'NEEDS_NEW_DATES' | 'NO_TRAINERS';
  readonly message: Texts;
}

export interface BuiltInput {
  readonly input: PlannerInput;
  /**
   * What `input.confirmed` is made of, for the page's timeline: confirmed workshops, and the
   * one likely option of each sign-up with holds outside this plan (another RIEC, left out).
   */
  readonly fixed: {
    readonly workshops: readonly FixedWorkshop[];
    readonly holds: readonly FixedWorkshop[];
  };
  /** The sign-ups in the input, by id. */
  readonly planned: ReadonlyMap<string, StoredSignup>;
  readonly notPlannable: readonly NotPlannable[];
}

export type BuildOutcome =
  | { readonly ok: true; readonly built: BuiltInput }
  | { readonly ok: false; readonly error: PlannerError };

function toPlannerTrainer(
  trainer: { name: string; email: string; role: TrainerRole },
  riec?: string,
): PlannerTrainer {
  return {
    id: trainerId(trainer.email),
    name: trainer.name,
    role: trainer.role,
    ...(trainer.role === 'riec' && riec ? { riec } : {}),
  };
}

/** The Berenschot advisors and the advisors of the planned RIECs (of all, for the province). */
function trainerPool(
  facts: PlanningFacts,
  choices: PlanChoices,
  locked: readonly Signup[],
): PlannerTrainer[] {
  const pool = facts.trainers
    .filter(
      (t) =>
        choices.isProvince ||
        t.role === 'berenschot' ||
        (t.riec !== undefined && choices.scope.includes(t.riec)),
    )
    .map((t) => toPlannerTrainer(t, t.riec));
  // A pair placed earlier stays a pair, even when a trainer has left the list since.
  for (const signup of locked) {
    for (const role of ['berenschot', 'riec'] as const) {
      const trainer = signup.pair?.[role];
      if (trainer && !pool.some((t) => t.id === trainerId(trainer.email))) {
        pool.push(toPlannerTrainer(trainer, signup.riec));
      }
    }
  }
  return pool;
}

function byRegistration(a: StoredSignup, b: StoredSignup): number {
  return (
    a.signup.registeredAt.localeCompare(b.signup.registeredAt) ||
    Number(a.signup.id) - Number(b.signup.id)
  );
}

function checkKeep(
  keep: readonly KeepRequest[],
  planned: ReadonlyMap<string, StoredSignup>,
  now: Date,
): { kept: KeptHold[] } | { error: PlannerError } {
  const kept: KeptHold[] = [];
  for (const { signupId, slotIndex } of keep) {
    const signup = planned.get(signupId)?.signup;
    if (!signup?.pair || signup.status !== 'opties_geplaatst') {
      const name = signup?.municipality.name ?? signupId;
      return { error: { code: 'INVALID_INPUT', message: PLAN_TEXTS.keepWithoutHolds(name) } };
    }
    if (!liveOptions(signup, now).some((o) => o.slotIndex === slotIndex)) {
      return {
        error: {
          code: 'INVALID_INPUT',
          message: PLAN_TEXTS.keepDeadOption(signup.municipality.name, slotIndex),
        },
      };
    }
    const [berenschotId, riecId] = pairIds(signup) as [string, string];
    kept.push({ signupId, slotIndex, berenschotId, riecId });
  }
  return { kept };
}

/** What the calendar says for one trainer in one slot, the product's own knowledge applied. */
type AvailabilityOf = (trainer: string, signup: Signup, slotIndex: number) => Availability;

function availabilityFrom(
  facts: PlanningFacts,
  outside: ReturnType<typeof outsideHolds>['tentative'],
  bufferMinutes: number,
): AvailabilityOf {
  const productItems = productItemsByTrainer(facts.signups);
  return (trainer, signup, slotIndex) => {
    const slot = signup.preferences[slotIndex]!;
    const option = signup.options.find((o) => o.slotIndex === slotIndex);
    // A trainer who declined this option of its own sign-up cannot give it there.
    const role =
      signup.pair && trainerId(signup.pair.berenschot.email) === trainer ? 'berenschot' : 'riec';
    if (
      signup.status === 'opties_geplaatst' &&
      option?.answers[role] === 'declined' &&
      pairIds(signup).includes(trainer)
    ) {
      return 'busy';
    }
    const schedule = withoutProductItems(
      facts.scheduleAt(trainer, slot),
      productItems.get(trainer),
    );
    const availability = availabilityInSlot(schedule, slot);
    const heldElsewhere = outside.some(
      (hold) => hold.trainerIds.includes(trainer) && isTooClose(hold.slot, slot, bufferMinutes),
    );
    return heldElsewhere && (availability === 'free' || availability === 'unknown')
      ? 'tentative'
      : availability;
  };
}

/**
 * The trainers' statements as the planner reads them, keyed by trainer: a statement belongs to
 * the trainer whose account (tid+oid) in the trainer list wrote it, whatever address it names.
 */
export function statedByTrainer(
  trainers: readonly TrainerEntry[],
  statements: readonly StoredStatement[],
): StatedAvailability[] {
  return statements.flatMap((statement) => {
    const trainer = trainers.find(
      (t) =>
        t.account?.tenantId === statement.account.tenantId &&
        t.account.objectId === statement.account.objectId,
    );
    if (!trainer) return [];
    return [
      { trainerId: trainerId(trainer.email), weekly: statement.weekly, dates: statement.dates },
    ];
  });
}

export function buildPlannerInput(facts: PlanningFacts, choices: PlanChoices): BuildOutcome {
  const { now, scope } = choices;
  const inScope = facts.signups.filter((s) => scope.includes(s.signup.riec));
  const toPlan = inScope
    .filter(
      ({ signup }) =>
        signup.status === 'aangemeld' ||
        (signup.status === 'opties_geplaatst' && liveOptions(signup, now).length > 0),
    )
    .sort(byRegistration);
  const notPlannable: NotPlannable[] = inScope
    .filter(
      ({ signup }) =>
        signup.status === 'nieuwe_data_nodig' ||
        (signup.status === 'opties_geplaatst' && liveOptions(signup, now).length === 0),
    )
    .map((stored) => ({
      stored,
      code: 'NEEDS_NEW_DATES',
      message: PLAN_TEXTS.needsNewDates(stored.signup.municipality.name),
    }));
  const planned = new Map(toPlan.map((s) => [String(s.signup.id), s]));
  const keep = checkKeep(choices.keep, planned, now);
  if ('error' in keep) return { ok: false, error: keep.error };

  const withHolds = toPlan.map((s) => s.signup).filter((s) => s.status === 'opties_geplaatst');
  const trainers = trainerPool(facts, choices, withHolds);
  const keptIds = new Set(keep.kept.map((k) => k.signupId));
  const lockedPairs: PairChoice[] = withHolds
    .filter((s) => !keptIds.has(String(s.id)))
    .map((s) => {
      const [berenschotId, riecId] = pairIds(s) as [string, string];
      return { signupId: String(s.id), berenschotId, riecId };
    });
  // Open holds of sign-ups outside this plan hold their trainers: those of other RIECs, and
  // those of the planned RIECs that are left out of it.
  const leaving = new Set(choices.leaveOut);
  const outside = outsideHolds(
    facts.signups.filter((s) => !scope.includes(s.signup.riec) || leaving.has(String(s.signup.id))),
    now,
  );
  const availabilityOf = availabilityFrom(facts, outside.tentative, choices.settings.bufferMinutes);

  const freeBusy: Record<string, Record<string, Availability[]>> = {};
  for (const trainer of trainers) {
    const row: Record<string, Availability[]> = {};
    for (const { signup } of toPlan) {
      const mayTake =
        trainer.role === 'berenschot' ||
        trainer.riec === signup.riec ||
        pairIds(signup).includes(trainer.id);
      if (!mayTake) continue;
      row[String(signup.id)] = signup.preferences.map((slot, k) =>
        hasStarted(slot.start, now) ? 'unknown' : availabilityOf(trainer.id, signup, k),
      );
    }
    freeBusy[trainer.id] = row;
  }

  const signups: PlannerSignup[] = toPlan.map(({ signup }) => ({
    id: String(signup.id),
    name: signup.municipality.name,
    riec: signup.riec,
    preferences: signup.preferences,
  }));
  const leftOut = choices.leaveOut.filter((id) => planned.has(id));
  const workshops = confirmedWorkshops(facts.signups, facts.agendas, now);
  return {
    ok: true,
    built: {
      input: {
        signups,
        trainers,
        freeBusy,
        stated: (facts.stated ?? []).filter((s) => trainers.some((t) => t.id === s.trainerId)),
        confirmed: [...workshops, ...outside.fixed],
        keptHolds: keep.kept,
        lockedPairs,
        leftOut,
        now: now.toISOString(),
        window: choices.window,
        settings: choices.settings,
      },
      planned,
      notPlannable,
      fixed: { workshops, holds: outside.fixed },
    },
  };
}
