// Runs the parts of a batch through the sandbox's own Graph routes (see dispatch.ts), so each
// part is authenticated, throttled, fault-injected and logged exactly like a request of its own.
import { randomUUID } from 'node:crypto';
import type { PartDispatcher } from './dispatch.js';
import type { BatchPart } from './envelope.js';

export interface PartResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface EnvelopeContext {
  /** The batch's Authorization header: every part runs with the caller's token. */
  readonly authorization: string | undefined;
  /** ctx.batchPartHeaders(batchSeq): marks the injected request as a part of this batch. */
  readonly batchHeaders: Readonly<Record<string, string>>;
}

/**
 * Part response headers worth passing on, with the casing Graph uses. The casing matters: the
 * JS SDK's BatchResponseContent reads `headers["Content-Type"]` literally to decide whether
 * to re-serialise a JSON body (lib/src/content/BatchResponseContent.js).
 */
const RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'Content-Type',
  'retry-after': 'Retry-After',
  location: 'Location',
  etag: 'ETag',
  'odata-version': 'OData-Version',
  'preference-applied': 'Preference-Applied',
  'cache-control': 'Cache-Control',
};

/** Headers a part may not set itself: the envelope's identity and transport win. */
const ENVELOPE_OWNED = new Set([
  'authorization',
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
]);

function errorBody(code: string, message: string) {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'request-id': randomUUID(),
      },
    },
  };
}

function failed(part: BatchPart, status: number, code: string, message: string): PartResponse {
  return {
    id: part.id,
    status,
    headers: { 'Content-Type': 'application/json' },
    body: errorBody(code, message),
  };
}

function partHeaders(part: BatchPart, envelope: EnvelopeContext): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.headers)) {
    const lower = name.toLowerCase();
    // Without a body a Content-Type means nothing to Graph, but Fastify would try to parse
    // the empty body as JSON and fail the part.
    if (lower === 'content-type' && part.body === undefined) continue;
    if (!ENVELOPE_OWNED.has(lower)) headers[lower] = value;
  }
  if (envelope.authorization) headers.authorization = envelope.authorization;
  return { ...headers, ...envelope.batchHeaders };
}

function payloadOf(part: BatchPart): string | undefined {
  if (part.body === undefined) return undefined;
  // Non-JSON bodies come as strings (Graph: base64 for binary); the sandbox's routes take JSON.
  return typeof part.body === 'string' ? part.body : JSON.stringify(part.body);
}

async function runPart(
  dispatch: PartDispatcher,
  part: BatchPart,
  envelope: EnvelopeContext,
): Promise<PartResponse> {
  // The JS SDK 3.0.7 strips only scheme and host from absolute URLs, leaving "/v1.0/…" in the
  // part; Graph then answers that part (not the batch) 400 for the segment 'v1.0'
  // (msgraph-sdk-javascript#1178). Reproduced so the gateway cannot rely on it working here.
  const version = /^(v1\.0|beta)(?:[/?]|$)/i.exec(part.url)?.[1];
  if (version) {
    return failed(part, 400, 'BadRequest', `Resource not found for the segment '${version}'.`);
  }
  const response = await dispatch({
    method: part.method,
    path: `/v1.0/${part.url}`,
    headers: partHeaders(part, envelope),
    payload: payloadOf(part),
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    const canonical = RESPONSE_HEADERS[name.toLowerCase()];
    if (canonical && value !== undefined) headers[canonical] = String(value);
  }
  const text = response.body;
  const isJson = /\bjson\b/i.test(headers['Content-Type'] ?? '');
  let body: unknown = null;
  if (text !== '') {
    try {
      body = isJson ? JSON.parse(text) : text;
    } catch (error) {
      // A route that says JSON but sends something else is a sandbox bug: pass the text on and
      // say so in the body rather than failing the whole batch.
      body = { unparsedBody: text, parseError: String(error) };
    }
  }
  return { id: part.id, status: response.statusCode, headers, body };
}

/**
 * Runs the parts as Graph does: independent parts at the same time, a part with `dependsOn`
 * once the part it depends on has answered (parseBatchRequest put dependencies first). Parts
 * run through the ordinary routes, so parts to one mailbox meet Outlook's limit of 4 concurrent
 * requests per app and mailbox inside a batch too (concepts/throttling-limits.md) and are
 * answered 429 with their own Retry-After — which a client must resubmit. A part whose
 * dependency failed (status ≥ 400, including 424) gets 424 without running.
 */
export async function executeParts(
  dispatch: PartDispatcher,
  parts: readonly BatchPart[],
  envelope: EnvelopeContext,
): Promise<PartResponse[]> {
  const running = new Map<string, Promise<PartResponse>>();
  for (const part of parts) {
    const dependencies = part.dependsOn.map((key) => running.get(key));
    running.set(
      part.key,
      Promise.all(dependencies).then((done) => {
        const failedDependency = done.find((dependency) => (dependency?.status ?? 0) >= 400);
        return failedDependency
          ? failed(
              part,
              424,
              'FailedDependency',
              `The request was not run because request '${failedDependency.id}' it depends on failed.`,
            )
          : runPart(dispatch, part, envelope);
      }),
    );
  }
  return Promise.all(parts.map((part) => running.get(part.key)!));
}
