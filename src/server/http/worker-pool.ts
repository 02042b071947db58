// A small pool of worker threads for CPU-bound work that must not hold up the event loop: the
// slot extraction of a long mail takes hundreds of milliseconds even now that it is linear
// (issue 10, finding 4), and meanwhile every other request, /api/health included, would wait.
// Each task runs in a worker, at most `size` at a time, within a time budget: a task that runs
// out of it is rejected and its worker stopped and replaced, so no input can keep the server
// busy. Workers start when first needed and keep the process alive only while they work.
//
// The worker side is `serveWorkerTasks` below: the worker module calls it with its handler.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';

export interface WorkerPoolOptions {
  /** The worker module, which calls serveWorkerTasks. A .ts module is loaded through tsx. */
  readonly url: URL;
  readonly size: number;
  /** How long one task may run once a worker has taken it. */
  readonly timeoutMs: number;
  /**
   * How long a new worker may take to load and say it is ready. Without it, a worker that never
   * got ready (stuck loading its modules) left every task waiting for it without an answer: the
   * budget above starts only once a worker has taken a task. Unset: no limit.
   */
  readonly startTimeoutMs?: number;
  /** How many tasks may wait for a worker; more are refused with WorkerPoolBusy. */
  readonly maxQueued: number;
  /** Memory of each worker: a task that needs more fails alone, the server does not. */
  readonly resourceLimits?: ResourceLimits;
}

/** The task ran out of its time budget; its worker was stopped. */
export class WorkerTaskTimeout extends Error {
  override readonly name = 'WorkerTaskTimeout';
}

/** Too many tasks are waiting already; try again later. */
export class WorkerPoolBusy extends Error {
  override readonly name = 'WorkerPoolBusy';
}

/** The task threw, or its worker died (out of memory, a crash); `cause` says which. */
export class WorkerTaskFailed extends Error {
  override readonly name = 'WorkerTaskFailed';
}

type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly id: number; readonly output: unknown }
  | {
      readonly type: 'failed';
      readonly id: number;
      readonly name: string;
      readonly message: string;
    };

interface Task {
  readonly id: number;
  readonly input: unknown;
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface Running {
  readonly task: Task;
  readonly timer: NodeJS.Timeout;
}

interface Member {
  readonly worker: Worker;
  isReady: boolean;
  running?: Running | undefined;
}

/**
 * A worker thread running `url`. The server runs its TypeScript through tsx, but Node 20 applies
 * neither the parent's loader nor an `--import`ed one to a worker's entry module, so a .ts module
 * is started by a one-line script that registers tsx in the worker (tsx's `tsx/esm/api` export)
 * and then imports it; under jest too, whose own transform does not reach worker threads.
 */
function createWorker(url: URL, resourceLimits: ResourceLimits | undefined): Worker {
  const options = resourceLimits ? { resourceLimits } : {};
  if (!/\.[mc]?ts$/.test(url.pathname)) return new Worker(url, options);
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

export class WorkerPool<I, O> {
  readonly #options: WorkerPoolOptions;
  readonly #members = new Set<Member>();
  readonly #queue: Task[] = [];
  #nextId = 1;
  #isClosed = false;

  constructor(options: WorkerPoolOptions) {
    if (options.size < 1) throw new RangeError(`a worker pool needs a size of 1 or more`);
    this.#options = options;
  }

  /** Runs `input` through a worker; rejects with WorkerTaskTimeout, WorkerPoolBusy or WorkerTaskFailed. */
  run(input: I): Promise<O> {
    if (this.#isClosed) return Promise.reject(new WorkerTaskFailed('the worker pool is closed'));
    const isWorkerFree = [...this.#members].some((m) => m.isReady && !m.running);
    if (!isWorkerFree && this.#queue.length >= this.#options.maxQueued) {
      return Promise.reject(new WorkerPoolBusy(`${this.#queue.length} tasks are waiting`));
    }
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({
        id: this.#nextId++,
        input,
        resolve: resolve as (o: unknown) => void,
        reject,
      });
      this.#dispatch();
    });
  }

  /** Stops every worker; waiting tasks are rejected. */
  async close(): Promise<void> {
    this.#isClosed = true;
    for (const task of this.#queue.splice(0)) {
      task.reject(new WorkerTaskFailed('the worker pool was closed'));
    }
    const members = [...this.#members];
    for (const member of members)
      this.#remove(member, new WorkerTaskFailed('the worker pool was closed'));
    await Promise.all(members.map((m) => m.worker.terminate()));
  }

  #dispatch(): void {
    for (const member of this.#members) {
      const task = member.isReady && !member.running ? this.#queue.shift() : undefined;
      if (task) this.#assign(member, task);
    }
    const starting = [...this.#members].filter((m) => !m.isReady).length;
    let missing = Math.min(this.#queue.length - starting, this.#options.size - this.#members.size);
    for (; missing > 0; missing--) this.#start();
  }

  #assign(member: Member, task: Task): void {
    const timer = setTimeout(() => {
      this.#remove(member, new WorkerTaskTimeout(`no answer within ${this.#options.timeoutMs} ms`));
      void member.worker.terminate();
      this.#dispatch();
    }, this.#options.timeoutMs);
    member.running = { task, timer };
    // Keep the process alive while a task runs, not while the worker waits for one.
    member.worker.ref();
    member.worker.postMessage({ id: task.id, input: task.input });
  }

  #start(): void {
    const worker = createWorker(this.#options.url, this.#options.resourceLimits);
    worker.unref();
    const member: Member = { worker, isReady: false };
    this.#members.add(member);
    let failure: Error | undefined;
    const { startTimeoutMs } = this.#options;
    const startTimer =
      startTimeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            if (member.isReady || !this.#members.has(member)) return;
            // Not ready in time: the tasks waiting for it get an answer, and the worker goes.
            this.#members.delete(member);
            const error = new WorkerTaskTimeout(
              `the worker was not ready within ${startTimeoutMs} ms`,
            );
            for (const task of this.#queue.splice(0)) task.reject(error);
            void worker.terminate();
          }, startTimeoutMs);
    startTimer?.unref();
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') clearTimeout(startTimer);
      this.#receive(member, message);
    });
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      clearTimeout(startTimer);
      if (!this.#members.has(member)) return;
      const error = new WorkerTaskFailed(`the worker stopped (exit code ${code})`, {
        cause: failure,
      });
      // A worker that dies before it is ready would die again: refuse the waiting tasks.
      if (!member.isReady) for (const task of this.#queue.splice(0)) task.reject(error);
      this.#remove(member, error);
      this.#dispatch();
    });
  }

  #receive(member: Member, message: FromWorker): void {
    if (message.type === 'ready') {
      member.isReady = true;
      this.#dispatch();
      return;
    }
    const running = member.running;
    if (!running || running.task.id !== message.id) return;
    clearTimeout(running.timer);
    member.running = undefined;
    member.worker.unref();
    if (message.type === 'done') running.task.resolve(message.output);
    else {
      const error = new WorkerTaskFailed(message.message);
      error.cause = { name: message.name, message: message.message };
      running.task.reject(error);
    }
    this.#dispatch();
  }

  /** Takes a member out of the pool; its running task, if any, is rejected with `error`. */
  #remove(member: Member, error: Error): void {
    if (!this.#members.delete(member)) return;
    if (member.running) {
      clearTimeout(member.running.timer);
      member.running.task.reject(error);
      member.running = undefined;
    }
  }
}

/**
 * The worker side of a WorkerPool: answers every task with `handle`'s result (structured-clone
 * data only) and says when it is ready, so that the time budget does not count its start-up.
 */
export function serveWorkerTasks<I, O>(handle: (input: I) => O | Promise<O>): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorkerTasks runs in a worker thread, started by a WorkerPool');
  port.on('message', (message: { id: number; input: I }) => {
    void (async () => {
      try {
        const output = await handle(message.input);
        port.postMessage({ type: 'done', id: message.id, output } satisfies FromWorker);
      } catch (error) {
        const { name, message: text } =
          error instanceof Error ? error : { name: 'Error', message: String(error) };
        port.postMessage({
          type: 'failed',
          id: message.id,
          name,
          message: text,
        } satisfies FromWorker);
      }
    })();
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
