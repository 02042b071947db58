// Rate limits on the API, in two stages:
// 1. by client address, before the token is read (onRequest, ahead of every route's
//    authentication hook): all requests of an address (RATE_LIMIT_ADDRESS_MAX), and the tokens it
//    had refused (RATE_LIMIT_FAILED_AUTH_MAX). Guessing or replaying tokens thus ends in 429
//    after a few attempts, without the server validating each one.
// 2. by user after authentication (the token's object id; the address for requests without a
//    user): RATE_LIMIT_MAX.
// Behind a proxy, the client's address comes from X-Forwarded-For only when TRUST_PROXY names
// the proxy (build-server.ts); otherwise every client of that proxy shares one address bucket.
// Counters live in memory, so with several instances each counts its own share.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../app/errors.js';
import type { Env } from '../env.js';

export function rateLimitKey(request: FastifyRequest): string {
  return request.access ? `user:${request.access.userId}` : `ip:${request.ip}`;
}

const addressKey = (request: FastifyRequest) => `ip:${request.ip}`;

function rateLimited(what: string, max: number, ttlMs: number): AppError {
  return new AppError('RATE_LIMITED', {
    logMessage: `rate limit of ${max} ${what} per window exceeded`,
    retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
  });
}

/** Registers the limits for the routes of `api` (an encapsulated context: not the web bundle). */
export async function registerRateLimit(api: FastifyInstance, env: Env): Promise<void> {
  const timeWindow = env.RATE_LIMIT_WINDOW_SECONDS * 1000;
  await api.register(rateLimit, {
    global: true,
    max: env.RATE_LIMIT_MAX,
    timeWindow,
    // After every onRequest hook (authentication), before the body is read.
    hook: 'preParsing',
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, context) => rateLimited('requests', context.max, context.ttl),
  });

  // Limiters of their own (separate counters), applied by the hooks below rather than by the
  // plugin's route hook, which runs at most one limiter per request.
  const byAddress = api.createRateLimit({
    max: env.RATE_LIMIT_ADDRESS_MAX,
    timeWindow,
    keyGenerator: addressKey,
  });
  const failedAuth = api.createRateLimit({
    max: env.RATE_LIMIT_FAILED_AUTH_MAX,
    timeWindow,
    keyGenerator: addressKey,
  });

  // A context hook: runs before the route's own onRequest hooks, so before authentication.
  api.addHook('onRequest', async (request: FastifyRequest) => {
    // Health probes come from the load balancer's address, many times a minute.
    if (request.routeOptions.config?.rateLimit === false) return;
    const failures = await failedAuth(request, { increment: false });
    if (!failures.isAllowed && failures.remaining === 0) {
      throw rateLimited('refused tokens', failures.max, failures.ttl);
    }
    const requests = await byAddress(request);
    if (!requests.isAllowed && requests.isExceeded) {
      throw rateLimited('requests per address', requests.max, requests.ttl);
    }
  });

  // A refused token counts against its address; a 401 after a valid token (a Microsoft 365
  // claims challenge) does not: then `access` is set. Counted before the answer leaves, so the
  // client's next attempt already meets the new count.
  api.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode === 401 && request.access === null) await failedAuth(request);
    return payload;
  });
}
