import type { TableClient, TransactionAction } from '@azure/data-tables';
import { mapBounded } from './bounded';
import { INDEX_VERSION, type Row } from './record-rows';
import { deleteIfExists } from './table-queries';
import { isConflict, isNotFound } from './table-errors';

/** Batches (one per shard and ≤ 100 rows) in flight at once. */
const WRITE_CONCURRENCY = 8;

/** Rows grouped by partition and cut into entity-group transactions of at most 100. */
function batches<T>(rows: readonly T[], partitionOf: (row: T) => string): T[][] {
  const byPartition = new Map<string, T[]>();
  for (const row of rows) {
    const pk = partitionOf(row);
    const group = byPartition.get(pk) ?? [];
    group.push(row);
    byPartition.set(pk, group);
  }
  const out: T[][] = [];
  for (const group of byPartition.values()) {
    for (let i = 0; i < group.length; i += 100) out.push(group.slice(i, i + 100));
  }
  return out;
}

const rowId = (row: Pick<Row, 'partitionKey' | 'rowKey'>): string => `${row.partitionKey}\n${row.rowKey}`;

/**
 * Writes search-index rows, one transaction per shard, and answers the ETag each row got (keyed by
 * partition and row key). Rows of new records are created (stricter and cheaper on Azurite); a batch
 * that meets a row left by an earlier failed attempt is upserted instead.
 */
export async function writeIndexRows(
  client: TableClient,
  rows: readonly { readonly row: Row; readonly fresh: boolean }[],
): Promise<Map<string, string>> {
  const etags = new Map<string, string>();
  await mapBounded(
    batches(rows, (r) => r.row.partitionKey),
    WRITE_CONCURRENCY,
    async (batch) => {
      const upserts = batch.map(({ row }): TransactionAction => ['upsert', row, 'Replace']);
      let response;
      if (batch.every((r) => r.fresh)) {
        try {
          response = await client.submitTransaction(
            batch.map(({ row }): TransactionAction => ['create', row]),
          );
        } catch (error) {
          if (!isConflict(error)) throw error;
        }
      }
      response ??= await client.submitTransaction(upserts);
      batch.forEach(({ row }, i) => {
        const etag = response.subResponses[i]?.etag;
        if (etag) etags.set(rowId(row), etag);
      });
    },
  );
  return etags;
}

/**
 * Confirms index rows: marks each with its record's version, guarded by the ETag its write got, so
 * a row another write changed since stays unconfirmed. One transaction per shard; a shard where a
 * row moved is confirmed row by row. Answers the rows another write changed (not confirmed).
 */
export async function confirmIndexRows<T extends { readonly row: Row; readonly version: string }>(
  client: TableClient,
  rows: readonly T[],
  etags: ReadonlyMap<string, string>,
): Promise<T[]> {
  const moved: T[] = [];
  const known = rows.flatMap((item) => {
    const etag = etags.get(rowId(item.row));
    const key = { partitionKey: item.row.partitionKey, rowKey: item.row.rowKey };
    return etag ? [{ key, version: item.version, etag, item }] : [];
  });
  const merge = (r: (typeof known)[number]): TransactionAction => [
    'update',
    { ...r.key, [INDEX_VERSION]: r.version },
    'Merge',
    { etag: r.etag },
  ];
  await mapBounded(
    batches(known, (r) => r.key.partitionKey),
    WRITE_CONCURRENCY,
    async (batch) => {
      try {
        await client.submitTransaction(batch.map(merge));
      } catch (error) {
        if (!isConflict(error)) throw error;
        await mapBounded(batch, WRITE_CONCURRENCY, async (r) => {
          try {
            await client.submitTransaction([merge(r)]);
          } catch (single) {
            if (!isConflict(single)) throw single;
            moved.push(r.item);
          }
        });
      }
    },
  );
  return moved;
}

/** Deletes search-index rows; rows already gone are fine (a batch with one falls back to single deletes). */
export async function deleteIndexRows(client: TableClient, rows: readonly Row[]): Promise<void> {
  await mapBounded(
    batches(rows, (r) => r.partitionKey),
    WRITE_CONCURRENCY,
    async (batch) => {
      try {
        await client.submitTransaction(
          batch.map((r): TransactionAction => ['delete', { partitionKey: r.partitionKey, rowKey: r.rowKey }]),
        );
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await mapBounded(batch, WRITE_CONCURRENCY, (r) => deleteIfExists(client, r.partitionKey, r.rowKey));
      }
    },
  );
}
