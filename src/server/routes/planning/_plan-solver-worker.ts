// The worker thread of POST /api/planning/plan (see _plan-solver.ts): HiGHS away from the
// server's event loop. HiGHS loads once per worker, on its first plan.
import { solveInThisThread } from '../../../app/planner/solve.js';
import type { PlannerInput } from '../../../domain/planner/types.js';
import { serveWorkerTasks } from '../../http/worker-pool.js';

serveWorkerTasks((input: PlannerInput) => solveInThisThread(input));
