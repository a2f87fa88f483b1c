import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { Id, Instant, WorkspaceId } from '../common/types';
import type { DeletedRecord } from '../application/ports';
import type { Page } from '../records/versions';
import type { RecordKind } from '../records/records';
import { mapBounded } from './bounded';
import { decodeCursor, encodeCursor } from './cursor';
import {
  BIN_PREFIX,
  binBoundary,
  binKey,
  historyPrefix,
  isKeySafeId,
  prefixRange,
  recordKey,
} from './record-keys';
import { allRows, deleteIfExists, pagesOf, rangeFilter, takeRows } from './table-queries';
import { readStoredRecord } from './table-record-reads';
import { statusOf } from './table-errors';

const CONCURRENCY = 16;
const BIN_RANGE = prefixRange(BIN_PREFIX);

export async function getDeleted(
  client: TableClient,
  ws: WorkspaceId,
  kind: RecordKind,
  id: Id,
): Promise<DeletedRecord | undefined> {
  const stored = await readStoredRecord(client, ws, kind, id);
  if (!stored?.deletion) return undefined;
  return { kind, record: stored.record, version: stored.version, ...stored.deletion };
}

/** Newest deletion first: bin pointers in key order, each resolved to its record row. */
export async function recycleBin(
  client: TableClient,
  ws: WorkspaceId,
  query: { limit: number; cursor?: string },
): Promise<Page<DeletedRecord>> {
  if (!isKeySafeId(ws)) return { items: [] };
  const filter = rangeFilter(ws, BIN_RANGE, decodeCursor(query.cursor));
  const { rows, more } = await takeRows(client, filter, query.limit, ['RowKey', 'kind', 'id']);
  const found = await mapBounded(rows, CONCURRENCY, (row) =>
    getDeleted(client, ws, row.kind as RecordKind, String(row.id)),
  );
  const items = found.filter((d): d is DeletedRecord => d !== undefined);
  const last = rows.at(-1)?.rowKey;
  return more && last ? { items, nextCursor: encodeCursor(last) } : { items };
}

/**
 * "Deleted before T" is one key range of bin pointers. Each record row is deleted with the ETag it
 * was read with (a restore racing the purge wins), then its stage history and its pointer; a crash
 * in between leaves a pointer to nothing, which the next purge removes.
 */
export async function purgeDeleted(client: TableClient, ws: WorkspaceId, before: Instant): Promise<number> {
  if (!isKeySafeId(ws)) return 0;
  const range = { lo: binBoundary(before), hi: BIN_RANGE.hi };
  let purged = 0;
  for await (const page of pagesOf(client, rangeFilter(ws, range), { select: ['RowKey', 'kind', 'id'] })) {
    const done = await mapBounded(page.rows, CONCURRENCY, async (row) => {
      const kind = row.kind as RecordKind;
      const id = String(row.id);
      const stored = await readStoredRecord(client, ws, kind, id);
      if (stored && !stored.deletion) return false; // restored meanwhile; its pointer is already gone
      if (stored) {
        try {
          await client.deleteEntity(ws, recordKey(kind, id), { etag: stored.version });
        } catch (error) {
          if (statusOf(error) === 412 || statusOf(error) === 404) return false;
          throw error;
        }
        if (kind === 'opportunity') await deleteHistory(client, ws, id);
      }
      await deleteIfExists(client, ws, String(row.rowKey));
      return stored !== undefined;
    });
    purged += done.filter(Boolean).length;
  }
  return purged;
}

/** One record out of the bin for good, guarded like `purgeDeleted` by the ETag it was read with. */
export async function purgeRecord(
  client: TableClient,
  ws: WorkspaceId,
  kind: RecordKind,
  id: Id,
): Promise<boolean> {
  if (!isKeySafeId(ws) || !isKeySafeId(id)) return false;
  const stored = await readStoredRecord(client, ws, kind, id);
  if (!stored?.deletion) return false;
  try {
    await client.deleteEntity(ws, recordKey(kind, id), { etag: stored.version });
  } catch (error) {
    if (statusOf(error) === 412 || statusOf(error) === 404) return false;
    throw error;
  }
  if (kind === 'opportunity') await deleteHistory(client, ws, id);
  await deleteIfExists(client, ws, binKey(stored.deletion.deletedAt, kind, id));
  return true;
}

async function deleteHistory(client: TableClient, ws: WorkspaceId, opportunityId: Id): Promise<void> {
  const rows = await allRows(client, rangeFilter(ws, prefixRange(historyPrefix(opportunityId))), ['RowKey']);
  for (let i = 0; i < rows.length; i += 100) {
    const actions: TransactionAction[] = rows
      .slice(i, i + 100)
      .map((r) => ['delete', { partitionKey: ws, rowKey: String(r.rowKey) }]);
    await client.submitTransaction(actions);
  }
}
