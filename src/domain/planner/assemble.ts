// From the chosen slots and pairs to the plan the user reads: an outcome per sign-up (planned
// with its slot, rank and pair, or why not), the measures, the loads and a summary.
import type { TrainerRole } from '../campaign.js';
import {
  computeLoads,
  computeMetrics,
  findViolations,
  indexOptions,
  optionKey,
} from './evaluate.js';
import { SUMMARY } from './messages.js';
import type { Choice, Problem } from './problem.js';
import { explainUnplanned } from './reasons.js';
import type { Plan, SignupOutcome, StageReport } from './types.js';

export interface PlanMeta {
  readonly solver: Plan['solver'];
  readonly status: Plan['status'];
  readonly gap: number | null;
  readonly plannedUpperBound: number | null;
  readonly stages: readonly StageReport[];
}

export function assemblePlan(problem: Problem, decided: readonly Choice[], meta: PlanMeta): Plan {
  // A plan that breaks a hard rule is a bug in a planner, never something to show a user.
  const violations = findViolations(problem, decided);
  if (violations.length > 0) {
    throw new Error(`The ${meta.solver} planner broke a rule: ${violations.join('; ')}`);
  }
  const metrics = computeMetrics(problem, decided);
  const options = indexOptions(problem);
  const explain = explainUnplanned(problem, decided);
  const bySignup = new Map<number, { choice: Choice; fixedBy: 'keptHold' | 'lockedPair' | null }>();
  for (const choice of problem.kept) bySignup.set(choice.signup, { choice, fixedBy: 'keptHold' });
  for (const choice of decided) {
    bySignup.set(choice.signup, {
      choice,
      fixedBy: problem.locked.has(choice.signup) ? 'lockedPair' : null,
    });
  }
  const leftOut = new Set(problem.leftOut);
  const outcomes = problem.signups.flatMap((signup, s): SignupOutcome[] => {
    if (leftOut.has(signup.id)) return [];
    const planned = bySignup.get(s);
    if (!planned) return [explain(s)];
    const { choice, fixedBy } = planned;
    const option = options.get(optionKey(s, choice.slotIndex));
    const unknown: TrainerRole[] = [];
    if (fixedBy !== 'keptHold') {
      if (option?.berenschot.find((c) => c.trainer === choice.berenschot)?.unknown) {
        unknown.push('berenschot');
      }
      if (option?.riec.find((c) => c.trainer === choice.riec)?.unknown) unknown.push('riec');
    }
    return [
      {
        signupId: signup.id,
        outcome: 'planned',
        slotIndex: choice.slotIndex,
        rank: choice.slotIndex + 1,
        slot: signup.preferences[choice.slotIndex]!,
        pair: {
          berenschotId: problem.trainers[choice.berenschot]!.trainer.id,
          riecId: problem.trainers[choice.riec]!.trainer.id,
        },
        unknown,
        fixedBy,
      },
    ];
  });
  const isEmpty = outcomes.length === 0;
  const status = isEmpty ? 'empty' : meta.status;
  return {
    solver: meta.solver,
    status,
    gap: meta.gap,
    plannedUpperBound: meta.plannedUpperBound,
    stages: meta.stages,
    outcomes,
    leftOut: problem.leftOut,
    metrics,
    loads: computeLoads(problem, decided),
    summary: isEmpty
      ? SUMMARY.empty(problem.leftOut.length)
      : SUMMARY.result(status, metrics.planned, outcomes.length, meta.gap),
    warnings: problem.warnings,
  };
}
