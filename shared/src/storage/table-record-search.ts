import type { TableClient } from '@azure/data-tables';
import { matchesQuery } from '../common/search-tokens';
import type { WorkspaceId } from '../common/types';
import type { ListQuery, Page, Versioned } from '../application/ports';
import { listedUnder, matchesFilters, recordSearchTokens } from '../application/record-search';
import type { RecordKind, RecordOf } from '../application/records';
import { mapBounded } from './bounded';
import { decodeCursor, encodeCursor } from './cursor';
import { indexPrefix, keyPart, prefixRange } from './record-keys';
import { readIndexRow } from './record-rows';
import { rangeFilter } from './table-queries';
import { readLiveRecord } from './table-record-reads';

/** Index rows read per call before a (possibly short) page is returned with a cursor. */
const SCAN_BUDGET = 20_000;
const READ_CONCURRENCY = 32;

type Candidate = { readonly key: string; readonly id: string };

/**
 * `q` → the driving token's index range (`idx|<kind>|<token>…`). Index rows carry the record's
 * whole token list, so every query token is checked during the scan; only the matches are read
 * (point reads, in parallel) and checked against the filters. Results come in index-key order;
 * a record is listed once, under its smallest matching token.
 */
export async function searchRecords<K extends RecordKind>(
  client: TableClient,
  ws: WorkspaceId,
  kind: K,
  query: ListQuery<K> & { readonly q: string },
  driving: string,
): Promise<Page<Versioned<RecordOf[K]>>> {
  const range = prefixRange(indexPrefix(kind, keyPart(driving)));
  const filter = rangeFilter(ws, range, decodeCursor(query.cursor));
  const items: Versioned<RecordOf[K]>[] = [];
  let scanned = 0;
  let token: string | undefined;
  do {
    // Small first page for small limits; whole pages once the first one did not suffice.
    const pageSize = scanned === 0 ? Math.min(1000, query.limit * 2 + 20) : 1000;
    const page = await client
      .listEntities<Record<string, unknown>>({
        queryOptions: { filter, select: ['RowKey', 'id', 'token', 'tokens'] },
      })
      .byPage({ maxPageSize: pageSize, ...(token ? { continuationToken: token } : {}) })
      .next();
    if (page.done) break;
    token = page.value.continuationToken;
    scanned += page.value.length;
    const candidates: Candidate[] = [];
    for (const row of page.value) {
      const entry = readIndexRow(row);
      if (entry.token !== listedUnder(entry.tokens, driving) || !matchesQuery(entry.tokens, query.q)) {
        continue;
      }
      candidates.push({ key: String(row.rowKey), id: entry.id });
    }
    const lastKey = page.value.at(-1)?.rowKey;
    for (let i = 0; i < candidates.length;) {
      const chunk = candidates.slice(i, i + Math.min(query.limit - items.length, 100));
      i += chunk.length;
      const found = await mapBounded(chunk, READ_CONCURRENCY, (c) => readLiveRecord(client, ws, kind, c.id));
      for (const [n, record] of found.entries()) {
        if (!record || !matchesFilters(record.record, query.filters)) continue;
        // Read after the index row: the record may have changed since, so it is matched again.
        if (!matchesQuery(recordSearchTokens(kind, record.record), query.q)) continue;
        items.push(record);
        if (items.length === query.limit) {
          const key = (chunk[n] as Candidate).key;
          const last = key === lastKey && token === undefined;
          return last ? { items } : { items, nextCursor: encodeCursor(key) };
        }
      }
    }
    if (token && scanned >= SCAN_BUDGET && lastKey) return { items, nextCursor: encodeCursor(lastKey) };
  } while (token);
  return { items };
}
