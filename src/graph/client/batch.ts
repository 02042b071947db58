// JSON batching with the retries the SDK does not do inside a batch (PLATFORM.md §2): chunks of
// at most 20 requests; parts answered 429/503/504 are resubmitted — only those — after the longest
// Retry-After among them. A serial batch chains every part to the one before (dependsOn), so a
// failure stops the rest (424) and a retry resumes from the first failed part.
//
// A 429/503/504 for the whole envelope is another matter: whether its parts ran is unknown (a
// gateway timeout may come after all of them did). The SDK's RetryHandler would resend the whole
// batch, sign-up creation and sendMail included, so client.ts keeps it off /$batch and this file
// decides: an envelope of idempotent parts only is resent whole; otherwise only the idempotent
// parts are resent (in a chain: those before the first part that is not) and the others are
// answered `batchOutcomeUnknown`, never resent, for the caller's resume logic to settle.
import { GraphError as SdkGraphError, type Client } from '@microsoft/microsoft-graph-client';
import { toGraphFailure, type GraphRequestFailure } from './errors.js';

export const MAX_BATCH_SIZE = 20;
const RETRYABLE = new Set([429, 503, 504]);

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface BatchRequest {
  readonly id: string;
  readonly method: HttpMethod;
  /** Relative to the version root, e.g. `/users/{id}/events`. */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Whether sending it twice does no more than sending it once. Default: true for GET, PUT,
   * PATCH and DELETE, false for POST — set it on a POST that is safe to repeat (a create with a
   * transactionId or a unique key, an action whose repeat is recognised, a read such as
   * getSchedule). Parts that are not idempotent are never resent after an envelope failure.
   */
  readonly idempotent?: boolean;
}

/** Code of a part whose envelope failed and that was not resent: it may or may not have run. */
export const OUTCOME_UNKNOWN = 'batchOutcomeUnknown';

export interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface BatchOptions {
  /** Chain the parts: each runs only after the previous one succeeded. */
  readonly serial?: boolean;
  /** Attempts per part, the first included (default 5). */
  readonly maxAttempts?: number;
  /** Chunks in flight at once for a parallel batch (default 4, Outlook's per-mailbox limit). */
  readonly concurrency?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs the requests in as few round trips as Graph allows; answers by request id. */
export async function executeBatch(
  client: Client,
  requests: readonly BatchRequest[],
  options: BatchOptions = {},
): Promise<Map<string, BatchResponse>> {
  const results = new Map<string, BatchResponse>();
  const chunks: BatchRequest[][] = [];
  for (let i = 0; i < requests.length; i += MAX_BATCH_SIZE)
    chunks.push(requests.slice(i, i + MAX_BATCH_SIZE));

  if (options.serial) {
    for (const [index, chunk] of chunks.entries()) {
      const answered = await runChunk(client, chunk, options);
      for (const response of answered) results.set(response.id, response);
      if (answered.some((response) => response.status >= 400)) {
        // The chain is broken: later chunks must not run.
        for (const rest of chunks.slice(index + 1).flat()) {
          results.set(rest.id, { id: rest.id, status: 424, headers: {}, body: undefined });
        }
        break;
      }
    }
    return results;
  }

  const queue = [...chunks];
  const workers = Array.from(
    { length: Math.min(options.concurrency ?? 4, queue.length) },
    async () => {
      for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
        for (const response of await runChunk(client, chunk, options))
          results.set(response.id, response);
      }
    },
  );
  await Promise.all(workers);
  return results;
}

async function runChunk(
  client: Client,
  chunk: readonly BatchRequest[],
  options: BatchOptions,
): Promise<BatchResponse[]> {
  const maxAttempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  const final = new Map<string, BatchResponse>();
  let pending = [...chunk];
  for (let attempt = 1; pending.length > 0; attempt++) {
    const sent = await sendBatch(client, pending, options.serial ?? false);
    if (!sent.ok) {
      // The envelope failed: resend what is safe to resend, settle the rest as unknown.
      const { resend, unknown } = splitAfterEnvelopeFailure(pending, options.serial ?? false);
      for (const request of unknown) final.set(request.id, unknownOutcome(request, sent.failure));
      if (resend.length === 0 || attempt >= maxAttempts) {
        for (const request of resend) final.set(request.id, envelopeFailed(request, sent.failure));
        break;
      }
      await sleep(sent.retryAfterMs);
      pending = resend;
      continue;
    }
    const answers = sent.answers;
    const retry = pickRetries(pending, answers, options.serial ?? false);
    for (const answer of answers.values())
      if (!retry.some((r) => r.id === answer.id)) final.set(answer.id, answer);
    if (retry.length === 0 || attempt >= maxAttempts) {
      for (const request of retry) final.set(request.id, answers.get(request.id)!);
      break;
    }
    // Wait as long as the longest Retry-After of the throttled parts (424s carry none).
    const throttled = retry
      .map((request) => answers.get(request.id)!)
      .filter((a) => RETRYABLE.has(a.status));
    await sleep(longestRetryAfterMs(throttled));
    pending = retry;
  }
  return chunk.map((request) => final.get(request.id)!);
}

function isIdempotent(request: BatchRequest): boolean {
  return request.idempotent ?? request.method !== 'POST';
}

/**
 * After a failed envelope: every part again when all are idempotent; else the idempotent ones
 * (in a chain only those before the first that is not, since what follows depends on it).
 */
function splitAfterEnvelopeFailure(
  sent: readonly BatchRequest[],
  serial: boolean,
): { resend: BatchRequest[]; unknown: BatchRequest[] } {
  if (!serial) {
    return { resend: sent.filter(isIdempotent), unknown: sent.filter((r) => !isIdempotent(r)) };
  }
  const firstUnsafe = sent.findIndex((request) => !isIdempotent(request));
  if (firstUnsafe < 0) return { resend: [...sent], unknown: [] };
  return { resend: sent.slice(0, firstUnsafe), unknown: sent.slice(firstUnsafe) };
}

function unknownOutcome(request: BatchRequest, failure: GraphRequestFailure): BatchResponse {
  return {
    id: request.id,
    status: failure.status,
    headers: {},
    body: {
      error: {
        code: OUTCOME_UNKNOWN,
        message: `The batch failed as a whole (${failure.status} ${failure.code}); this request may or may not have run and was not sent again.`,
      },
    },
  };
}

function envelopeFailed(request: BatchRequest, failure: GraphRequestFailure): BatchResponse {
  return {
    id: request.id,
    status: failure.status,
    headers: {},
    body: { error: { code: failure.code, message: failure.message } },
  };
}

/** Parts to resubmit: throttled ones; in a serial chain, everything from the first throttled part. */
function pickRetries(
  sent: readonly BatchRequest[],
  answers: Map<string, BatchResponse>,
  serial: boolean,
): BatchRequest[] {
  if (!serial) return sent.filter((request) => RETRYABLE.has(answers.get(request.id)?.status ?? 0));
  const firstFailure = sent.findIndex((request) => (answers.get(request.id)?.status ?? 0) >= 400);
  if (firstFailure < 0) return [];
  const failed = answers.get(sent[firstFailure]!.id)!;
  return RETRYABLE.has(failed.status) ? sent.slice(firstFailure) : [];
}

function longestRetryAfterMs(responses: readonly BatchResponse[]): number {
  let longest = 0;
  for (const response of responses) {
    const header = Object.entries(response.headers).find(
      ([name]) => name.toLowerCase() === 'retry-after',
    )?.[1];
    longest = Math.max(longest, retryAfterMs(header));
  }
  return longest;
}

/** Retry-After in seconds or as a date; 1 s when absent; at most 180 s (the SDK's cap). */
function retryAfterMs(header: string | null | undefined): number {
  const seconds =
    header === undefined || header === null
      ? 1
      : Number.isNaN(Number(header))
        ? (Date.parse(header) - Date.now()) / 1000
        : Number(header);
  return Math.min(Math.max(seconds, 0), 180) * 1000;
}

type Sent =
  | { readonly ok: true; readonly answers: Map<string, BatchResponse> }
  | { readonly ok: false; readonly failure: GraphRequestFailure; readonly retryAfterMs: number };

async function sendBatch(
  client: Client,
  requests: readonly BatchRequest[],
  serial: boolean,
): Promise<Sent> {
  const body = {
    requests: requests.map((request, index) => ({
      id: request.id,
      method: request.method,
      url: request.url,
      ...(request.body !== undefined
        ? {
            body: request.body,
            headers: { 'Content-Type': 'application/json', ...request.headers },
          }
        : request.headers
          ? { headers: request.headers }
          : {}),
      ...(serial && index > 0 ? { dependsOn: [requests[index - 1]!.id] } : {}),
    })),
  };
  let answer: { responses?: BatchResponse[] };
  try {
    answer = (await client.api('/$batch').post(body)) as { responses?: BatchResponse[] };
  } catch (error) {
    const failure = toGraphFailure(error);
    if (!RETRYABLE.has(failure.status)) throw failure;
    const header = error instanceof SdkGraphError ? error.headers?.get('retry-after') : undefined;
    return { ok: false, failure, retryAfterMs: retryAfterMs(header) };
  }
  const byId = new Map<string, BatchResponse>();
  for (const response of answer.responses ?? []) {
    byId.set(response.id, {
      id: response.id,
      status: response.status,
      headers: response.headers ?? {},
      body: response.body,
    });
  }
  for (const request of requests) {
    if (!byId.has(request.id))
      byId.set(request.id, { id: request.id, status: 503, headers: {}, body: undefined });
  }
  return { ok: true, answers: byId };
}
