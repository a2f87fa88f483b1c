import type { TableClient } from '@azure/data-tables';
import { matchesQuery } from '../common/search-tokens';
import type { WorkspaceId } from '../common/types';
import type { ListQuery } from '../application/ports';
import type { Page, Version, Versioned } from '../records/versions';
import { listedUnder, matchesFilters, recordIndexTokens, recordSearchTokens } from '../records/record-search';
import type { AnyRecord, RecordKind, RecordOf } from '../records/records';
import { mapBounded } from './bounded';
import { decodeCursor, encodeCursor } from './cursor';
import { keyPart, prefixRange, searchPartition, searchPrefix } from './record-keys';
import { INDEX_RECORD, INDEX_VERSION, readIndexRow } from './record-rows';
import { jsonColumnNames } from './json-columns';
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
const INDEX_COLUMNS = [
  'RowKey',
  'id',
  'token',
  'tokens',
  'indexed',
  INDEX_VERSION,
  ...jsonColumnNames(INDEX_RECORD),
];

type Candidate = {
  /** The row's key, `<kind>|<token>|<id>`. */
  readonly key: string;
  readonly id: string;
  /** The token the row lists the record under. */
  readonly token: string;
  /** The record and its version, when the row is confirmed: no need to read the record. */
  readonly confirmed?: Versioned<AnyRecord>;
};

/**
 * `q` → the driving token's key range in its search shard (`<kind>|<token>…`). Index rows carry
 * the record's whole token list, so every query token is checked during the scan. A confirmed row
 * (KEYS.md "Search") carries its record at the version it names, and answers as it is: one query,
 * no reads per hit. An unconfirmed one (a write in flight, failed or interrupted) is read through
 * its record (point reads, in parallel), which is the truth: such a row never shows a record that
 * does not match, nor an old name. Either way the record is checked against the query and filters.
 * Results come in index-key order; a record is listed once, under its smallest matching token.
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
  /** The key of the last hit looked at: where the next call resumes when this one stops early. */
  let examined = decodeCursor(query.cursor);
  let scanned = 0;
  let reads = 0;
  let token: string | undefined;
  do {
    // Small first page for small limits; whole pages once the first one did not suffice.
    const wanted = scanned === 0 ? query.limit * 2 + 20 : 1000;
    const pageSize = Math.max(1, Math.min(1000, wanted, budget.indexRows - scanned));
    const page = await index
      .listEntities<Record<string, unknown>>({
        queryOptions: { filter, select: INDEX_COLUMNS },
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
      candidates.push({
        key: String(row.rowKey),
        id: entry.id,
        token: entry.token,
        ...(entry.confirmed
          ? { confirmed: { record: entry.confirmed.record, version: entry.confirmed.version as Version } }
          : {}),
      });
    }
    const lastKey = page.value.at(-1)?.rowKey;
    for (let i = 0; i < candidates.length;) {
      // As many candidates as can still be listed; unconfirmed ones only while the read budget lasts.
      const chunk: Candidate[] = [];
      const room = Math.min(query.limit - items.length, 100);
      while (i < candidates.length && chunk.length < room) {
        const c = candidates[i] as Candidate;
        if (!c.confirmed && reads >= readBudget) break;
        if (!c.confirmed) reads += 1;
        chunk.push(c);
        i += 1;
      }
      if (chunk.length === 0) {
        // Out of reads before the next unconfirmed hit: the next call resumes at it.
        return examined === undefined ? { items } : { items, nextCursor: encodeCursor(examined) };
      }
      const found = await mapBounded(chunk, READ_CONCURRENCY, async (c) =>
        c.confirmed ? (c.confirmed as Versioned<RecordOf[K]>) : readLiveRecord<K>(records, ws, kind, c.id),
      );
      for (const [n, record] of found.entries()) {
        const candidate = chunk[n] as Candidate;
        examined = candidate.key;
        if (!record || !matchesFilters(record.record, query.filters)) continue;
        if (!matchesQuery(recordSearchTokens(kind, record.record), query.q)) continue;
        // Listed once, under the token the record itself is listed under now: a row of a token it
        // no longer has (left by an interrupted write) must not list it a second time.
        if (listedUnder(recordIndexTokens(kind, record.record), driving) !== candidate.token) continue;
        items.push(record);
        if (items.length === query.limit) {
          const last = examined === lastKey && token === undefined;
          return last ? { items } : { items, nextCursor: encodeCursor(examined) };
        }
      }
    }
    if (token && scanned >= budget.indexRows && lastKey) return { items, nextCursor: encodeCursor(lastKey) };
  } while (token);
  return { items };
}
