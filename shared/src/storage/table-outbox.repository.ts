import type { TableClient, TransactionAction } from '@azure/data-tables';
import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id, Instant, WorkspaceId } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import type { DeadLetter, OutboxRepository, PendingEvent } from '../application/ports';
import type { Page, Version } from '../records/versions';
import { restartDelivery, summary, type Delivery } from '../application/relay/relay-ports';
import { decodeCursor, encodeCursor } from './cursor';
import { jsonColumns, readJsonColumns } from './json-columns';
import { DEAD_LETTER_PREFIX, deadLetterKey, isKeySafeId, OUTBOX_PREFIX, prefixRange } from './record-keys';
import { outboxRow, readOutboxRow } from './record-rows';
import { isConflict } from './table-errors';
import { deleteIfExists, pointRead, rangeFilter, takeRows } from './table-queries';

const MAX_ERROR_LENGTH = 2000;

const stale = () => domainError('CONCURRENCY.STALE', 'The outbox event was changed by another relay.');
const noDeadLetter = () =>
  domainError('NOTIFICATION.NOT_FOUND', 'There is no such undelivered notification.');

/**
 * `out|<occurredAt>|<eventId>` rows written by `commit`, in delivery order by key. Delivered events are
 * deleted, so the range holds exactly the pending ones, and a page of it is the oldest pending events;
 * the relay keeps each event's per-target delivery state on its row (`delivery` columns) and pages on
 * from the last row it read. Events it gave up on move to `dlq|<eventId>` rows (see KEYS.md).
 */
export class TableOutboxRepository implements OutboxRepository {
  constructor(private readonly client: TableClient) {}

  async pending(ws: WorkspaceId, limit: number, after?: string): Promise<PendingEvent[]> {
    if (!isKeySafeId(ws)) return [];
    const range = prefixRange(OUTBOX_PREFIX);
    const { rows } = await takeRows(this.client, rangeFilter(ws, range, after), limit);
    return rows.map((row) => ({
      ...readOutboxRow(row),
      version: row.etag as Version,
      position: String(row.rowKey),
    }));
  }

  /** Replaces the row (its delivery columns may shrink), with the ETag read. */
  async saveDelivery(
    ws: WorkspaceId,
    entry: Pick<PendingEvent, 'event' | 'position'>,
    delivery: Delivery,
    expected: Version,
  ): Promise<Result<Version>> {
    if (!isKeySafeId(ws) || !entry.position.startsWith(OUTBOX_PREFIX)) return err(stale());
    try {
      const response = await this.client.updateEntity(
        { ...this.row(ws, entry.event, delivery), rowKey: entry.position },
        'Replace',
        { etag: expected },
      );
      if (!response.etag) throw new Error(`The update of event ${entry.event.id} returned no ETag`);
      return ok(response.etag as Version);
    } catch (error) {
      if (isConflict(error)) return err(stale());
      throw error;
    }
  }

  async markDelivered(ws: WorkspaceId, entry: Pick<PendingEvent, 'position'>): Promise<void> {
    if (isKeySafeId(ws) && entry.position.startsWith(OUTBOX_PREFIX))
      await deleteIfExists(this.client, ws, entry.position);
  }

  async deadLetter(
    ws: WorkspaceId,
    entry: PendingEvent,
    delivery: Delivery | undefined,
    at: Instant,
  ): Promise<boolean> {
    if (!isKeySafeId(ws) || !isKeySafeId(entry.event.id)) return false;
    const { attempts, lastError } = delivery ? summary(delivery) : entry;
    const letter: DeadLetter = {
      event: entry.event,
      attempts,
      ...(lastError !== undefined ? { lastError: lastError.slice(0, MAX_ERROR_LENGTH) } : {}),
      deadAt: at,
      ...(delivery ? { delivery } : {}),
    };
    try {
      await this.client.submitTransaction([
        ['create', deadLetterRow(ws, letter)],
        ['delete', { partitionKey: ws, rowKey: entry.position }],
      ]);
      return true;
    } catch (error) {
      // Gone meanwhile (delivered or dead-lettered by another relay), or dead-lettered before.
      if (isConflict(error)) return false;
      throw error;
    }
  }

  async deadLetters(
    ws: WorkspaceId,
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<DeadLetter>> {
    if (!isKeySafeId(ws)) return { items: [] };
    const range = prefixRange(DEAD_LETTER_PREFIX);
    const { rows, more } = await takeRows(
      this.client,
      rangeFilter(ws, range, decodeCursor(page.cursor)),
      page.limit,
    );
    const items = rows.map(readDeadLetterRow);
    const last = rows.at(-1)?.rowKey;
    return more && last ? { items, nextCursor: encodeCursor(String(last)) } : { items };
  }

  async requeue(ws: WorkspaceId, eventId: Id): Promise<Result<DeadLetter>> {
    if (!isKeySafeId(ws) || !isKeySafeId(eventId)) return err(noDeadLetter());
    const row = await pointRead(this.client, ws, deadLetterKey(eventId));
    if (!row) return err(noDeadLetter());
    const letter = readDeadLetterRow(row);
    const delivery = restartDelivery(letter.delivery);
    const pending = outboxRow(ws, { event: letter.event, attempts: 0, ...(delivery ? { delivery } : {}) });
    const remove: TransactionAction = ['delete', { partitionKey: ws, rowKey: deadLetterKey(eventId) }];
    try {
      await this.client.submitTransaction([['create', pending], remove]);
    } catch (error) {
      if (!isConflict(error)) throw error;
      // Already back in the outbox (a retry that lost its answer): only the dead letter is left to go.
      await deleteIfExists(this.client, ws, deadLetterKey(eventId));
    }
    return ok(letter);
  }

  private row(ws: WorkspaceId, event: DomainEvent, delivery: Delivery) {
    const { attempts, lastError } = summary(delivery);
    return outboxRow(ws, {
      event,
      attempts,
      ...(lastError !== undefined ? { lastError: lastError.slice(0, MAX_ERROR_LENGTH) } : {}),
      delivery,
    });
  }
}

const deadLetterRow = (ws: WorkspaceId, letter: DeadLetter) => ({
  partitionKey: ws,
  rowKey: deadLetterKey(letter.event.id),
  ...jsonColumns(letter),
});

const readDeadLetterRow = (row: Readonly<Record<string, unknown>>): DeadLetter =>
  readJsonColumns<DeadLetter>(row);
