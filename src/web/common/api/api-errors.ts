// What can go wrong with a call to the API, as the UI tells the user about it: a problem the
// server answered (RFC 9457, with its Dutch or English title and detail, and a message per field)
// or no answer at all (the connection dropped, the server was unreachable).
import type { TFieldMessage } from './api-types.js';

/** The problem+json body (src/server/errors/problem.ts). */
export interface ProblemBody {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly correlationId?: string;
  readonly errors?: readonly TFieldMessage[];
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly correlationId: string | undefined;
  readonly fieldErrors: readonly TFieldMessage[];
  /** Seconds, from Retry-After (429, 503). */
  readonly retryAfterSeconds: number | undefined;

  constructor(body: ProblemBody, retryAfterSeconds?: number) {
    super(`${body.status} ${body.code}: ${body.title}`);
    this.name = 'ApiProblem';
    this.status = body.status;
    this.code = body.code;
    this.title = body.title;
    this.detail = body.detail;
    this.correlationId = body.correlationId;
    this.fieldErrors = body.errors ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * The request left, but no answer came back (or none could be read). For a command the server
 * may or may not have done it: the UI says so and offers to send it again — the API finishes a
 * half-done operation and never does one twice.
 */
export class ConnectionLost extends Error {
  constructor(cause: unknown) {
    super('no answer from the server', { cause });
    this.name = 'ConnectionLost';
  }
}

/** No valid sign-in: the user has to sign in (again). */
export class SignInRequired extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SignInRequired';
  }
}

/** Worth trying again without changing anything: the server or the line had a bad moment. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ConnectionLost) return true;
  return (
    error instanceof ApiProblem &&
    (error.status === 429 || error.status === 502 || error.status === 503 || error.status === 504)
  );
}
