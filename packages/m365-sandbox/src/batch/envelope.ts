// Reads and checks a JSON batch body (concepts/json-batching.md). Anything malformed fails the
// whole batch with 400, as Graph does; what survives is a list of parts in execution order.
import { GraphError } from '../http/graph-error.js';

/** concepts/json-batching.md, "Batch size limitations". */
export const MAX_BATCH_REQUESTS = 20;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type BatchMethod = (typeof METHODS)[number];

export interface BatchPart {
  /** Position in the request's `requests` array. */
  readonly index: number;
  /** The id as the client sent it (echoed in the response). */
  readonly id: string;
  /** Ids are not case-sensitive (json-batching.md): this is the id in lower case. */
  readonly key: string;
  readonly method: BatchMethod;
  /** Relative to the version, without a leading slash: "users/x/events?$top=5". */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** undefined when the part has no body. */
  readonly body: unknown;
  /** Keys of the parts this one depends on. */
  readonly dependsOn: readonly string[];
}

const REQUEST_PROPERTIES = new Set(['id', 'method', 'url', 'headers', 'body', 'dependsOn']);

function malformed(detail: string): GraphError {
  return new GraphError(400, 'BadRequest', `Invalid batch payload format. ${detail}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readHeaders(id: string, value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (!isRecord(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw malformed(`The headers of request '${id}' must be an object of strings.`);
  }
  return value as Record<string, string>;
}

function readUrl(id: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw malformed(`Request '${id}' has no url.`);
  }
  if (/^[a-z][a-z\d+.-]*:/i.test(value) || value.startsWith('//')) {
    throw malformed(`The url of request '${id}' must be relative, like '/users': '${value}'.`);
  }
  const url = value.replace(/^\/+/, '');
  if (/^\$batch(?:[/?]|$)/i.test(url)) {
    throw malformed(`Request '${id}' is a nested $batch, which Graph does not support.`);
  }
  return url;
}

function readPart(raw: unknown, index: number): BatchPart {
  if (!isRecord(raw)) throw malformed(`Request #${index + 1} is not an object.`);
  const unknown = Object.keys(raw).find((name) => !REQUEST_PROPERTIES.has(name));
  if (typeof raw.id !== 'string' || raw.id === '') {
    throw malformed(`Request #${index + 1} has no id.`);
  }
  const id = raw.id;
  if (unknown) throw malformed(`Request '${id}' has an unknown property '${unknown}'.`);
  const method = typeof raw.method === 'string' ? raw.method.toUpperCase() : '';
  if (!(METHODS as readonly string[]).includes(method)) {
    throw malformed(`Request '${id}' has an unsupported method '${String(raw.method)}'.`);
  }
  const headers = readHeaders(id, raw.headers);
  const body = raw.body === null ? undefined : raw.body;
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    // json-batching.md: "When a body is included with the request, the headers object must
    // contain a value for Content-Type."
    throw malformed(`Request '${id}' has a body but no Content-Type header.`);
  }
  const dependsOn = raw.dependsOn ?? [];
  if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string')) {
    throw malformed(`The dependsOn of request '${id}' must be an array of ids.`);
  }
  return {
    index,
    id,
    key: id.toLowerCase(),
    method: method as BatchMethod,
    url: readUrl(id, raw.url),
    headers,
    body,
    dependsOn: (dependsOn as string[]).map((d) => d.toLowerCase()),
  };
}

/**
 * Graph accepts three dependency shapes only (concepts/known-issues.md, json-batching.md:
 * "Batch should be either fully sequential or fully parallel"; the SDK's BatchRequestContent
 * checks the same three): all parallel, one serial chain, or all depending on one request.
 * Returns the parts in the order they run; anything else fails the batch.
 */
function orderByDependencies(parts: readonly BatchPart[]): BatchPart[] {
  if (parts.every((part) => part.dependsOn.length === 0)) return [...parts];
  const shapeError = new GraphError(
    400,
    'BadRequest',
    'Batch should be either fully sequential or fully parallel.',
  );
  if (parts.some((part) => part.dependsOn.length > 1)) throw shapeError;
  const roots = parts.filter((part) => part.dependsOn.length === 0);
  const root = roots[0];
  if (roots.length !== 1 || !root) throw shapeError;
  const dependents = parts.filter((part) => part !== root);
  if (dependents.every((part) => part.dependsOn[0] === root.key)) return [root, ...dependents];
  // A serial chain: every part has exactly one dependent, except the last.
  const next = new Map<string, BatchPart>();
  for (const part of dependents) {
    const on = part.dependsOn[0] ?? '';
    if (next.has(on)) throw shapeError;
    next.set(on, part);
  }
  const chain: BatchPart[] = [root];
  for (let cur = next.get(root.key); cur; cur = next.get(cur.key)) {
    chain.push(cur);
    if (chain.length > parts.length) throw shapeError;
  }
  if (chain.length !== parts.length) throw shapeError;
  return chain;
}

/** Validates a batch body and returns its parts in execution order; throws 400 otherwise. */
export function parseBatchRequest(body: unknown): BatchPart[] {
  if (!isRecord(body) || !Array.isArray(body.requests)) {
    throw malformed("The body must be an object with a 'requests' array.");
  }
  const extra = Object.keys(body).find((name) => name !== 'requests');
  if (extra) throw malformed(`Unknown property '${extra}'.`);
  if (body.requests.length > MAX_BATCH_REQUESTS) {
    throw new GraphError(
      400,
      'BadRequest',
      `Number of batch requests exceeds the limit of ${MAX_BATCH_REQUESTS}.`,
    );
  }
  if (body.requests.length === 0) throw malformed('The batch contains no requests.');
  const parts = body.requests.map(readPart);
  const keys = new Set<string>();
  for (const part of parts) {
    if (keys.has(part.key)) {
      throw malformed(`The id '${part.id}' is used by more than one request (ids ignore case).`);
    }
    keys.add(part.key);
  }
  for (const part of parts) {
    if (part.dependsOn.includes(part.key)) {
      throw malformed(`Request '${part.id}' depends on itself.`);
    }
    const missing = part.dependsOn.find((key) => !keys.has(key));
    if (missing !== undefined) {
      throw malformed(`Request '${part.id}' depends on '${missing}', which is not in the batch.`);
    }
  }
  return orderByDependencies(parts);
}
