// A rate limit per user on the API: the key is the token's object id (set by the authentication
// hook, which runs first), the IP address only for requests without a user. Counters live in
// memory, so with several instances each counts its own share.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../app/errors.js';
import type { Env } from '../env.js';

export function rateLimitKey(request: FastifyRequest): string {
  return request.access ? `user:${request.access.userId}` : `ip:${request.ip}`;
}

/** Registers the limit for the routes of `api` (an encapsulated context: not the web bundle). */
export async function registerRateLimit(api: FastifyInstance, env: Env): Promise<void> {
  await api.register(rateLimit, {
    global: true,
    max: env.RATE_LIMIT_MAX,
    timeWindow: env.RATE_LIMIT_WINDOW_SECONDS * 1000,
    // After every onRequest hook (authentication), before the body is read.
    hook: 'preParsing',
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', {
        logMessage: `rate limit of ${context.max} per window exceeded`,
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
}
