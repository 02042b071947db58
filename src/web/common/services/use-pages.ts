// Loading a list a page at a time, through the query cache (TanStack Query's infinite query):
// the wrapper of use-query.ts for an API that answers with a page and a cursor for the next
// (issue 16, item 4). Same conventions: the key names everything `loadPage` depends on, a
// transient failure is retried and a refusal is not (query-client.tsx), the loaded pages stay
// on screen while they load again, and a command that invalidates the key loads every page the
// user has opened again (in order, each with its cursor).
import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';

export interface Page<T> {
  readonly items: readonly T[];
  /** Where the next page starts; null on the last page. */
  readonly nextCursor: string | null;
}

export interface Pages<T> {
  /** Every item of the pages loaded so far, in order; undefined until the first page is in. */
  readonly items: readonly T[] | undefined;
  readonly error: unknown;
  /** The first page (or all pages again) is loading. */
  readonly isLoading: boolean;
  /** The next page is loading (after loadMore). */
  readonly isLoadingMore: boolean;
  readonly hasMore: boolean;
  /** Loads the next page; nothing while one loads or when there is none. */
  loadMore(): void;
  /** After a failure: the next page again when that failed, else every page. */
  reload(): void;
}

export function usePages<T>(
  key: QueryKey,
  loadPage: (cursor: string | undefined) => Promise<Page<T>>,
  options: { readonly enabled?: boolean } = {},
): Pages<T> {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => loadPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
  const { data, fetchNextPage, refetch, hasNextPage, isFetchingNextPage } = query;
  const items = useMemo(() => data?.pages.flatMap((page) => page.items), [data]);
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);
  const nextFailed = query.isFetchNextPageError;
  const reload = useCallback(
    () => void (nextFailed ? fetchNextPage() : refetch()),
    [nextFailed, fetchNextPage, refetch],
  );
  return {
    items,
    // While it loads again the old error is not shown: the page shows that it is loading.
    error: query.isFetching || query.error === null ? undefined : query.error,
    isLoading:
      (query.isFetching && !isFetchingNextPage) || query.isPlaceholderData || query.isPending,
    isLoadingMore: isFetchingNextPage,
    hasMore: hasNextPage,
    loadMore,
    reload,
  };
}
