// The Graph client with the middleware chain composed once:
// correlation id → token → retry (Retry-After; not for /$batch, see batch.ts) → counting →
// timeout → HTTP.
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  type Middleware,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import {
  CorrelationIdMiddleware,
  CountingMiddleware,
  RequestCounter,
  TimeoutMiddleware,
} from './middleware.js';
import type { AccessTokenProvider } from './tokens.js';

export interface GraphClientSettings {
  /** e.g. https://graph.microsoft.com/v1.0 or https://localhost:5443/v1.0 */
  readonly baseUrl: string;
  readonly tokens: AccessTokenProvider;
  readonly counter?: RequestCounter;
  readonly timeoutMs?: number;
  /** Retries of 429/503/504 per request (the SDK's default is 3; Graph allows up to 10). */
  readonly maxRetries?: number;
  readonly correlationId?: () => string;
}

export function createGraphClient(settings: GraphClientSettings): Client {
  const url = new URL(settings.baseUrl.replace(/\/+$/, ''));
  const version = url.pathname.split('/').filter(Boolean).pop() ?? 'v1.0';
  const chain: Middleware[] = [
    new CorrelationIdMiddleware(settings.correlationId),
    new AuthenticationHandler({ getAccessToken: () => settings.tokens.getAccessToken() }),
    // Retrying a single POST is safe only because every hold carries a transactionId (PLATFORM.md
    // §3). Never a whole /$batch: it may hold a sendMail or a list item create, and whether its
    // parts ran is unknown after a 503/504 — batch.ts resends only what is safe to resend.
    new RetryHandler(new RetryHandlerOptions(1, settings.maxRetries ?? 5, isNotBatch)),
    new CountingMiddleware(settings.counter ?? new RequestCounter()),
    new TimeoutMiddleware(settings.timeoutMs ?? 30_000),
    new HTTPMessageHandler(),
  ];
  // Every middleware but the last has setNext (the SDK types it as optional).
  for (let i = 0; i < chain.length - 1; i++) chain[i]!.setNext?.(chain[i + 1]!);
  return Client.initWithMiddleware({
    middleware: chain[0]!,
    baseUrl: `${url.origin}${url.pathname.replace(/\/[^/]*$/, '')}/`,
    defaultVersion: version,
    // The AuthenticationHandler only attaches tokens for Graph's hosts and these.
    customHosts: new Set([url.hostname]),
  });
}

/** The RetryHandler's shouldRetry: everything but a JSON batch envelope. */
function isNotBatch(_delay: number, _attempt: number, request: RequestInfo): boolean {
  const url = typeof request === 'string' ? request : request.url;
  return !/\/\$batch(?:[?#]|$)/.test(url);
}

export { RequestCounter };
