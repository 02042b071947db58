// A failed Graph request, keeping what support needs to find it: HTTP status, Graph's error
// code and the request-id (STYLE.md: Graph failures keep status, code and request-id).
import { GraphError as SdkGraphError } from '@microsoft/microsoft-graph-client';

export class GraphRequestFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `Graph ${status} ${code}: ${message}${requestId ? ` (request-id ${requestId})` : ''}`,
      options,
    );
    this.name = 'GraphRequestFailure';
  }

  get isThrottled(): boolean {
    return this.status === 429 || this.status === 503 || this.status === 504;
  }
}

interface GraphErrorBody {
  error?: { code?: string; message?: string; innerError?: Record<string, string> };
}

/** From a batch part or a raw response body. */
export function failureFromBody(
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): GraphRequestFailure {
  const error = (body as GraphErrorBody | undefined)?.error;
  return new GraphRequestFailure(
    status,
    error?.code ?? `http${status}`,
    error?.message ?? 'request failed',
    error?.innerError?.['request-id'] ?? headers?.['request-id'],
  );
}

/** From whatever the SDK threw. */
export function toGraphFailure(error: unknown): GraphRequestFailure {
  if (error instanceof GraphRequestFailure) return error;
  if (error instanceof SdkGraphError) {
    // The SDK reports an attempt that got no answer at all — our TimeoutMiddleware's abort
    // (code TimeoutError), a reset connection — as statusCode -1. That is a network failure
    // (status 0: transient, the API answers 503 with Retry-After), not a Graph answer: as -1 it
    // made the API answer 500 when the whole list at 3,420 sign-ups took longer than the
    // per-attempt timeout under 10 connections (issue 16, item 4; bench/api.ts). When the
    // timeout strikes while the body of a 200 is being read, the SDK keeps that 200: no answer
    // either (the bench saw "Graph 200 TimeoutError" answered 500).
    const noAnswer = error.statusCode <= 0 || (error.statusCode >= 200 && error.statusCode < 300);
    const status = noAnswer ? 0 : error.statusCode;
    return new GraphRequestFailure(
      status,
      error.code ?? (status === 0 ? 'networkError' : `http${status}`),
      error.message,
      error.requestId ?? undefined,
      {
        cause: error,
      },
    );
  }
  return new GraphRequestFailure(
    0,
    'networkError',
    (error as Error)?.message ?? String(error),
    undefined,
    { cause: error },
  );
}
