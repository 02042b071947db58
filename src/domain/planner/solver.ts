// The one thing the planner needs from a MILP solver, owned by the domain so that it never loads
// the solver itself (the HiGHS adapter lives in src/app/planner/highs.ts; tests may pass others).

export interface MilpSolveOptions {
  /** Wall-clock seconds for this solve; after it the best solution found is returned. */
  readonly timeLimitSeconds: number;
  /**
   * Stop once the best solution is at most this far (absolute) from the bound. The planner's
   * objectives are whole numbers, so any value below 1 still proves optimality.
   */
  readonly absoluteGap: number;
  /** A feasible solution to start from (values by variable name; missing names are 0). */
  readonly start?: ReadonlyMap<string, number>;
}

/**
 * - `optimal`: proven optimal (within `absoluteGap`);
 * - `timeLimit`: stopped by the time limit; `values` holds the best solution if one was found;
 * - `infeasible`: no solution exists;
 * - `error`: anything else (the model could not be read, the solver failed).
 */
export type MilpStatus = 'optimal' | 'timeLimit' | 'infeasible' | 'error';

export interface MilpResult {
  readonly status: MilpStatus;
  /** The objective of the returned solution; null without one. */
  readonly objective: number | null;
  /** The best bound the solver proved on the objective; null when unknown. */
  readonly bound: number | null;
  /** Relative gap |objective − bound| / |objective| as the solver reports it; null when unknown. */
  readonly gap: number | null;
  /** Variable values by name; empty without a solution. */
  readonly values: ReadonlyMap<string, number>;
  /** Wall-clock seconds the solve took. */
  readonly seconds: number;
  /** The solver's own words for `error`. */
  readonly detail?: string;
}

export interface MilpSolver {
  /** Solves a model in CPLEX LP format (the format HiGHS, CPLEX, Gurobi and CBC read). */
  solve(lpText: string, options: MilpSolveOptions): Promise<MilpResult>;
}
