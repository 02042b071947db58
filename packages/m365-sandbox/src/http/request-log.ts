// A log of every request the sandbox answered, so tests and benchmarks can count round trips
// (GET /_sandbox/requests). A $batch is one round trip; its parts are logged with `batchSeq`.
export type RequestKind = 'graph' | 'identity' | 'control' | 'inspector' | 'other';

export interface RequestLogEntry {
  readonly seq: number;
  readonly at: string;
  /** When the request arrived and was answered (ms since the epoch, sub-ms precision). */
  readonly startedAtMs: number;
  readonly endedAtMs: number;
  readonly kind: RequestKind;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  /** Sequence number of the enclosing $batch request, for requests inside a batch. */
  readonly batchSeq: number | null;
  /** Client id of the calling application, when the request carried a token. */
  readonly appId: string | null;
  /** The mailbox (user id or UPN from the path) the request addressed. */
  readonly mailbox: string | null;
  /** Graph error code, for failed requests. */
  readonly errorCode: string | null;
}

const MAX_ENTRIES = 20_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextSeq = 1;

  reserveSeq(): number {
    return this.nextSeq++;
  }

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES)
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  since(seq: number): readonly RequestLogEntry[] {
    return this.entries.filter((entry) => entry.seq > seq);
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  clear(): void {
    this.entries = [];
  }
}

/** Round trips = Graph requests that crossed the wire (parts of a batch do not count). */
export function countRoundTrips(entries: readonly RequestLogEntry[]): number {
  return entries.filter((entry) => entry.kind === 'graph' && entry.batchSeq === null).length;
}

/**
 * Sequential round trips: the length of the critical path when requests that were in flight
 * at the same time count once (DESIGN.md counts "sequential HTTP requests to Graph").
 */
export function countSequentialRoundTrips(entries: readonly RequestLogEntry[]): number {
  const requests = entries
    .filter((entry) => entry.kind === 'graph' && entry.batchSeq === null)
    .sort((a, b) => a.startedAtMs - b.startedAtMs);
  let steps = 0;
  let groupEnd = -Infinity;
  for (const request of requests) {
    if (request.startedAtMs >= groupEnd) {
      steps++;
      groupEnd = request.endedAtMs;
    } else {
      groupEnd = Math.max(groupEnd, request.endedAtMs);
    }
  }
  return steps;
}
