// Loading data for a page, through the query cache (TanStack Query, see query-client.tsx): the
// latest answer, the error, whether it is loading, and a reload. Two components that ask for the
// same key share one request; the previous data stays on screen while newer data loads (a new key
// included); a transient failure is retried, a refusal (4xx) is not.
import {
  hashKey,
  keepPreviousData,
  useQueryClient,
  useQuery as useCachedQuery,
  type QueryKey,
} from '@tanstack/react-query';
import { useCallback } from 'react';

export interface Query<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly isLoading: boolean;
  reload(): void;
  /** Replace the data with a newer view (e.g. the answer of a command). */
  setData(data: T): void;
}

/** `key` names what `load` loads (query-keys.ts): everything `load` depends on is in it. */
export function useQuery<T>(key: QueryKey, load: () => Promise<T>): Query<T> {
  const client = useQueryClient();
  // Boxed: the cache holds no undefined, and "no sign-up for this appointment" is an answer.
  const query = useCachedQuery<{ readonly value: T }>({
    queryKey: key,
    queryFn: async () => ({ value: await load() }),
    placeholderData: keepPreviousData,
  });
  const hash = hashKey(key);
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  // The hash stands for the key: a new array with the same parts is the same key.
  const setData = useCallback(
    (data: T) => client.setQueryData<{ readonly value: T }>(key, { value: data }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, hash],
  );
  const isLoading = query.isFetching || query.isPlaceholderData || query.isPending;
  return {
    data: query.data?.value,
    // While it loads again the old error is not shown: the page shows that it is loading.
    error: query.isFetching || query.error === null ? undefined : query.error,
    isLoading,
    reload,
    setData,
  };
}
