// How the server solves a plan. A solve is synchronous: HiGHS holds its thread until it ends or
// reaches the time limit (PLANNER_TIME_LIMIT_SECONDS, 10 s by default), and on the event loop
// every other request, /api/health included, would wait that long. So the solve runs in a worker
// thread (worker-pool.ts, as the slot extraction does); input and plan are plain data. One
// worker: plans are rare (an account holder or the coordinator now and then), and one core stays
// for the event loop. Its budget is the planner's own time limit plus room to load HiGHS (a
// 3.5 MB wasm) and to build the model on a busy machine; the planner stops itself at its limit,
// so the budget only catches a worker that hangs.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../app/errors.js';
import type { SolvePlan } from '../../../app/planner/solve.js';
import {
  DEFAULT_PLANNER_SETTINGS,
  type PlannerInput,
  type PlannerOutcome,
} from '../../../domain/planner/types.js';
import { WorkerPool, WorkerPoolBusy } from '../../http/worker-pool.js';

const MAX_WAITING = 4;
const LOAD_AND_BUILD_MS = 60_000;

// Beside this file, as .ts from source (tsx, jest) and as .js when compiled.
const workerUrl = new URL(
  `./_plan-solver-worker${extname(fileURLToPath(import.meta.url))}`,
  import.meta.url,
);

let pool: WorkerPool<PlannerInput, PlannerOutcome> | undefined;
let poolLimitSeconds = 0;

function solverPool(limitSeconds: number): WorkerPool<PlannerInput, PlannerOutcome> {
  if (!pool || poolLimitSeconds !== limitSeconds) {
    void pool?.close();
    poolLimitSeconds = limitSeconds;
    pool = new WorkerPool({
      url: workerUrl,
      size: 1,
      timeoutMs: limitSeconds * 1000 + LOAD_AND_BUILD_MS,
      // A worker that never finishes loading must not keep the plan request waiting for ever.
      startTimeoutMs: LOAD_AND_BUILD_MS,
      maxQueued: MAX_WAITING,
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
  }
  return pool;
}

const BUSY = {
  nl: 'Er worden nu al planningen gemaakt. Probeer het over een halve minuut opnieuw.',
  en: 'Plans are being made already. Try again in half a minute.',
};

/** Solves in the worker; a full queue answers RATE_LIMITED with a Dutch message. */
export const solveInWorker: SolvePlan = async (input) => {
  const limit = input.settings?.timeLimitSeconds ?? DEFAULT_PLANNER_SETTINGS.timeLimitSeconds;
  try {
    return await solverPool(limit).run(input);
  } catch (error) {
    if (error instanceof WorkerPoolBusy) {
      throw new AppError('RATE_LIMITED', {
        cause: error,
        logMessage: 'planner: the solver worker is busy and the queue is full',
        detail: BUSY,
        retryAfterSeconds: 30,
      });
    }
    throw error;
  }
};

/** Stops the worker (tests; a server process simply exits). */
export async function closePlanSolver(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}
