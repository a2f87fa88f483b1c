import type { TableClient } from '@azure/data-tables';
import type { Id, WorkspaceId } from '../common/types';
import type { OutboxEntry, OutboxRepository } from '../application/ports';
import { isKeySafeId, OUTBOX_PREFIX, outboxKey, prefixRange } from './record-keys';
import { readOutboxRow } from './record-rows';
import { statusOf } from './table-errors';
import { allRows, deleteIfExists, pointRead, rangeFilter } from './table-queries';

const MAX_ERROR_LENGTH = 2000;

/**
 * `out|<eventId>` rows written by `commit`. Delivered events are deleted, so the range holds exactly
 * the pending ones; they are delivered oldest first (by occurredAt, then id), whatever the id order.
 */
export class TableOutboxRepository implements OutboxRepository {
  constructor(private readonly client: TableClient) {}

  async pending(ws: WorkspaceId, limit: number): Promise<OutboxEntry[]> {
    if (!isKeySafeId(ws)) return [];
    const rows = await allRows(this.client, rangeFilter(ws, prefixRange(OUTBOX_PREFIX)));
    return rows
      .map(readOutboxRow)
      .sort((a, b) => compare(a.event.occurredAt, b.event.occurredAt) || compare(a.event.id, b.event.id))
      .slice(0, limit);
  }

  async markDelivered(ws: WorkspaceId, eventId: Id): Promise<void> {
    if (isKeySafeId(ws) && isKeySafeId(eventId)) await deleteIfExists(this.client, ws, outboxKey(eventId));
  }

  /** Counts the attempt; read-modify-write with the ETag, retried when two relays race. */
  async markFailed(ws: WorkspaceId, eventId: Id, error: string): Promise<void> {
    if (!isKeySafeId(ws) || !isKeySafeId(eventId)) return;
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await pointRead(this.client, ws, outboxKey(eventId));
      if (!row) return;
      const attempts = Number(row.attempts ?? 0) + 1;
      try {
        await this.client.updateEntity(
          {
            partitionKey: ws,
            rowKey: outboxKey(eventId),
            attempts,
            lastError: error.slice(0, MAX_ERROR_LENGTH),
          },
          'Merge',
          { etag: row.etag },
        );
        return;
      } catch (e) {
        if (statusOf(e) === 404) return;
        if (statusOf(e) !== 412) throw e;
      }
    }
    throw new Error(`Could not record the failure of event ${eventId}: the row kept changing`);
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
