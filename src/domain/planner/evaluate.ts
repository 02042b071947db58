// The measures of a plan and its hard rules, computed the same way for every planner, so the
// greedy baseline and the exact solver are compared on one scale (docs/planner.md).
import { isConflict } from './problem.js';
import type { Candidate, Choice, Problem, SlotOption } from './problem.js';
import type { PlanMetrics, TrainerLoad } from './types.js';

export function optionKey(signup: number, slotIndex: number): string {
  return `${signup}:${slotIndex}`;
}

export function indexOptions(problem: Problem): ReadonlyMap<string, SlotOption> {
  return new Map(problem.options.map((o) => [optionKey(o.signup, o.slotIndex), o]));
}

function candidateOf(list: readonly Candidate[], trainer: number): Candidate | undefined {
  return list.find((c) => c.trainer === trainer);
}

export function computeLoads(problem: Problem, decided: readonly Choice[]): TrainerLoad[] {
  const planned = problem.trainers.map(() => 0);
  for (const choice of decided) {
    planned[choice.berenschot]!++;
    planned[choice.riec]!++;
  }
  return problem.trainers.map((info, t) => ({
    trainerId: info.trainer.id,
    fixed: problem.fixedByTrainer[t]!.length,
    planned: planned[t]!,
  }));
}

/** Highest load and spread per pool: all Berenschot advisors, and the advisors of each RIEC. */
function poolFigures(problem: Problem, loads: readonly TrainerLoad[]) {
  const pools = new Map<string, number[]>();
  problem.trainers.forEach((info, t) => {
    const key = info.trainer.role === 'berenschot' ? 'berenschot' : `riec:${info.trainer.riec}`;
    const load = loads[t]!.fixed + loads[t]!.planned;
    pools.set(key, [...(pools.get(key) ?? []), load]);
  });
  const figures = { berenschot: { max: 0, spread: 0 }, riec: { max: 0, spread: 0 } };
  for (const [key, values] of pools) {
    const target = key === 'berenschot' ? figures.berenschot : figures.riec;
    target.max = Math.max(target.max, ...values);
    target.spread = Math.max(target.spread, Math.max(...values) - Math.min(...values));
  }
  return figures;
}

export function computeMetrics(problem: Problem, decided: readonly Choice[]): PlanMetrics {
  const options = indexOptions(problem);
  let unknownCount = 0;
  let keptProposals = 0;
  for (const choice of decided) {
    const option = options.get(optionKey(choice.signup, choice.slotIndex));
    if (candidateOf(option?.berenschot ?? [], choice.berenschot)?.unknown) unknownCount++;
    if (candidateOf(option?.riec ?? [], choice.riec)?.unknown) unknownCount++;
    const proposal = problem.proposed.get(choice.signup);
    if (proposal?.berenschot === choice.berenschot) keptProposals++;
    if (proposal?.riec === choice.riec) keptProposals++;
  }
  const all = [...problem.kept, ...decided];
  const loads = computeLoads(problem, decided);
  const pools = poolFigures(problem, loads);
  return {
    planned: all.length,
    unplanned: problem.decide.length - decided.length,
    rankSum: all.reduce((sum, c) => sum + c.slotIndex + 1, 0),
    unknownCount,
    loadSquares: loads.reduce((sum, l) => sum + (l.fixed + l.planned) ** 2, 0),
    maxLoad: { berenschot: pools.berenschot.max, riec: pools.riec.max },
    spread: { berenschot: pools.berenschot.spread, riec: pools.riec.spread },
    keptProposals,
  };
}

/** The goals in order as one key, smaller is better: (a), (b), unknown, (c), (d). */
export function lexicographicKey(metrics: PlanMetrics): readonly number[] {
  return [
    -metrics.planned,
    metrics.rankSum,
    metrics.unknownCount,
    metrics.loadSquares,
    -metrics.keptProposals,
  ];
}

/** Negative when `a` is the better plan, positive when `b` is, 0 when equal on every goal. */
export function compareMetrics(a: PlanMetrics, b: PlanMetrics, goals = 5): number {
  const ka = lexicographicKey(a);
  const kb = lexicographicKey(b);
  for (let i = 0; i < goals; i++) {
    const d = ka[i]! - kb[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Every hard rule a plan must keep; an empty list means the plan is valid. Fixed workshops that
 * already clash among themselves are not the plan's doing and are not reported here.
 */
export function findViolations(problem: Problem, decided: readonly Choice[]): string[] {
  const violations: string[] = [];
  const options = indexOptions(problem);
  const decide = new Set(problem.decide);
  const seen = new Set<number>();
  const bufferMs = problem.settings.bufferMinutes * 60_000;
  const perTrainer = problem.trainers.map(() => [] as { choice: Choice; week: string }[]);

  for (const choice of decided) {
    const name = problem.signups[choice.signup]?.name ?? `#${choice.signup}`;
    if (!decide.has(choice.signup)) violations.push(`${name}: not a sign-up to decide on`);
    if (seen.has(choice.signup)) violations.push(`${name}: planned twice`);
    seen.add(choice.signup);
    const option = options.get(optionKey(choice.signup, choice.slotIndex));
    if (!option) {
      violations.push(`${name}: slot ${choice.slotIndex + 1} has no pair that may take it`);
      continue;
    }
    if (!candidateOf(option.berenschot, choice.berenschot)) {
      violations.push(`${name}: Berenschot trainer ${choice.berenschot} may not take this slot`);
    }
    if (!candidateOf(option.riec, choice.riec)) {
      violations.push(`${name}: RIEC trainer ${choice.riec} may not take this slot`);
    }
    const locked = problem.locked.get(choice.signup);
    if (locked && (locked.berenschot !== choice.berenschot || locked.riec !== choice.riec)) {
      violations.push(`${name}: not the locked pair`);
    }
    const week = problem.slots[choice.signup]![choice.slotIndex]!.week;
    perTrainer[choice.berenschot]?.push({ choice, week });
    perTrainer[choice.riec]?.push({ choice, week });
  }

  problem.trainers.forEach((info, t) => {
    const mine = perTrainer[t]!;
    const fixed = problem.fixedByTrainer[t]!;
    const interval = (c: Choice) => problem.slots[c.signup]![c.slotIndex]!;
    for (let i = 0; i < mine.length; i++) {
      const a = interval(mine[i]!.choice);
      for (let j = i + 1; j < mine.length; j++) {
        if (isConflict(a, interval(mine[j]!.choice), bufferMs)) {
          violations.push(`trainer ${info.trainer.id}: two planned workshops clash`);
        }
      }
      for (const item of fixed) {
        if (isConflict(a, item, bufferMs)) {
          violations.push(
            `trainer ${info.trainer.id}: planned workshop clashes with ${item.label}`,
          );
        }
      }
    }
    if (mine.length > 0 && mine.length + fixed.length > info.maxPerCampaign) {
      violations.push(`trainer ${info.trainer.id}: over the campaign maximum`);
    }
    for (const week of new Set(mine.map((m) => m.week))) {
      const count =
        mine.filter((m) => m.week === week).length + fixed.filter((f) => f.week === week).length;
      if (count > info.maxPerWeek) violations.push(`trainer ${info.trainer.id}: over ${week}`);
    }
  });
  return violations;
}
