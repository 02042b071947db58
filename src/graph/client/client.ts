// The Graph client with the middleware chain composed once:
// correlation id → token → retry (Retry-After) → counting → timeout → HTTP.
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
    // Retrying POST is safe only because every hold carries a transactionId (PLATFORM.md §3).
    new RetryHandler(new RetryHandlerOptions(1, settings.maxRetries ?? 5)),
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

export { RequestCounter };
