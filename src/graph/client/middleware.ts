// Cross-cutting concerns of every Graph request, composed once as SDK middleware (STYLE.md):
// correlation id, request counting and a per-attempt timeout. Token and retry come from the
// SDK's own AuthenticationHandler and RetryHandler (Retry-After honoured, 429/503/504).
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { randomUUID } from 'node:crypto';

function setHeader(context: Context, name: string, value: string): void {
  if (context.request instanceof Request) {
    context.request.headers.set(name, value);
    return;
  }
  context.options ??= {};
  const headers = new Headers(context.options.headers as HeadersInit | undefined);
  headers.set(name, value);
  context.options.headers = Object.fromEntries(headers.entries());
}

abstract class ChainedMiddleware implements Middleware {
  protected next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  protected async forward(context: Context): Promise<void> {
    if (!this.next) throw new Error('Graph middleware chain ends without an HTTP handler');
    await this.next.execute(context);
  }

  abstract execute(context: Context): Promise<void>;
}

/**
 * Sends `client-request-id` so a request can be found in Graph's (and the sandbox's) logs; all
 * attempts of one logical request share it.
 */
export class CorrelationIdMiddleware extends ChainedMiddleware {
  constructor(private readonly correlationId: () => string = randomUUID) {
    super();
  }

  async execute(context: Context): Promise<void> {
    setHeader(context, 'client-request-id', this.correlationId());
    await this.forward(context);
  }
}

/**
 * Counts HTTP requests that reach the wire (every retry attempt too) and when each was in
 * flight, so round trips can be measured as DESIGN.md counts them: sequential requests on the
 * critical path, where requests in flight at the same time count once.
 */
export class RequestCounter {
  total = 0;
  byStatus = new Map<number, number>();
  /** Per request, the number of the sequential step it belonged to. */
  private readonly steps: number[] = [];
  private inFlight = 0;
  private step = 0;

  /** A mark to measure from: `sequentialSince(mark)`. */
  mark(): number {
    return this.steps.length;
  }

  /** Called when a request goes out; the returned function when its answer is in. */
  start(): () => void {
    // A request that starts while another is in flight runs in parallel with it: same step.
    if (this.inFlight === 0) this.step++;
    this.inFlight++;
    this.steps.push(this.step);
    return () => {
      this.inFlight--;
    };
  }

  record(status: number): void {
    this.total++;
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
  }

  /** Sequential round trips since `mark`. */
  sequentialSince(mark: number): number {
    return new Set(this.steps.slice(mark)).size;
  }

  reset(): void {
    this.total = 0;
    this.byStatus.clear();
    this.steps.length = 0;
  }
}

export class CountingMiddleware extends ChainedMiddleware {
  constructor(private readonly counter: RequestCounter) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const done = this.counter.start();
    try {
      await this.forward(context);
    } finally {
      done();
      this.counter.record(context.response?.status ?? 0);
    }
  }
}

/** Aborts one attempt after `timeoutMs`; the retry handler above may try again. */
export class TimeoutMiddleware extends ChainedMiddleware {
  constructor(private readonly timeoutMs: number) {
    super();
  }

  async execute(context: Context): Promise<void> {
    context.options ??= {};
    const signal = AbortSignal.timeout(this.timeoutMs);
    const existing = context.options.signal;
    context.options.signal = existing ? AbortSignal.any([existing, signal]) : signal;
    await this.forward(context);
  }
}
