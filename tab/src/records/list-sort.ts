import { sortFields, type RecordKind } from '@crm/shared';
import type { RecordPlural } from '../api/api-client';

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

/** `name` → ascending by name, `-name` → descending. */
export const parseSort = (param: string | undefined): TableSort | undefined =>
  param
    ? param.startsWith('-')
      ? { field: param.slice(1), direction: 'descending' }
      : { field: param, direction: 'ascending' }
    : undefined;

export const sortParam = (sort: TableSort): string =>
  `${sort.direction === 'descending' ? '-' : ''}${sort.field}`;

/** A header click: that column ascending, or descending when it was already ascending. */
export const nextSort = (current: TableSort | undefined, field: string): TableSort => ({
  field,
  direction: current?.field === field && current.direction === 'ascending' ? 'descending' : 'ascending',
});
