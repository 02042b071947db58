// The web's query cache (TanStack Query): one per signed-in session and language, so a language
// switch loads every page again with the server's words in the new language. Loads are retried
// only when the failure is transient (no answer, 429, 502–504), never for a 4xx: asking again
// would get the same refusal. Commands are never retried by the cache: the user says "try again".
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { isTransient } from '../api/api-errors.js';

/** At most this many extra attempts for a load that failed transiently. */
export const TRANSIENT_RETRIES = 2;

export function createQueryClient(options: { retryDelayMs?: number } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < TRANSIENT_RETRIES && isTransient(error),
        ...(options.retryDelayMs !== undefined ? { retryDelay: options.retryDelayMs } : {}),
        // Pages follow answers by polling themselves; a tab regaining focus need not ask again.
        refetchOnWindowFocus: false,
        staleTime: 0,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * The cache for everything under it. `scope` changes (a new API object: another language or
 * another sign-in) start an empty cache.
 */
export function QueryProvider(props: { scope: unknown; children: ReactNode }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const client = useMemo(() => createQueryClient(), [props.scope]);
  return <QueryClientProvider client={client}>{props.children}</QueryClientProvider>;
}
