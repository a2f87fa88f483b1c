import { odata, type TableClient } from '@azure/data-tables';
import type { Instant, WorkspaceId } from '../common/types';
import type { PendingOutboxIndex } from '../application/relay/relay-ports';
import { isKeySafeId } from './record-keys';
import { PENDING_PREFIX, pendingPartition } from './relay-keys';
import { isConflict } from './table-errors';
import { pagesOf, pointRead } from './table-queries';

/** Workspaces that may have pending events, in the directory table (`obx|p|<shard>`, workspace id). */
export class TablePendingOutboxIndex implements PendingOutboxIndex {
  constructor(private readonly directory: TableClient) {}

  async mark(ws: WorkspaceId, at: Instant): Promise<void> {
    if (!isKeySafeId(ws)) return;
    // Replace, so the ETag changes and a sweep that read the old mark cannot remove this one.
    await this.directory.upsertEntity(
      { partitionKey: pendingPartition(ws), rowKey: ws, markedAt: at },
      'Replace',
    );
  }

  /** One range query over the 16 shards; only marked workspaces are read, never all of them. */
  async *list(): AsyncIterable<WorkspaceId> {
    const filter = odata`PartitionKey ge ${PENDING_PREFIX} and PartitionKey lt ${`${PENDING_PREFIX}~`}`;
    for await (const page of pagesOf(this.directory, filter, { select: ['RowKey'] })) {
      for (const row of page.rows) if (typeof row.rowKey === 'string') yield row.rowKey;
    }
  }

  async clear(ws: WorkspaceId, markedBefore: Instant): Promise<boolean> {
    if (!isKeySafeId(ws)) return false;
    const row = await pointRead(this.directory, pendingPartition(ws), ws);
    if (!row) return false;
    if (typeof row.markedAt === 'string' && row.markedAt >= markedBefore) return false;
    try {
      await this.directory.deleteEntity(pendingPartition(ws), ws, { etag: row.etag });
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }
}
