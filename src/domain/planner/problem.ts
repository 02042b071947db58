// From the planner's input to an indexed problem both planners share: which slots can be used,
// which trainer may take which slot (and whether their calendar is known there), the fixed
// workshops, and the input errors a user must fix first.
import { DateTime } from 'luxon';
import type { TrainerRole } from '../campaign.js';
import { AMSTERDAM, instantMillis, parsePlainDate } from '../time.js';
import { ERRORS, PAIR_PROBLEMS, WARNINGS } from './messages.js';
import { statedVerdict } from './stated.js';
import type { Availability } from '../pairing.js';
import type {
  KeptHold,
  PlannerError,
  PlannerInput,
  PlannerSettings,
  PlannerSignup,
  PlannerTrainer,
  StatedAvailability,
  Texts,
  TrainerBlock,
} from './types.js';
import { DEFAULT_PLANNER_SETTINGS } from './types.js';

const MINUTE = 60_000;

export type SlotUse = 'ok' | 'past' | 'outsideWindow' | 'invalid';

export interface SlotInfo {
  readonly slotIndex: number;
  readonly use: SlotUse;
  readonly startMs: number;
  readonly endMs: number;
  /** ISO week in Amsterdam, e.g. "2026-W49": the unit of the weekly maximum. */
  readonly week: string;
}

export interface TrainerInfo {
  readonly index: number;
  readonly trainer: PlannerTrainer;
  readonly maxPerWeek: number;
  readonly maxPerCampaign: number;
}

/** A workshop that is not the planner's to move: confirmed, or a hold the user keeps. */
export interface FixedItem {
  readonly label: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly week: string;
  readonly trainers: readonly number[];
  readonly slot: { readonly start: string; readonly end: string };
}

/** One trainer who may take one slot of one sign-up. */
export interface Candidate {
  readonly trainer: number;
  /** The calendar says nothing there and the trainer stated nothing: allowed, at a cost. */
  readonly unknown: boolean;
}

/** A slot of a sign-up that has at least one candidate of each role. */
export interface SlotOption {
  readonly signup: number;
  readonly slotIndex: number;
  readonly berenschot: readonly Candidate[];
  readonly riec: readonly Candidate[];
}

/** One decision: sign-up `signup` in its slot `slotIndex` with these two trainers. */
export interface Choice {
  readonly signup: number;
  readonly slotIndex: number;
  readonly berenschot: number;
  readonly riec: number;
}

export interface Problem {
  readonly settings: PlannerSettings;
  readonly signups: readonly PlannerSignup[];
  readonly trainers: readonly TrainerInfo[];
  readonly trainerIndex: ReadonlyMap<string, number>;
  /** Per sign-up, per preference. */
  readonly slots: readonly (readonly SlotInfo[])[];
  /** Sign-ups (indices) the planner decides on: not left out, no kept hold. */
  readonly decide: readonly number[];
  /** Sign-ups with a kept hold: planned as they are. */
  readonly kept: readonly Choice[];
  readonly locked: ReadonlyMap<number, { readonly berenschot: number; readonly riec: number }>;
  readonly proposed: ReadonlyMap<number, { readonly berenschot: number; readonly riec: number }>;
  /** Per trainer: confirmed workshops and kept holds. */
  readonly fixedByTrainer: readonly (readonly FixedItem[])[];
  readonly options: readonly SlotOption[];
  readonly leftOut: readonly string[];
  readonly warnings: readonly Texts[];
  /** What the calendars and the trainers' own statements say (for the reasons). */
  readonly freeBusy: PlannerInput['freeBusy'];
  readonly stated: ReadonlyMap<string, StatedAvailability>;
}

export type ProblemOutcome =
  | { readonly ok: true; readonly problem: Problem }
  | { readonly ok: false; readonly error: PlannerError };

/** Two workshops conflict for one trainer when they overlap or are closer than the buffer. */
export function isConflict(
  a: { readonly startMs: number; readonly endMs: number },
  b: { readonly startMs: number; readonly endMs: number },
  bufferMs: number,
): boolean {
  return a.startMs < b.endMs + bufferMs && b.startMs < a.endMs + bufferMs;
}

export function weekOf(ms: number): string {
  const dt = DateTime.fromMillis(ms, { zone: AMSTERDAM });
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`;
}

function slotUse(
  startMs: number | undefined,
  endMs: number | undefined,
  nowMs: number,
  window: PlannerInput['window'],
): SlotUse {
  if (startMs === undefined || endMs === undefined || endMs <= startMs) return 'invalid';
  if (startMs < nowMs) return 'past';
  if (window) {
    const first = parsePlainDate(window.start)?.toMillis() ?? -Infinity;
    const last = parsePlainDate(window.end)?.endOf('day').toMillis() ?? Infinity;
    if (startMs < first || endMs - 1 > last) return 'outsideWindow';
  }
  return 'ok';
}

function invalid(message: Texts): ProblemOutcome {
  return { ok: false, error: { code: 'INVALID_INPUT', message } };
}

/** Checks a kept or locked pair: a Berenschot advisor and an advisor of the sign-up's RIEC. */
function pairProblem(
  pair: { readonly berenschotId: string; readonly riecId: string },
  signup: PlannerSignup,
  trainerIndex: ReadonlyMap<string, number>,
  trainers: readonly PlannerTrainer[],
): Texts | undefined {
  const checks: [string, TrainerRole][] = [
    [pair.berenschotId, 'berenschot'],
    [pair.riecId, 'riec'],
  ];
  for (const [id, role] of checks) {
    const index = trainerIndex.get(id);
    if (index === undefined) return PAIR_PROBLEMS.unknownTrainer(id);
    const trainer = trainers[index]!;
    if (trainer.role !== role) return PAIR_PROBLEMS.wrongRole(trainer.name, role);
    if (role === 'riec' && trainer.riec !== signup.riec) {
      return PAIR_PROBLEMS.otherRiec(trainer.name, signup.riec);
    }
  }
  return undefined;
}

function findDuplicate(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

export function buildProblem(input: PlannerInput): ProblemOutcome {
  const settings: PlannerSettings = { ...DEFAULT_PLANNER_SETTINGS, ...input.settings };
  const duplicateSignup = findDuplicate(input.signups.map((s) => s.id));
  if (duplicateSignup !== undefined)
    return invalid(ERRORS.duplicate('aanmelding', duplicateSignup));
  const duplicateTrainer = findDuplicate(input.trainers.map((t) => t.id));
  if (duplicateTrainer !== undefined) return invalid(ERRORS.duplicate('trainer', duplicateTrainer));

  const signupIndex = new Map(input.signups.map((s, i) => [s.id, i]));
  const trainerIndex = new Map(input.trainers.map((t, i) => [t.id, i]));
  const leftOutIds = new Set(input.leftOut ?? []);
  const leftOut = input.signups.filter((s) => leftOutIds.has(s.id)).map((s) => s.id);
  const nowMs = instantMillis(input.now) ?? 0;

  const slots = input.signups.map((signup) =>
    signup.preferences.map((slot, slotIndex): SlotInfo => {
      const startMs = instantMillis(slot.start);
      const endMs = instantMillis(slot.end);
      const use = slotUse(startMs, endMs, nowMs, input.window);
      return {
        slotIndex,
        use,
        startMs: startMs ?? 0,
        endMs: endMs ?? 0,
        week: use === 'invalid' ? '' : weekOf(startMs!),
      };
    }),
  );

  // Kept holds and locked pairs must name a sign-up and a valid pair.
  const keptBySignup = new Map<number, KeptHold>();
  for (const hold of input.keptHolds ?? []) {
    const index = signupIndex.get(hold.signupId);
    if (index === undefined) return invalid(ERRORS.unknownSignup('keptHold', hold.signupId));
    const signup = input.signups[index]!;
    const problem = pairProblem(hold, signup, trainerIndex, input.trainers);
    if (problem) return invalid(ERRORS.badPair(signup.name, problem));
    const info = slots[index]![hold.slotIndex];
    if (!info || info.use === 'invalid') {
      return invalid(ERRORS.badSlotIndex(signup.name, hold.slotIndex));
    }
    keptBySignup.set(index, hold);
  }
  const locked = new Map<number, { berenschot: number; riec: number }>();
  for (const pair of input.lockedPairs ?? []) {
    const index = signupIndex.get(pair.signupId);
    if (index === undefined) return invalid(ERRORS.unknownSignup('lockedPair', pair.signupId));
    const signup = input.signups[index]!;
    const problem = pairProblem(pair, signup, trainerIndex, input.trainers);
    if (problem) return invalid(ERRORS.badPair(signup.name, problem));
    locked.set(index, {
      berenschot: trainerIndex.get(pair.berenschotId)!,
      riec: trainerIndex.get(pair.riecId)!,
    });
  }
  const proposed = new Map<number, { berenschot: number; riec: number }>();
  for (const pair of input.proposedPairs ?? []) {
    const index = signupIndex.get(pair.signupId);
    const berenschot = trainerIndex.get(pair.berenschotId);
    const riec = trainerIndex.get(pair.riecId);
    // A proposal only steers the last goal: one that no longer fits the pool is simply not kept.
    if (index === undefined || berenschot === undefined || riec === undefined) continue;
    proposed.set(index, { berenschot, riec });
  }

  const decide = input.signups
    .map((_, i) => i)
    .filter((i) => !leftOutIds.has(input.signups[i]!.id) && !keptBySignup.has(i));
  const missing = missingTrainers(
    decide.map((i) => input.signups[i]!),
    input.trainers,
  );
  if (missing) return { ok: false, error: missing };

  const trainers = input.trainers.map((trainer, index): TrainerInfo => ({
    index,
    trainer,
    maxPerWeek: trainer.maxPerWeek ?? settings.maxPerWeek,
    maxPerCampaign: trainer.maxPerCampaign ?? settings.maxPerCampaign,
  }));

  // Fixed workshops per trainer: confirmed ones, and the holds the user keeps.
  const fixedByTrainer: FixedItem[][] = trainers.map(() => []);
  const addFixed = (item: FixedItem) => {
    for (const t of item.trainers) fixedByTrainer[t]!.push(item);
  };
  for (const workshop of input.confirmed ?? []) {
    const startMs = instantMillis(workshop.slot.start);
    const endMs = instantMillis(workshop.slot.end);
    if (startMs === undefined || endMs === undefined) continue;
    // Trainers outside this pool (another RIEC's advisors) do not matter to this plan.
    const inPool = workshop.trainerIds.flatMap((id) => {
      const index = trainerIndex.get(id);
      return index === undefined ? [] : [index];
    });
    addFixed({
      label: workshop.label,
      startMs,
      endMs,
      week: weekOf(startMs),
      trainers: inPool,
      slot: workshop.slot,
    });
  }
  const kept: Choice[] = [];
  for (const [index, hold] of keptBySignup) {
    const info = slots[index]![hold.slotIndex]!;
    const choice: Choice = {
      signup: index,
      slotIndex: hold.slotIndex,
      berenschot: trainerIndex.get(hold.berenschotId)!,
      riec: trainerIndex.get(hold.riecId)!,
    };
    addFixed({
      label: input.signups[index]!.name,
      startMs: info.startMs,
      endMs: info.endMs,
      week: info.week,
      trainers: [choice.berenschot, choice.riec],
      slot: input.signups[index]!.preferences[hold.slotIndex]!,
    });
    if (!leftOutIds.has(input.signups[index]!.id)) kept.push(choice);
  }
  kept.sort((a, b) => a.signup - b.signup);

  const problemBase = {
    settings,
    signups: input.signups,
    trainers,
    trainerIndex,
    slots,
    fixedByTrainer,
    locked,
    freeBusy: input.freeBusy,
    // One statement per trainer; should there be more, the last one counts.
    stated: new Map((input.stated ?? []).map((s) => [s.trainerId, s])),
  };
  const blockOf = (signup: number, slot: SlotInfo, trainer: number) =>
    staticBlock(problemBase, signup, slot, trainer);

  const options: SlotOption[] = [];
  const eligible = eligibleTrainers(trainers);
  for (const s of decide) {
    const signup = input.signups[s]!;
    for (const slot of slots[s]!) {
      if (slot.use !== 'ok') continue;
      const collect = (pool: readonly number[]) =>
        pool.flatMap((t): Candidate[] => {
          const verdict = blockOf(s, slot, t);
          return verdict.block ? [] : [{ trainer: t, unknown: verdict.unknown }];
        });
      const berenschot = collect(eligible.berenschot);
      const riec = collect(eligible.riec.get(signup.riec) ?? []);
      if (berenschot.length > 0 && riec.length > 0) {
        options.push({ signup: s, slotIndex: slot.slotIndex, berenschot, riec });
      }
    }
  }

  return {
    ok: true,
    problem: {
      ...problemBase,
      decide,
      kept,
      proposed,
      options,
      leftOut,
      warnings: fixedWarnings(trainers, fixedByTrainer, settings.bufferMinutes * MINUTE),
    },
  };
}

export function eligibleTrainers(trainers: readonly TrainerInfo[]): {
  readonly berenschot: readonly number[];
  readonly riec: ReadonlyMap<string, readonly number[]>;
} {
  const berenschot = trainers.filter((t) => t.trainer.role === 'berenschot').map((t) => t.index);
  const riec = new Map<string, number[]>();
  for (const t of trainers) {
    if (t.trainer.role !== 'riec' || t.trainer.riec === undefined) continue;
    const list = riec.get(t.trainer.riec) ?? [];
    list.push(t.index);
    riec.set(t.trainer.riec, list);
  }
  return { berenschot, riec };
}

/** A trainer of each kind the sign-ups to plan need: else a Dutch error naming what is missing. */
function missingTrainers(
  signups: readonly PlannerSignup[],
  trainers: readonly PlannerTrainer[],
): PlannerError | undefined {
  if (signups.length === 0) return undefined;
  if (!trainers.some((t) => t.role === 'berenschot')) {
    return { code: 'NO_TRAINERS', message: ERRORS.noBerenschot(), missing: ['Berenschot'] };
  }
  const withAdvisors = new Set(trainers.filter((t) => t.role === 'riec').map((t) => t.riec));
  const riecs = [...new Set(signups.map((s) => s.riec))].filter((r) => !withAdvisors.has(r));
  if (riecs.length === 0) return undefined;
  return { code: 'NO_TRAINERS', message: ERRORS.noRiecAdvisors(riecs), missing: riecs };
}

type BlockData = Pick<
  Problem,
  'settings' | 'signups' | 'trainers' | 'fixedByTrainer' | 'locked' | 'freeBusy' | 'stated'
>;

/**
 * Whether trainer `t` may take `slot` of sign-up `signup` before anything is planned: their
 * calendar and statement, the locked pair, and the fixed workshops (conflict, weekly and campaign
 * maximum). `unknown`: allowed, but nobody knows their calendar there.
 */
function staticBlock(
  problem: BlockData,
  signup: number,
  slot: SlotInfo,
  t: number,
): { readonly block: TrainerBlock | null; readonly unknown: boolean } {
  const locked = problem.locked.get(signup);
  if (locked && locked.berenschot !== t && locked.riec !== t) {
    return { block: { kind: 'notInLockedPair' }, unknown: false };
  }
  const info = problem.trainers[t]!;
  const availability: Availability =
    problem.freeBusy[info.trainer.id]?.[problem.signups[signup]!.id]?.[slot.slotIndex] ?? 'unknown';
  if (availability !== 'free' && availability !== 'unknown') {
    return { block: { kind: 'calendar', availability }, unknown: false };
  }
  const stated = statedVerdict(problem.stated.get(info.trainer.id), slot.startMs, slot.endMs);
  if (stated === 'cannot') return { block: { kind: 'stated' }, unknown: false };
  const unknown = availability === 'unknown' && stated !== 'can';
  const fixed = problem.fixedByTrainer[t]!;
  const bufferMs = problem.settings.bufferMinutes * MINUTE;
  const clash = fixed.find((item) => isConflict(item, slot, bufferMs));
  if (clash) {
    return { block: { kind: 'workshop', label: clash.label, slot: clash.slot }, unknown };
  }
  if (fixed.filter((item) => item.week === slot.week).length >= info.maxPerWeek) {
    return { block: { kind: 'weekMaximum', maximum: info.maxPerWeek }, unknown };
  }
  if (fixed.length >= info.maxPerCampaign) {
    return { block: { kind: 'campaignMaximum', maximum: info.maxPerCampaign }, unknown };
  }
  return { block: null, unknown };
}

/** What the planner cannot repair: fixed workshops that clash, or a maximum already passed. */
function fixedWarnings(
  trainers: readonly TrainerInfo[],
  fixedByTrainer: readonly (readonly FixedItem[])[],
  bufferMs: number,
): Texts[] {
  const warnings: Texts[] = [];
  trainers.forEach((info, t) => {
    const items = [...fixedByTrainer[t]!].sort((a, b) => a.startMs - b.startMs);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        if (items[j]!.startMs >= items[i]!.endMs + bufferMs) break;
        if (isConflict(items[i]!, items[j]!, bufferMs)) {
          warnings.push(
            WARNINGS.fixedConflict(info.trainer.name, items[i]!.label, items[j]!.label),
          );
        }
      }
    }
    if (items.length > info.maxPerCampaign) {
      warnings.push(
        WARNINGS.fixedOverMaximum(info.trainer.name, items.length, info.maxPerCampaign),
      );
    }
  });
  return warnings;
}

/** The trainer's block for a slot before planning, for the reasons of an unplanned sign-up. */
export function trainerBlockBeforePlanning(
  problem: Problem,
  signup: number,
  slot: SlotInfo,
  t: number,
): TrainerBlock | null {
  return staticBlock(problem, signup, slot, t).block;
}
