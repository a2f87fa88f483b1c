import type { TableClient } from '@azure/data-tables';
import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id, WorkspaceId } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import type { OutboxRepository, PendingEvent } from '../application/ports';
import type { Version } from '../records/versions';
import { summary, type Delivery } from '../application/relay/relay-ports';
import { isKeySafeId, OUTBOX_PREFIX, outboxKey, prefixRange } from './record-keys';
import { outboxRow, readOutboxRow } from './record-rows';
import { isConflict, statusOf } from './table-errors';
import { allRows, deleteIfExists, pointRead, rangeFilter } from './table-queries';

const MAX_ERROR_LENGTH = 2000;

const stale = () => domainError('CONCURRENCY.STALE', 'The outbox event was changed by another relay.');

/**
 * `out|<eventId>` rows written by `commit`. Delivered events are deleted, so the range holds exactly
 * the pending ones; they are delivered oldest first (by occurredAt, then id), whatever the id order.
 * The relay keeps each event's per-target delivery state on its row (`delivery` columns).
 */
export class TableOutboxRepository implements OutboxRepository {
  constructor(private readonly client: TableClient) {}

  async pending(ws: WorkspaceId, limit: number): Promise<PendingEvent[]> {
    if (!isKeySafeId(ws)) return [];
    const rows = await allRows(this.client, rangeFilter(ws, prefixRange(OUTBOX_PREFIX)));
    return rows
      .map((row) => ({ ...readOutboxRow(row), version: row.etag as Version }))
      .sort((a, b) => compare(a.event.occurredAt, b.event.occurredAt) || compare(a.event.id, b.event.id))
      .slice(0, limit);
  }

  /** Replaces the row (its delivery columns may shrink), with the ETag read. */
  async saveDelivery(
    ws: WorkspaceId,
    event: DomainEvent,
    delivery: Delivery,
    expected: Version,
  ): Promise<Result<Version>> {
    if (!isKeySafeId(ws) || !isKeySafeId(event.id)) return err(stale());
    const { attempts, lastError } = summary(delivery);
    try {
      const response = await this.client.updateEntity(
        outboxRow(ws, {
          event,
          attempts,
          ...(lastError !== undefined ? { lastError: lastError.slice(0, MAX_ERROR_LENGTH) } : {}),
          delivery,
        }),
        'Replace',
        { etag: expected },
      );
      if (!response.etag) throw new Error(`The update of event ${event.id} returned no ETag`);
      return ok(response.etag as Version);
    } catch (error) {
      if (isConflict(error)) return err(stale());
      throw error;
    }
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
