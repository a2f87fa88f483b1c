import { sortFields, type RecordKind } from '@crm/shared';
import { useCallback, useEffect, useState } from 'react';
import type { RecordPlural } from '../api/api-client';
import { ApiError } from '../api/api-error';

/** The column the server sorts a list by (`sort=<field>` / `sort=-<field>`). */
export type TableSort = { readonly field: string; readonly direction: 'ascending' | 'descending' };

/** The record kind behind each list's URL segment. */
export const KIND_OF: Record<RecordPlural, RecordKind> = {
  leads: 'lead',
  organisations: 'organisation',
  contacts: 'contact',
  opportunities: 'opportunity',
  campaigns: 'campaign',
  activities: 'activity',
};

/** The fields the API sorts this list by (shared's RECORD_SORTS): the sortable columns of the same id. */
export const sortableFields = (plural: RecordPlural): readonly string[] => sortFields(KIND_OF[plural]);

const sortParam = (sort: TableSort): string => `${sort.direction === 'descending' ? '-' : ''}${sort.field}`;

type SortState = { readonly sort?: TableSort; readonly refused?: boolean };

/**
 * A list's sort, done by the server over the whole list (never over the rows loaded so far): a
 * header click sorts by that column ascending, a second click descending. Search results keep the
 * index's order, so while `q` is set no sort is sent. A sort the server refuses because too many
 * records match falls back to the unsorted list and says so (`refused`: ask the user to filter).
 */
export function useListSort(q: string | undefined) {
  const [state, setState] = useState<SortState>({});
  const toggle = useCallback(
    (field: string) =>
      setState(({ sort }) => ({
        sort: {
          field,
          direction: sort?.field === field && sort.direction === 'ascending' ? 'descending' : 'ascending',
        },
      })),
    [],
  );
  const refuse = useCallback(() => setState({ refused: true }), []);
  const sort = q ? undefined : state.sort;
  return {
    /** The sort in force (none while searching). */
    sort,
    /** The query parameter to send, if any. */
    param: sort ? { sort: sortParam(sort) } : {},
    /** Sorting was chosen but a search is on, so results are unsorted. */
    searching: Boolean(q && state.sort),
    refused: state.refused === true,
    toggle,
    refuse,
  };
}

/** True (and the sort dropped) when the server answered the sorted list with LIST.TOO_MANY_TO_SORT. */
export function useSortRefusal(listSort: { readonly refuse: () => void }, error: unknown): boolean {
  const tooMany = error instanceof ApiError && error.code === 'LIST.TOO_MANY_TO_SORT';
  const { refuse } = listSort;
  useEffect(() => {
    if (tooMany) refuse();
  }, [tooMany, refuse]);
  return tooMany;
}
