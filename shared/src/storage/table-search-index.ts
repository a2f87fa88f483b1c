import type { TableClient, TransactionAction } from '@azure/data-tables';
import { mapBounded } from './bounded';
import type { Row } from './record-rows';
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

/**
 * Writes search-index rows, one transaction per shard. Rows of new records are created (stricter and
 * cheaper on Azurite); a batch that meets a row left by an earlier failed attempt is upserted instead.
 */
export async function writeIndexRows(
  client: TableClient,
  rows: readonly { readonly row: Row; readonly fresh: boolean }[],
): Promise<void> {
  await mapBounded(
    batches(rows, (r) => r.row.partitionKey),
    WRITE_CONCURRENCY,
    async (batch) => {
      const upserts = batch.map(({ row }): TransactionAction => ['upsert', row, 'Replace']);
      if (batch.every((r) => r.fresh)) {
        try {
          await client.submitTransaction(batch.map(({ row }): TransactionAction => ['create', row]));
          return;
        } catch (error) {
          if (!isConflict(error)) throw error;
        }
      }
      await client.submitTransaction(upserts);
    },
  );
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
