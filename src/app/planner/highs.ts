// The MILP solver behind the domain's MilpSolver: HiGHS (npm `highs`, MIT, HiGHS compiled to
// WebAssembly). Loading reads highs.wasm from node_modules, which is why this adapter lives in
// src/app and not in the pure domain. The wasm is loaded once per process, on the first solve.
// A solve runs synchronously on the calling thread until it ends or reaches its time limit.
import highsModule from 'highs';
import type { Highs } from 'highs';
import type { MilpResult, MilpSolveOptions, MilpSolver } from '../../domain/planner/solver.js';

// The package's types describe its CommonJS build (the loader is `module.exports.default`), while
// Node's ESM loader picks build/highs.mjs, whose default export is the loader itself.
const loadHighs: (typeof highsModule)['default'] =
  typeof highsModule === 'function' ? highsModule : highsModule.default;

let runtime: Promise<Highs> | undefined;

function highsRuntime(): Promise<Highs> {
  const loading =
    runtime ??
    loadHighs().catch((error: unknown) => {
      runtime = undefined; // let a later solve try again
      throw error;
    });
  runtime = loading;
  return loading;
}

function finiteOrNull(value: number | bigint): number | null {
  const number = Number(value);
  return Number.isFinite(number) && Math.abs(number) < 1e30 ? number : null;
}

export function createHighsSolver(): MilpSolver {
  return {
    async solve(lpText: string, options: MilpSolveOptions): Promise<MilpResult> {
      const highs = await highsRuntime();
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      return highs.withModel({ format: 'lp', data: lpText }, (model): MilpResult => {
        model.options.set({
          output_flag: false,
          time_limit: Math.max(options.timeLimitSeconds, 0.01),
          // Exact: only the absolute gap may end the search (the planner's objectives are whole
          // numbers, so an absolute gap below 1 proves optimality); the default 0.01% relative
          // gap would stop early on large weighted objectives.
          mip_rel_gap: 0,
          mip_abs_gap: options.absoluteGap,
          // Feasibility jump looks for a first solution; the planner always passes one (the
          // greedy plan or the previous stage's optimum), and on small models the heuristic
          // costs more than the whole solve.
          mip_heuristic_run_feasibility_jump: false,
          // The planner's formulation is tight (its LP relaxation is integral at the root on the
          // benchmark instances); presolve then only costs time: off halves the solve time of
          // the 342-municipality stages (bench/planner.ts, docs/planner.md).
          presolve: 'off',
        });
        const columns = model.getDimensions().numCols;
        const names = Array.from({ length: columns }, (_, i) => model.getColName(i));
        if (options.start) {
          const start = options.start;
          model.setSolution({ colValue: Float64Array.from(names, (name) => start.get(name) ?? 0) });
        }
        model.run();
        const status = model.getModelStatus();
        const codes = highs.constants.modelStatus;
        const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
        const values = new Map<string, number>();
        if (hasSolution) {
          const { colValue } = model.getSolution();
          // `+ 0` turns HiGHS's −0 into 0.
          names.forEach((name, i) => values.set(name, colValue[i]! + 0));
        }
        const objective = hasSolution ? model.getObjectiveValue() : null;
        const common = {
          objective,
          bound: finiteOrNull(model.info.get('mip_dual_bound')),
          gap: hasSolution ? finiteOrNull(model.info.get('mip_gap')) : null,
          values,
          seconds: seconds(),
        };
        if (status === codes.optimal) return { status: 'optimal', ...common };
        if (status === codes.timeLimit || status === codes.interrupted) {
          return { status: 'timeLimit', ...common };
        }
        if (status === codes.infeasible) return { status: 'infeasible', ...common };
        return { status: 'error', ...common, detail: `HiGHS model status ${status}` };
      });
    },
  };
}
