import type { TableClient } from '@azure/data-tables';
import { matchesQuery } from '../common/search-tokens';
import type { WorkspaceId } from '../common/types';
import type { ListQuery } from '../application/ports';
import type { Page, Versioned } from '../records/versions';
import { listedUnder, matchesFilters, recordSearchTokens } from '../records/record-search';
import type { RecordKind, RecordOf } from '../records/records';
import { mapBounded } from './bounded';
import { decodeCursor, encodeCursor } from './cursor';
import { keyPart, prefixRange, searchPartition, searchPrefix } from './record-keys';
import { readIndexRow } from './record-rows';
import { rangeFilter } from './table-queries';
import { readLiveRecord } from './table-record-reads';

/**
 * What one search call may read before it returns a (possibly short) page with a cursor: at most
 * `indexRows` index rows, and at most 2 × limit + `spareReads` record point reads (hits that the
 * record no longer matches, or that fail the filters, cost a read each). A one-letter query in a big
 * workspace thus costs a bounded amount per call; the client follows the cursor if it wants more.
 */
export type SearchBudget = { readonly indexRows: number; readonly spareReads: number };
export const SEARCH_BUDGET: SearchBudget = { indexRows: 2_000, spareReads: 50 };

const READ_CONCURRENCY = 32;

type Candidate = { readonly key: string; readonly id: string };

/**
 * `q` → the driving token's key range in its search shard (`<kind>|<token>…`). Index rows carry
 * the record's whole token list, so every query token is checked during the scan; only the matches
 * are read (point reads, in parallel) and checked again against the record itself, which is the
 * truth: an index row left by a failed or interrupted write never shows a record that does not
 * match. Results come in index-key order; a record is listed once, under its smallest matching token.
 */
export async function searchRecords<K extends RecordKind>(
  index: TableClient,
  records: TableClient,
  ws: WorkspaceId,
  kind: K,
  query: ListQuery<K> & { readonly q: string },
  driving: string,
  budget: SearchBudget = SEARCH_BUDGET,
): Promise<Page<Versioned<RecordOf[K]>>> {
  const range = prefixRange(searchPrefix(kind, keyPart(driving)));
  const filter = rangeFilter(searchPartition(ws, driving), range, decodeCursor(query.cursor));
  const readBudget = 2 * query.limit + budget.spareReads;
  const items: Versioned<RecordOf[K]>[] = [];
  let scanned = 0;
  let reads = 0;
  let token: string | undefined;
  do {
    // Small first page for small limits; whole pages once the first one did not suffice.
    const wanted = scanned === 0 ? query.limit * 2 + 20 : 1000;
    const pageSize = Math.max(1, Math.min(1000, wanted, budget.indexRows - scanned));
    const page = await index
      .listEntities<Record<string, unknown>>({
        queryOptions: { filter, select: ['RowKey', 'id', 'token', 'tokens', 'indexed'] },
      })
      .byPage({ maxPageSize: pageSize, ...(token ? { continuationToken: token } : {}) })
      .next();
    if (page.done) break;
    token = page.value.continuationToken;
    scanned += page.value.length;
    const candidates: Candidate[] = [];
    for (const row of page.value) {
      const entry = readIndexRow(row);
      if (entry.token !== listedUnder(entry.indexed, driving) || !matchesQuery(entry.tokens, query.q)) {
        continue;
      }
      candidates.push({ key: String(row.rowKey), id: entry.id });
    }
    const lastKey = page.value.at(-1)?.rowKey;
    for (let i = 0; i < candidates.length;) {
      const chunk = candidates.slice(i, i + Math.min(query.limit - items.length, 100, readBudget - reads));
      i += chunk.length;
      reads += chunk.length;
      const found = await mapBounded(chunk, READ_CONCURRENCY, (c) => readLiveRecord(records, ws, kind, c.id));
      for (const [n, record] of found.entries()) {
        if (!record || !matchesFilters(record.record, query.filters)) continue;
        if (!matchesQuery(recordSearchTokens(kind, record.record), query.q)) continue;
        items.push(record);
        if (items.length === query.limit) {
          const key = (chunk[n] as Candidate).key;
          const last = key === lastKey && token === undefined;
          return last ? { items } : { items, nextCursor: encodeCursor(key) };
        }
      }
      if (reads >= readBudget) {
        const key = (chunk.at(-1) as Candidate).key;
        const last = i >= candidates.length && key === lastKey && token === undefined;
        return last ? { items } : { items, nextCursor: encodeCursor(key) };
      }
    }
    if (token && scanned >= budget.indexRows && lastKey) return { items, nextCursor: encodeCursor(lastKey) };
  } while (token);
  return { items };
}
