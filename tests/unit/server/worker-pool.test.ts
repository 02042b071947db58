// The worker pool that keeps long slot extractions off the event loop (issue 10, finding 4):
// while a task occupies a worker, the server's own thread keeps answering; a task that runs out
// of its budget, throws or kills its worker fails alone and the pool goes on. Nothing here
// times anything: a task ends when the test releases it (a shared flag), and the budget test
// only needs a task that never ends.
import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  WorkerPool,
  WorkerPoolBusy,
  WorkerTaskFailed,
  WorkerTaskTimeout,
  type WorkerPoolOptions,
} from '../../../src/server/http/worker-pool.js';
import type { PoolTask } from './support/pool-worker.js';

// Starting a worker loads TypeScript through tsx: seconds on a busy machine with two cores.
const SLOW = 90_000;
const pools: WorkerPool<PoolTask, string>[] = [];

function pool(options: Partial<WorkerPoolOptions> = {}): WorkerPool<PoolTask, string> {
  const created = new WorkerPool<PoolTask, string>({
    url: new URL('./support/pool-worker.ts', import.meta.url),
    size: 1,
    timeoutMs: 60_000,
    maxQueued: 8,
    ...options,
  });
  pools.push(created);
  return created;
}

function flag(): { buffer: SharedArrayBuffer; release: () => void } {
  const buffer = new SharedArrayBuffer(4);
  return {
    buffer,
    release: () => {
      Atomics.store(new Int32Array(buffer), 0, 1);
      Atomics.notify(new Int32Array(buffer), 0);
    },
  };
}

/** Whether a promise has settled, without waiting for it. */
function track<T>(promise: Promise<T>): { readonly isSettled: () => boolean } {
  let isSettled = false;
  promise.then(
    () => (isSettled = true),
    () => (isSettled = true),
  );
  return { isSettled: () => isSettled };
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('a worker pool', () => {
  it(
    'answers HTTP requests on this thread while its worker is busy with a task',
    async () => {
      const tasks = pool();
      expect(await tasks.run({ kind: 'echo', value: 'ready' })).toBe('ready');
      const { buffer, release } = flag();
      const running = tasks.run({ kind: 'wait', flag: buffer });
      const progress = track(running);

      const server = createServer((_request, response) => response.end('ok'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const answer = await fetch(`http://127.0.0.1:${port}/health`);
        expect(await answer.text()).toBe('ok');
        // The request was answered while the task was still running: the thread was free.
        expect(progress.isSettled()).toBe(false);
      } finally {
        server.close();
      }
      release();
      expect(await running).toBe('released');
    },
    SLOW,
  );

  it(
    'stops a task that runs out of its time budget, and the next task gets a new worker',
    async () => {
      const tasks = pool({ timeoutMs: 500 });
      expect(await tasks.run({ kind: 'echo', value: 'ready' })).toBe('ready');
      await expect(tasks.run({ kind: 'spin' })).rejects.toBeInstanceOf(WorkerTaskTimeout);
      expect(await tasks.run({ kind: 'echo', value: 'again' })).toBe('again');
    },
    SLOW,
  );

  it(
    'answers the waiting tasks when a new worker is not ready within its start budget',
    async () => {
      const tasks = pool({
        url: new URL('./support/never-ready-worker.ts', import.meta.url),
        startTimeoutMs: 1_000,
      });
      await expect(tasks.run({ kind: 'echo', value: 'never' })).rejects.toBeInstanceOf(
        WorkerTaskTimeout,
      );
    },
    SLOW,
  );

  it(
    'reports a task that throws or kills its worker, and goes on',
    async () => {
      const tasks = pool();
      const thrown = tasks.run({ kind: 'throw', message: 'kapot' });
      await expect(thrown).rejects.toBeInstanceOf(WorkerTaskFailed);
      await expect(thrown).rejects.toThrow('kapot');
      await expect(tasks.run({ kind: 'exit' })).rejects.toThrow(/exit code 3/);
      expect(await tasks.run({ kind: 'echo', value: 'still here' })).toBe('still here');
    },
    SLOW,
  );

  it(
    'lets tasks wait their turn up to its limit and refuses more',
    async () => {
      const tasks = pool({ maxQueued: 1 });
      expect(await tasks.run({ kind: 'echo', value: 'ready' })).toBe('ready');
      const { buffer, release } = flag();
      const running = tasks.run({ kind: 'wait', flag: buffer });
      const waiting = tasks.run({ kind: 'echo', value: 'after' });
      await expect(tasks.run({ kind: 'echo', value: 'one too many' })).rejects.toBeInstanceOf(
        WorkerPoolBusy,
      );
      release();
      expect(await running).toBe('released');
      expect(await waiting).toBe('after');
    },
    SLOW,
  );

  it(
    'runs tasks side by side on as many workers as its size',
    async () => {
      const tasks = pool({ size: 2 });
      const first = flag();
      const second = flag();
      const both = [
        tasks.run({ kind: 'wait', flag: first.buffer }),
        tasks.run({ kind: 'wait', flag: second.buffer }),
      ];
      // The second ends while the first still holds its worker: with one worker it would wait.
      second.release();
      expect(await both[1]).toBe('released');
      first.release();
      expect(await both[0]).toBe('released');
    },
    SLOW,
  );

  it(
    'refuses the running and the waiting tasks when it is closed',
    async () => {
      const tasks = pool();
      expect(await tasks.run({ kind: 'echo', value: 'ready' })).toBe('ready');
      const { buffer, release } = flag();
      const running = tasks.run({ kind: 'wait', flag: buffer });
      const waiting = tasks.run({ kind: 'echo', value: 'never' });
      const refused = [
        expect(running).rejects.toBeInstanceOf(WorkerTaskFailed),
        expect(waiting).rejects.toBeInstanceOf(WorkerTaskFailed),
      ];
      await tasks.close();
      release();
      await Promise.all(refused);
      await expect(tasks.run({ kind: 'echo', value: 'closed' })).rejects.toThrow(/closed/);
    },
    SLOW,
  );
});
