import type { Opportunity } from '@crm/shared';
import { useQueries } from '@tanstack/react-query';
import type { ListQuery, RecordPlural } from '../api/api-client';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import type { MergeablePlural, MergeableRecord } from './mergeable';

/** How many records of each kind a merge would move to the survivor. */
export type MergeMoves = {
  readonly pending: boolean;
  readonly counts: Partial<Record<'contacts' | 'deals' | 'activities' | 'leads', number>>;
};

type Count = {
  readonly kind: keyof MergeMoves['counts'];
  readonly plural: RecordPlural;
  readonly query: ListQuery;
  /** Of the page, which point at the loser (a contact's deals are found through its organisation). */
  readonly keep?: (record: Record<string, unknown>) => boolean;
};

/** The lists that name the loser, as the merge endpoint moves them (shared `mergeRecords`). */
function countsFor(plural: MergeablePlural, loser: MergeableRecord): readonly Count[] {
  const leads = plural === 'organisations' ? 'convertedOrganisationId' : 'convertedContactId';
  const regarding = {
    regardingType: plural === 'organisations' ? 'organisation' : 'contact',
    regardingId: loser.id,
  };
  const deals: Count =
    plural === 'organisations'
      ? { kind: 'deals', plural: 'opportunities', query: { organisationId: loser.id } }
      : {
          kind: 'deals',
          plural: 'opportunities',
          query: { organisationId: 'organisationId' in loser ? loser.organisationId : '' },
          keep: (deal) => (deal as Opportunity).primaryContactId === loser.id,
        };
  return [
    ...(plural === 'organisations'
      ? [{ kind: 'contacts', plural: 'contacts', query: { organisationId: loser.id } } as const]
      : []),
    deals,
    { kind: 'activities', plural: 'activities', query: regarding },
    { kind: 'leads', plural: 'leads', query: { [leads]: loser.id, status: 'closed-converted' } },
  ];
}

/** Counts what points at `loser` now, from the lists (their first 1,000; a merge moves at most a few hundred). */
export function useMergeMoves(ws: string, plural: MergeablePlural, loser: MergeableRecord): MergeMoves {
  const api = useApi();
  const counts = countsFor(plural, loser);
  const answers = useQueries({
    queries: counts.map(({ plural: of, query }) => {
      const full = { ...query, limit: '1000' };
      return {
        queryKey: queryKeys.mergeMoves(ws, of, full),
        queryFn: () => api.list<Record<string, unknown>>(ws, of, full),
      };
    }),
  });
  return {
    pending: answers.some((a) => a.isPending),
    counts: Object.fromEntries(
      counts.map(({ kind, keep }, i) => {
        const items = answers[i]?.data?.items ?? [];
        return [kind, keep ? items.filter(keep).length : items.length];
      }),
    ),
  };
}
