import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ListQuery, RecordPlural } from '../api/api-client';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';

/** Records per server page: enough to fill a screen several times over, small enough to arrive fast. */
export const PAGE_SIZE = 100;

/** One kind's records, page after page from the server (cursor paging), filtered and searched there. */
export function useRecordList<T>(workspaceId: string, plural: RecordPlural, query: ListQuery) {
  const api = useApi();
  const list = useInfiniteQuery({
    queryKey: queryKeys.list(workspaceId, plural, query),
    queryFn: ({ pageParam }) =>
      api.list<T>(workspaceId, plural, {
        ...query,
        limit: String(PAGE_SIZE),
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = list;
  const loadMore = useCallback(() => {
    // Asked again while a page is on its way (a fling renders faster than the answer is noted):
    // the same page, not a second request that cancels the first.
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false });
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  // One array per change of the pages, not per render: the table's memoised work keys on it.
  const pages = list.data?.pages;
  const records = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  return {
    records,
    isPending: list.isPending,
    error: list.error,
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    loadMore,
    retry: () => void refetch(),
  };
}
