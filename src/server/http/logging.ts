// Structured logs with pino: per request the correlation id, method, path (never the query
// string), status and duration, and after sign-in the user's object id — no names, addresses,
// IP addresses or tokens. Redaction is the safety net for anything that slips into a log call.
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Env } from '../env.js';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.authorization',
  '*.cookie',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.idToken',
  '*.id_token',
  '*.refresh_token',
  '*.assertion',
  '*.userAssertion',
  '*.client_secret',
  '*.clientSecret',
  '*.password',
];

interface RequestLike {
  readonly method?: string;
  readonly url?: string;
  readonly routeOptions?: { readonly url?: string };
}

function pathOnly(url: string | undefined): string | undefined {
  return url?.split('?')[0];
}

export function loggerOptions(env: Env): LoggerOptions {
  return {
    level: env.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (request: RequestLike) => ({
        method: request.method,
        path: pathOnly(request.url),
        route: request.routeOptions?.url,
      }),
      res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
}

/** The server's logger: stdout, or `destination` (tests read the lines). */
export function createLogger(env: Env, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(env), destination) : pino(loggerOptions(env));
}
