import type { TableClient } from '@azure/data-tables';
import type { Id, WorkspaceId } from '../common/types';
import type { Version, Versioned } from '../records/versions';
import type { RecordKind, RecordOf } from '../records/records';
import { isKeySafeId, recordKey } from './record-keys';
import { readRecordRow, type StoredRecord } from './record-rows';
import { pointRead, type StoredRow } from './table-queries';

export type StoredVersioned = StoredRecord & { readonly version: Version };

export const versionOf = (row: StoredRow): Version => row.etag as Version;

/** The record row, deleted or not; undefined for ids that cannot name a row. */
export async function readStoredRecord(
  client: TableClient,
  ws: WorkspaceId,
  kind: RecordKind,
  id: Id,
): Promise<StoredVersioned | undefined> {
  if (!isKeySafeId(ws) || !isKeySafeId(id)) return undefined;
  const row = await pointRead(client, ws, recordKey(kind, id));
  return row ? { ...readRecordRow(row), version: versionOf(row) } : undefined;
}

export async function readLiveRecord<K extends RecordKind>(
  client: TableClient,
  ws: WorkspaceId,
  kind: K,
  id: Id,
): Promise<Versioned<RecordOf[K]> | undefined> {
  const stored = await readStoredRecord(client, ws, kind, id);
  if (!stored || stored.deletion) return undefined;
  return { record: stored.record as RecordOf[K], version: stored.version };
}

/** A listed record row (the list filter already excluded deleted ones). */
export const liveFromRow = <K extends RecordKind>(row: StoredRow): Versioned<RecordOf[K]> => ({
  record: readRecordRow(row).record as RecordOf[K],
  version: versionOf(row),
});
