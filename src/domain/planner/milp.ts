// The exact planner: a lexicographic sequence of MILP solves (docs/planner.md). Stage 1 finds
// the most sign-ups planned with the best ranks; each later stage keeps the optima before it and
// improves the next goal. The greedy plan is the first start, so a time limit never returns
// less than first come, first served. The solver sits behind MilpSolver: no wasm in the domain.
import { assemblePlan } from './assemble.js';
import { chooseGreedily } from './greedy.js';
import { PlannerModel, STAGES } from './model.js';
import type { StageFix } from './model.js';
import { buildProblem } from './problem.js';
import { rebalanceLoad } from './rebalance.js';
import type { Choice } from './problem.js';
import type { MilpSolver } from './solver.js';
import type { PlannerInput, PlannerOutcome, StageReport } from './types.js';

// Objectives are whole numbers: a bound less than 1 away proves the solution optimal.
const ABSOLUTE_GAP = 0.5;
// Below this there is no point in starting another solve.
const MIN_STAGE_SECONDS = 0.05;

export async function planWithSolver(
  input: PlannerInput,
  solver: MilpSolver,
): Promise<PlannerOutcome> {
  const built = buildProblem(input);
  if (!built.ok) return built;
  const { problem } = built;
  const model = new PlannerModel(problem);
  const budget = problem.settings.timeLimitSeconds;

  let choices: Choice[] = chooseGreedily(problem);
  let used = 0;
  let stopped = false;
  const fixes: StageFix[] = [];
  const stages: StageReport[] = [];
  let plannedUpperBound: number | null = null;

  for (const stage of STAGES) {
    if (model.isTrivial(stage)) {
      stages.push({
        stage,
        status: 'skipped',
        objective: null,
        bound: null,
        gap: null,
        seconds: 0,
      });
      continue;
    }
    // Even when there is no time left to solve for it, the load gets the cheap improvement.
    if (stage === 'load') choices = rebalanceLoad(problem, choices);
    const remaining = budget - used;
    if (stopped || remaining < MIN_STAGE_SECONDS) {
      stopped = true;
      stages.push({ stage, status: 'notRun', objective: null, bound: null, gap: null, seconds: 0 });
      continue;
    }
    const result = await solver.solve(model.lpFor(stage, fixes), {
      timeLimitSeconds: remaining,
      absoluteGap: ABSOLUTE_GAP,
      start: model.valuesOf(choices),
    });
    used += result.seconds;
    if (result.status === 'infeasible' || result.status === 'error') {
      // The start is feasible for every stage, so this is a bug or a broken solver.
      throw new Error(
        `MILP stage ${stage} ended ${result.status}${result.detail ? `: ${result.detail}` : ''}`,
      );
    }
    // Keep the start when the solver returned nothing better (none found in time, or it
    // dropped the start): the start already satisfies every earlier stage.
    if (result.values.size > 0) {
      const found = model.decode(result.values);
      if (model.isNoWorse(stage, found, choices)) choices = found;
    }
    const objective = model.objectiveOf(stage, choices);
    if (stage === 'plannedAndRanks') {
      plannedUpperBound =
        problem.kept.length +
        (result.status === 'optimal' || result.bound === null
          ? choices.length
          : Math.min(
              problem.decide.length,
              // The bound B ≥ W·P − Σ rank ≥ (W − R)·P for any plan with P planned.
              Math.floor(result.bound / (model.plannedWeight - model.maxRank) + 1e-9),
            ));
    }
    const isOptimal = result.status === 'optimal';
    stages.push({
      stage,
      status: isOptimal ? 'optimal' : 'timeLimit',
      objective,
      bound: result.bound,
      gap: isOptimal ? 0 : result.gap,
      seconds: result.seconds,
    });
    if (!isOptimal) {
      stopped = true;
      continue;
    }
    fixes.push({ stage, value: objective });
  }

  const firstOpen = stages.find((s) => s.status === 'timeLimit' || s.status === 'notRun');
  return {
    ok: true,
    plan: assemblePlan(problem, choices, {
      solver: 'highs',
      status: firstOpen ? 'timeLimit' : 'optimal',
      gap: firstOpen ? firstOpen.gap : 0,
      plannedUpperBound: plannedUpperBound ?? problem.kept.length,
      stages,
    }),
  };
}
