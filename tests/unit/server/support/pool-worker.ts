// A worker for worker-pool.test.ts: each task says what to do, so the test decides when a task
// ends (a shared flag), whether it ends at all, and how it fails.
import { serveWorkerTasks } from '../../../../src/server/http/worker-pool.js';

export type PoolTask =
  | { readonly kind: 'echo'; readonly value: string }
  | { readonly kind: 'wait'; readonly flag: SharedArrayBuffer }
  | { readonly kind: 'spin' }
  | { readonly kind: 'throw'; readonly message: string }
  | { readonly kind: 'exit' };

serveWorkerTasks((task: PoolTask): string => {
  switch (task.kind) {
    case 'echo':
      return task.value;
    case 'wait':
      // Blocks this thread (not the test's) until the test sets the flag.
      Atomics.wait(new Int32Array(task.flag), 0, 0);
      return 'released';
    case 'spin':
      for (;;) {
        // Never answers: only the time budget ends it.
      }
    case 'throw':
      throw new RangeError(task.message);
    case 'exit':
      process.exit(3);
  }
});
