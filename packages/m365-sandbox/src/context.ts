// What every feature module of the sandbox gets: storage, clock, directory, keys, fault
// injection, the request log and the URLs the sandbox listens on.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxClock } from './clock.js';
import type { SandboxConfig } from './config.js';
import type { Directory } from './directory/store.js';
import type { FaultInjector } from './http/faults.js';
import { GraphError } from './http/graph-error.js';
import type { RequestLog } from './http/request-log.js';
import type { Caller } from './identity/graph-auth.js';
import type { SigningKeys } from './identity/keys.js';
import type { Db } from './store/db.js';

export interface SandboxUrls {
  /** https://localhost:PORT — Graph (/v1.0), the identity provider (issuer) and everything else. */
  https: string;
  /** http://localhost:PORT — the same routes without TLS, for browsers (sign-in page, inspector). */
  http: string;
}

export interface SandboxContext {
  readonly config: SandboxConfig;
  readonly db: Db;
  readonly clock: SandboxClock;
  readonly directory: Directory;
  readonly keys: SigningKeys;
  readonly faults: FaultInjector;
  readonly requestLog: RequestLog;
  /** Filled in once the listeners are bound (ports may be 0 in tests). */
  readonly urls: SandboxUrls;
  /** Token issuer of a tenant: https://localhost:PORT/{tenantId}/v2.0 */
  issuerFor(tenantId: string): string;
  /** Headers that mark a request injected by $batch as part of batch `batchSeq`. */
  batchPartHeaders(batchSeq: number): Record<string, string>;
}

/** A feature module: registers its routes. Graph modules are registered under /v1.0. */
export type SandboxModule = (app: FastifyInstance, ctx: SandboxContext) => Promise<void> | void;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on /v1.0 routes after the token was verified. */
    caller: Caller | null;
    /** Sequence number of the enclosing $batch request, for requests inside a batch. */
    batchSeq: number | null;
    /** Graph error code of a failed request, for the request log. */
    graphErrorCode: string | null;
  }
}

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) {
    throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  }
  return request.caller;
}
