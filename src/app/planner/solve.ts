// How a use case has a plan solved. A solve is synchronous: HiGHS holds the calling thread until
// it ends or reaches its time limit. Tests, the benchmark and the CLI solve in their own thread;
// the server passes a solver that runs in a worker thread (src/server/routes/planning/
// _plan-solver.ts), so the event loop keeps answering meanwhile. Input and outcome are plain
// data, so both sides of a worker can carry them.
import { planWithSolver } from '../../domain/planner/milp.js';
import type { PlannerInput, PlannerOutcome } from '../../domain/planner/types.js';
import { createHighsSolver } from './highs.js';

export type SolvePlan = (input: PlannerInput) => Promise<PlannerOutcome>;

const highs = createHighsSolver();

/** The exact planner in this thread (HiGHS loads once per process, on the first solve). */
export const solveInThisThread: SolvePlan = (input) => planWithSolver(input, highs);
