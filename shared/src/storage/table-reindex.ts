import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { WorkspaceId } from '../common/types';
import { indexEntries } from '../records/row-plan';
import { RECORD_KINDS } from '../records/records';
import { mapBounded } from './bounded';
import { LEGACY_INDEX_PREFIX, prefixRange, recordPrefix, searchPartitions } from './record-keys';
import { indexRow, readRecordRow, type Row } from './record-rows';
import { pagesOf, rangeFilter } from './table-queries';
import { writeIndexRows } from './table-search-index';

export type ReindexReport = {
  readonly workspaceId: WorkspaceId;
  /** Live records indexed. */
  readonly records: number;
  /** Index rows written (upserted) for them. */
  readonly indexRows: number;
  /** Index rows of the search table that no live record has any more (deleted). */
  readonly staleRows: number;
  /** Index rows of the first layout, in the workspace's partition (deleted). */
  readonly legacyRows: number;
};

/** Rows written per round: enough for full batches per shard, small enough to keep memory flat. */
const FLUSH_AT = 2_000;

/**
 * Rebuilds one workspace's search index from its records: after a change of the token rules
 * (records/record-search.ts) and to migrate the first layout, whose index rows lived in the
 * workspace's partition. Safe to run while the app serves: it only upserts rows that records imply,
 * and deletes rows no live record implies (search re-checks records either way). Idempotent.
 */
export async function reindexWorkspace(
  records: TableClient,
  index: TableClient,
  ws: WorkspaceId,
): Promise<ReindexReport> {
  const expected = new Set<string>();
  let pending: Row[] = [];
  let recordCount = 0;
  let indexRows = 0;
  const flush = async () => {
    await writeIndexRows(
      index,
      pending.map((row) => ({ row, fresh: false })),
    );
    indexRows += pending.length;
    pending = [];
  };
  for (const kind of RECORD_KINDS) {
    const filter = rangeFilter(ws, prefixRange(recordPrefix(kind)), undefined, odata` and deleted eq false`);
    for await (const page of pagesOf(records, filter)) {
      for (const row of page.rows) {
        recordCount += 1;
        for (const entry of indexEntries(kind, readRecordRow(row).record)) {
          const indexed = indexRow(ws, entry);
          expected.add(`${indexed.partitionKey}\n${indexed.rowKey}`);
          pending.push(indexed);
        }
      }
      if (pending.length >= FLUSH_AT) await flush();
    }
  }
  await flush();

  let staleRows = 0;
  await mapBounded(searchPartitions(ws), 4, async (pk) => {
    const filter = odata`PartitionKey eq ${pk}`;
    for await (const page of pagesOf(index, filter, { select: ['RowKey'] })) {
      const stale = page.rows.filter((r) => !expected.has(`${pk}\n${String(r.rowKey)}`));
      staleRows += stale.length;
      await deleteKeys(
        index,
        pk,
        stale.map((r) => String(r.rowKey)),
      );
    }
  });

  let legacyRows = 0;
  const legacy = rangeFilter(ws, prefixRange(LEGACY_INDEX_PREFIX));
  for await (const page of pagesOf(records, legacy, { select: ['RowKey'] })) {
    legacyRows += page.rows.length;
    await deleteKeys(
      records,
      ws,
      page.rows.map((r) => String(r.rowKey)),
    );
  }
  return { workspaceId: ws, records: recordCount, indexRows, staleRows, legacyRows };
}

/** Deletes rows of one partition, 100 per transaction. */
async function deleteKeys(client: TableClient, pk: string, keys: readonly string[]): Promise<void> {
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += 100) batches.push(keys.slice(i, i + 100));
  await mapBounded(batches, 4, (batch) =>
    client.submitTransaction(
      batch.map((rowKey): TransactionAction => ['delete', { partitionKey: pk, rowKey }]),
    ),
  );
}
