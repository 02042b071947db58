// The province planner's input and output as plain data: ids are strings, instants ISO strings
// with an offset, dates `YYYY-MM-DD` in Amsterdam. The use case builds the input from the sign-up
// list, the trainer list and getSchedule; nothing here knows Microsoft 365 (docs/planner.md).
import type { TrainerRole } from '../campaign.js';
import type { Availability } from '../pairing.js';
import type { PlainDate, Slot } from '../time.js';

/** A text in both languages of the product: Dutch first, English second. */
export interface Texts {
  readonly nl: string;
  readonly en: string;
}

/** A sign-up to plan: the municipality, its RIEC and its preferred slots, best first. */
export interface PlannerSignup {
  readonly id: string;
  /** The municipality's name, for messages. */
  readonly name: string;
  /** The RIEC that covers the municipality: its RIEC advisor must come from this RIEC. */
  readonly riec: string;
  /** The preferred slots, most preferred first (rank 1 = index 0). */
  readonly preferences: readonly Slot[];
}

/** A trainer in the pool. */
export interface PlannerTrainer {
  readonly id: string;
  readonly name: string;
  readonly role: TrainerRole;
  /** The RIEC a RIEC advisor belongs to; not used for Berenschot advisors (they serve all). */
  readonly riec?: string;
  /** Overrides the setting for this trainer. */
  readonly maxPerWeek?: number;
  /** Overrides the setting for this trainer. */
  readonly maxPerCampaign?: number;
}

/**
 * What the calendars say: `freeBusy[trainerId][signupId][slotIndex]`. A missing entry is
 * `unknown` (Berenschot's calendars in another tenant usually are), never free.
 */
export type FreeBusyTable = Readonly<
  Record<string, Readonly<Record<string, readonly (Availability | undefined)[]>>>
>;

/** Day parts as a trainer states them on "Mijn beschikbaarheid" (Amsterdam wall-clock time). */
export type DayPart = 'ochtend' | 'middag' | 'avond';

/** One line of a trainer's own statement: "on Tuesday evenings I can", "not on 3 March". */
export interface StatedWeekday {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  readonly weekday: number;
  readonly dayPart: DayPart;
  readonly canWork: boolean;
}

export interface StatedDate {
  readonly date: PlainDate;
  /** Without a day part the line holds for the whole day. */
  readonly dayPart?: DayPart;
  readonly canWork: boolean;
}

/**
 * A trainer's own availability for the campaign window ("Mijn beschikbaarheid"). It makes an
 * unknown calendar known (free or not); a specific date wins over the usual week. A busy
 * calendar stays busy whatever the trainer stated; a "cannot" makes a free calendar unavailable.
 */
export interface StatedAvailability {
  readonly trainerId: string;
  readonly weekly?: readonly StatedWeekday[];
  readonly dates?: readonly StatedDate[];
}

/** A workshop that is already fixed (confirmed): its trainers are busy then, and it counts as load. */
export interface FixedWorkshop {
  readonly id: string;
  /** What a reason calls it, e.g. the municipality's name. */
  readonly label: string;
  readonly slot: Slot;
  readonly trainerIds: readonly string[];
}

/** A hold the user keeps: the sign-up stays in exactly this slot with exactly this pair. */
export interface KeptHold {
  readonly signupId: string;
  readonly slotIndex: number;
  readonly berenschotId: string;
  readonly riecId: string;
}

/** A pair the user locked for a sign-up: any of its slots, but with these two trainers. */
export interface PairChoice {
  readonly signupId: string;
  readonly berenschotId: string;
  readonly riecId: string;
}

export interface PlannerSettings {
  /** Minutes a trainer needs between two workshops (travel); slots closer than this conflict. */
  readonly bufferMinutes: number;
  /** Workshops per trainer per week (Monday–Sunday, Amsterdam), confirmed ones included. */
  readonly maxPerWeek: number;
  /** Workshops per trainer in the whole campaign, confirmed ones included. */
  readonly maxPerCampaign: number;
  /** What the exact solver may use in all; after it, the best plan found so far with its gap. */
  readonly timeLimitSeconds: number;
}

export const DEFAULT_PLANNER_SETTINGS: PlannerSettings = {
  bufferMinutes: 60,
  maxPerWeek: 2,
  maxPerCampaign: 12,
  timeLimitSeconds: 10,
};

export interface PlannerInput {
  readonly signups: readonly PlannerSignup[];
  readonly trainers: readonly PlannerTrainer[];
  readonly freeBusy: FreeBusyTable;
  readonly stated?: readonly StatedAvailability[];
  readonly confirmed?: readonly FixedWorkshop[];
  readonly keptHolds?: readonly KeptHold[];
  readonly lockedPairs?: readonly PairChoice[];
  /** Sign-ups the user left out: not planned and not counted as unplanned. */
  readonly leftOut?: readonly string[];
  /** Pairs already proposed (holds placed): keeping them is the last goal. */
  readonly proposedPairs?: readonly PairChoice[];
  /** Slots that start before this instant cannot be planned. */
  readonly now: string;
  /** The campaign's window (Amsterdam dates, both included); slots outside it cannot be planned. */
  readonly window?: { readonly start: PlainDate; readonly end: PlainDate };
  readonly settings?: Partial<PlannerSettings>;
}

export interface TrainerPairIds {
  readonly berenschotId: string;
  readonly riecId: string;
}

export interface PlannedSignup {
  readonly signupId: string;
  readonly outcome: 'planned';
  /** 0-based index into the sign-up's preferences (as HoldOption.slotIndex). */
  readonly slotIndex: number;
  /** The preference rank: 1 first choice, 2 second, 3 third. */
  readonly rank: number;
  readonly slot: Slot;
  readonly pair: TrainerPairIds;
  /** The trainers whose calendar was not known there: the hold asks them. */
  readonly unknown: readonly TrainerRole[];
  /** Why it is where it is, when that was not the planner's choice. */
  readonly fixedBy: 'keptHold' | 'lockedPair' | null;
}

/**
 * - `SLOTS_UNUSABLE`: every preferred slot is in the past or outside the campaign window;
 * - `LOCKED_PAIR_NOT_FREE`: the locked pair is not available together in any slot;
 * - `NO_COMMON_FREE_SLOT`: in no slot is both a Berenschot advisor and an own-RIEC advisor free;
 * - `TRAINER_AT_MAXIMUM`: the free trainers already have their maximum number of workshops;
 * - `TRAINER_TAKEN`: the free trainers give another workshop then (or too close to it);
 * - `NOT_FOUND_IN_TIME`: a place may exist, but the time limit ran out before it was found.
 */
export type UnplannedCode =
  | 'SLOTS_UNUSABLE'
  | 'LOCKED_PAIR_NOT_FREE'
  | 'NO_COMMON_FREE_SLOT'
  | 'TRAINER_AT_MAXIMUM'
  | 'TRAINER_TAKEN'
  | 'NOT_FOUND_IN_TIME';

/** Why one trainer could not take one slot. */
export type TrainerBlock =
  | { readonly kind: 'calendar'; readonly availability: Availability }
  | { readonly kind: 'stated' }
  | { readonly kind: 'weekMaximum'; readonly maximum: number }
  | { readonly kind: 'campaignMaximum'; readonly maximum: number }
  | { readonly kind: 'workshop'; readonly label: string; readonly slot: Slot }
  | { readonly kind: 'notInLockedPair' };

/** One preferred slot of an unplanned sign-up. */
export type SlotVerdict =
  | { readonly slotIndex: number; readonly kind: 'past' | 'outsideWindow' | 'invalid' }
  | {
      readonly slotIndex: number;
      readonly kind: 'blocked';
      /** Per role that has no trainer left: each trainer of that role and what stopped them. */
      readonly roles: readonly {
        readonly role: TrainerRole;
        readonly trainers: readonly { readonly trainerId: string; readonly block: TrainerBlock }[];
      }[];
    }
  | { readonly slotIndex: number; readonly kind: 'open' };

export interface UnplannedSignup {
  readonly signupId: string;
  readonly outcome: 'unplanned';
  readonly code: UnplannedCode;
  readonly slots: readonly SlotVerdict[];
  /** The trainers the reason is about. */
  readonly trainerIds: readonly string[];
  readonly message: Texts;
}

export type SignupOutcome = PlannedSignup | UnplannedSignup;

/**
 * The measures of a plan, in the order the planner optimises them (docs/planner.md):
 * (a) planned, (b) rankSum, then unknownCount, (c) loadSquares, (d) keptProposals.
 */
export interface PlanMetrics {
  readonly planned: number;
  readonly unplanned: number;
  /** Sum of the ranks (1–3) of the planned sign-ups: lower is better. */
  readonly rankSum: number;
  /** Trainers planned where their calendar was not known (each asks for an answer). */
  readonly unknownCount: number;
  /** Σ over trainers of (workshops)², confirmed ones included: lower is more even. */
  readonly loadSquares: number;
  /** Highest load and spread (highest − lowest) within each pool: Berenschot, and per RIEC. */
  readonly maxLoad: { readonly berenschot: number; readonly riec: number };
  readonly spread: { readonly berenschot: number; readonly riec: number };
  /** Trainers kept from the pairs already proposed (two per sign-up that keeps its pair). */
  readonly keptProposals: number;
}

export interface TrainerLoad {
  readonly trainerId: string;
  /** Confirmed workshops and kept holds. */
  readonly fixed: number;
  /** Workshops this plan adds. */
  readonly planned: number;
}

export type StageName = 'plannedAndRanks' | 'unknown' | 'load' | 'keptProposals';

/** One solve of the lexicographic sequence (docs/planner.md). */
export interface StageReport {
  readonly stage: StageName;
  readonly status: 'optimal' | 'timeLimit' | 'skipped' | 'notRun';
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly seconds: number;
}

/**
 * - `optimal`: proven optimal on every goal;
 * - `timeLimit`: the best plan found when the time limit ran out, with its gap;
 * - `heuristic`: the greedy baseline, no proof;
 * - `empty`: nothing to plan.
 */
export type PlanStatus = 'optimal' | 'timeLimit' | 'heuristic' | 'empty';

export interface Plan {
  readonly solver: 'highs' | 'greedy';
  readonly status: PlanStatus;
  /** Relative gap of the first goal not proven optimal; 0 when optimal, null for greedy. */
  readonly gap: number | null;
  /** With a time limit on the first goal: no plan can have more planned sign-ups than this. */
  readonly plannedUpperBound: number | null;
  readonly stages: readonly StageReport[];
  /** Per sign-up, in input order; left-out sign-ups are not here. */
  readonly outcomes: readonly SignupOutcome[];
  readonly leftOut: readonly string[];
  readonly metrics: PlanMetrics;
  readonly loads: readonly TrainerLoad[];
  readonly summary: Texts;
  /** Things in the input the planner could not fix and the user should know. */
  readonly warnings: readonly Texts[];
}

export type PlannerErrorCode = 'NO_TRAINERS' | 'INVALID_INPUT';

export interface PlannerError {
  readonly code: PlannerErrorCode;
  readonly message: Texts;
  /** For NO_TRAINERS: the RIECs without advisors, or "Berenschot". */
  readonly missing?: readonly string[];
}

export type PlannerOutcome =
  { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly error: PlannerError };
