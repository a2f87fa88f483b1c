import type { TableClient } from '@azure/data-tables';
import { err, ok, type Result } from '../common/result';
import type { Id, WorkspaceId } from '../common/types';
import type { Page, Versioned } from '../records/versions';
import type { SortedListQuery } from '../application/ports';
import { matchesFilters } from '../records/record-search';
import {
  SORT_CAP,
  sortColumns,
  sortColumnValues,
  sortedPage,
  sortEntry,
  tooManyToSort,
  type SortEntry,
} from '../records/record-sort';
import type { RecordKind, RecordOf } from '../records/records';
import { mapBounded } from './bounded';
import { recordPrefix } from './record-keys';
import { SORT_COLUMNS_VERSION, SORT_VERSION_COLUMN, sortColumn } from './record-rows';
import { pagesOf } from './table-queries';
import { readLiveRecord } from './table-record-reads';

const READ_CONCURRENCY = 16;

/**
 * A sorted page (KEYS.md "Sorted lists"): the filtered key range, projected to RowKey and the
 * kind's sort columns, up to the cap; ordered by record-sort.ts; then the page's records by point
 * reads. Rows written before the sort columns existed are read whole (same order, more reads) until
 * their record's next write adds the columns.
 */
export async function listSortedRecords<K extends RecordKind>(
  client: TableClient,
  ws: WorkspaceId,
  kind: K,
  query: SortedListQuery<K>,
  filter: string,
): Promise<Result<Page<Versioned<RecordOf[K]>>>> {
  const cap = query.cap ?? SORT_CAP;
  const columns = sortColumns(kind);
  const select = ['RowKey', SORT_VERSION_COLUMN, ...columns.map(sortColumn)];
  const prefix = recordPrefix(kind);
  const entries: SortEntry[] = [];
  const older: Id[] = [];
  for await (const page of pagesOf(client, filter, { select })) {
    for (const row of page.rows) {
      if (entries.length + older.length >= cap) return err(tooManyToSort(cap));
      const id = String(row.rowKey).slice(prefix.length);
      if (row[SORT_VERSION_COLUMN] !== SORT_COLUMNS_VERSION) {
        older.push(id);
        continue;
      }
      const values = Object.fromEntries(columns.map((c) => [c, row[sortColumn(c)]]));
      entries.push(sortEntry(kind, query.sort.field, id, values));
    }
  }
  const rewritten = await mapBounded(older, READ_CONCURRENCY, (id) => readLiveRecord(client, ws, kind, id));
  for (const found of rewritten) {
    if (!found || !matchesFilters(found.record, query.filters)) continue;
    const values = sortColumnValues(kind, found.record);
    entries.push(sortEntry(kind, query.sort.field, found.record.id, values));
  }
  const page = sortedPage(kind, query.sort, entries, query.limit, query.cursor);
  const found = await mapBounded(page.ids, READ_CONCURRENCY, (id) => readLiveRecord(client, ws, kind, id));
  // A record deleted or changed out of the filter since its sort row was read is left out.
  const items = found.filter(
    (r): r is Versioned<RecordOf[K]> => r !== undefined && matchesFilters(r.record, query.filters),
  );
  return ok(page.nextCursor ? { items, nextCursor: page.nextCursor } : { items });
}
