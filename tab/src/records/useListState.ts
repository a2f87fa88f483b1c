import { useEffect, useRef, useState } from 'react';
import type { ListQuery } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { useNavigation } from '../app/navigation';
import type { RouteQuery } from '../app/routes';
import { useDebouncedValue } from './useDebouncedValue';
import { nextSort, parseSort, sortParam, type TableSort } from './list-sort';

/** Query names a list keeps for itself; every other one is a filter. */
const SEARCH = 'q';
const SORT = 'sort';

const withValue = (query: RouteQuery, name: string, value: string): RouteQuery => {
  const next: Record<string, string> = { ...query };
  if (value) next[name] = value;
  else delete next[name];
  return next;
};

export type ListState = {
  /** What the search box holds (as typed). */
  readonly search: string;
  readonly setSearch: (value: string) => void;
  /** The search sent: the address's, which follows the box once typing pauses. */
  readonly q: string;
  readonly filters: Readonly<Record<string, string>>;
  readonly setFilter: (name: string, value: string) => void;
  /** Several filters at once, one step in the address ('' removes one). */
  readonly setFilters: (changes: Readonly<Record<string, string>>) => void;
  /** The sort in force (none while searching). */
  readonly sort?: TableSort;
  readonly toggleSort: (field: string) => void;
  /** A sort was chosen but a search is on, so results come in search order. */
  readonly searching: boolean;
  /** The server refused the sort (too many records): the list is unsorted, ask to filter. */
  readonly refused: boolean;
  readonly refuse: () => void;
  /** Search, filters and sort as the list request's query. */
  readonly query: ListQuery;
};

/**
 * A list's search, filters and sort, kept in the address (`#/w/ws/leads?q=jan&status=…&sort=-name`)
 * so a reload or a link shows the same list. The search box updates the address once typing pauses;
 * the address changing by itself (Back, a link) updates the box. Sorting is the server's: a header
 * click sorts by that column ascending, a second click descending; while a search is on no sort is
 * sent (results keep the index's order), and a sort the server refuses because too many records
 * match is dropped and said so.
 */
export function useListState(debounceMs: number): ListState {
  const navigation = useNavigation();
  const { query } = navigation;
  const latest = useRef(navigation);
  latest.current = navigation;
  const q = query[SEARCH] ?? '';
  const [search, setSearchState] = useState(q);
  const [refused, setRefused] = useState(false);
  const typed = useRef(false);
  const settled = useDebouncedValue(search.trim(), debounceMs);

  // The address changed by itself (Back, a link): the box follows.
  const [seen, setSeen] = useState(q);
  if (seen !== q) {
    setSeen(q);
    if (q !== search.trim()) setSearchState(q);
  }
  // Typing paused: the address follows the box.
  useEffect(() => {
    if (!typed.current) return;
    const current = latest.current.query;
    if ((current[SEARCH] ?? '') !== settled) latest.current.setQuery(withValue(current, SEARCH, settled));
  }, [settled]);

  const chosen = parseSort(query[SORT]);
  const sort = q ? undefined : chosen;
  const filters = Object.fromEntries(
    Object.entries(query).filter(([name]) => name !== SEARCH && name !== SORT),
  );
  return {
    search,
    setSearch: (value) => {
      typed.current = true;
      setSearchState(value);
    },
    q,
    filters,
    setFilter: (name, value) => navigation.setQuery(withValue(query, name, value)),
    setFilters: (changes) =>
      navigation.setQuery(
        Object.entries(changes).reduce((next, [name, value]) => withValue(next, name, value), query),
      ),
    ...(sort ? { sort } : {}),
    toggleSort: (field) => {
      setRefused(false);
      navigation.setQuery(withValue(query, SORT, sortParam(nextSort(chosen, field))));
    },
    searching: Boolean(q && chosen),
    refused,
    refuse: () => {
      setRefused(true);
      latest.current.setQuery(withValue(latest.current.query, SORT, ''));
    },
    query: { ...(q ? { q } : {}), ...filters, ...(sort ? { sort: sortParam(sort) } : {}) },
  };
}

/** True (and the sort dropped) when the server answered the sorted list with LIST.TOO_MANY_TO_SORT. */
export function useSortRefusal(state: Pick<ListState, 'refuse'>, error: unknown): boolean {
  const tooMany = error instanceof ApiError && error.code === 'LIST.TOO_MANY_TO_SORT';
  const refuse = useRef(state.refuse);
  refuse.current = state.refuse;
  useEffect(() => {
    if (tooMany) refuse.current();
  }, [tooMany]);
  return tooMany;
}
