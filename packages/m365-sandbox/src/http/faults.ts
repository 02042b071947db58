// Fault injection, switchable by setting and at run time (PUT /_sandbox/faults): a share of
// Graph requests answered 429 or 503 with Retry-After, added latency per HTTP request, and
// Outlook's limit of concurrent requests per app and mailbox (4, concepts/throttling-limits.md);
// and faults of a $batch envelope as a whole, armed one by one (POST /_sandbox/faults/batch).
import type { FaultSettings } from '../config.js';
import { GraphError } from './graph-error.js';

/** mulberry32: a tiny seeded PRNG, so a run with the same seed injects the same faults. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A fault of the $batch envelope itself, armed for the next batches (POST /_sandbox/faults/batch):
 * Graph answers a whole batch 429/503/504 now and then, and a gateway timeout can come after
 * its parts ran — the case where resending the whole batch does things twice.
 */
export interface BatchFault {
  readonly status: 429 | 503 | 504;
  /** Run the parts first, then answer the fault (their outcome is lost to the client). */
  readonly afterParts: boolean;
  /** How many batches get it. */
  readonly count: number;
  /** Only batches with a part whose url contains this (e.g. "sendMail"). */
  readonly partUrlContains?: string;
}

export class FaultInjector {
  private settings: FaultSettings;
  private batchFaults: BatchFault[] = [];
  private random: () => number;
  private readonly inFlight = new Map<string, number>();
  injected = { throttled: 0, unavailable: 0, concurrency: 0, batch: 0 };

  constructor(settings: FaultSettings) {
    this.settings = { ...settings };
    this.random = mulberry32(settings.seed);
  }

  get current(): FaultSettings {
    return { ...this.settings };
  }

  update(patch: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...patch };
    if (patch.seed !== undefined) this.random = mulberry32(patch.seed);
    return this.current;
  }

  /** Arms a fault for the next `count` batches that match. */
  armBatchFault(fault: BatchFault): void {
    this.batchFaults.push(fault);
  }

  /** The fault this batch (urls of its parts) gets, if one is armed for it; counts it down. */
  takeBatchFault(partUrls: readonly string[]): BatchFault | undefined {
    const index = this.batchFaults.findIndex(
      (fault) =>
        fault.partUrlContains === undefined ||
        partUrls.some((url) => url.includes(fault.partUrlContains!)),
    );
    const fault = this.batchFaults[index];
    if (!fault) return undefined;
    if (fault.count <= 1) this.batchFaults.splice(index, 1);
    else this.batchFaults[index] = { ...fault, count: fault.count - 1 };
    this.injected.batch++;
    return fault;
  }

  /** The error a faulted batch envelope answers. */
  batchFaultError(fault: BatchFault): GraphError {
    const retryAfter = { 'Retry-After': String(this.settings.retryAfterSeconds) };
    if (fault.status === 429) {
      return new GraphError(
        429,
        'TooManyRequests',
        'Too many requests. Please retry after the time given in the Retry-After header.',
        retryAfter,
      );
    }
    if (fault.status === 504) {
      return new GraphError(504, 'GatewayTimeout', 'The gateway timed out.', retryAfter);
    }
    return new GraphError(
      503,
      'ServiceNotAvailable',
      'Service unavailable. Please retry.',
      retryAfter,
    );
  }

  /** The added latency of a request, or the server time of a $batch part (`isBatchPart`). */
  async delay(isBatchPart = false): Promise<void> {
    const ms = isBatchPart ? this.settings.partLatencyMs : this.settings.latencyMs;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Throws the injected 429/503 for this request, if the dice say so. */
  rollDice(): void {
    const { rate429, rate503, retryAfterSeconds } = this.settings;
    if (rate429 === 0 && rate503 === 0) return;
    const roll = this.random();
    const retryAfter = { 'Retry-After': String(retryAfterSeconds) };
    if (roll < rate429) {
      this.injected.throttled++;
      throw new GraphError(
        429,
        'TooManyRequests',
        'Too many requests. Please retry after the time given in the Retry-After header.',
        retryAfter,
      );
    }
    if (roll < rate429 + rate503) {
      this.injected.unavailable++;
      throw new GraphError(
        503,
        'ServiceNotAvailable',
        'Service unavailable. Please retry.',
        retryAfter,
      );
    }
  }

  /**
   * Takes a concurrency slot for (app, mailbox); returns the release function, or throws 429 as
   * Outlook does when an app has too many requests in flight against one mailbox.
   */
  enter(appId: string, mailbox: string): () => void {
    const key = `${appId}|${mailbox.toLowerCase()}`;
    const count = this.inFlight.get(key) ?? 0;
    const limit = this.settings.mailboxConcurrency;
    if (limit > 0 && count >= limit) {
      this.injected.concurrency++;
      throw new GraphError(
        429,
        'ApplicationThrottled',
        'Application is over its MailboxConcurrency limit.',
        { 'Retry-After': String(Math.max(1, this.settings.retryAfterSeconds)) },
      );
    }
    this.inFlight.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, left);
    };
  }
}
