import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id, Instant, WorkspaceId } from '../common/types';
import type { DeadLetter, OutboxRepository, PendingEvent } from '../application/ports';
import type { Page, Version } from '../records/versions';
import { restartDelivery, summary, type Delivery } from '../application/relay/relay-ports';
import { copy, pageAfter, type InMemoryStore } from './in-memory-store';

/** The Table rows' order: time, then id. */
const positionOf = (event: { readonly occurredAt: string; readonly id: string }): string =>
  `${event.occurredAt}|${event.id}`;
const stale = () => domainError('CONCURRENCY.STALE', 'The outbox event was changed by another relay.');

/** Pending events oldest first, paged by position; delivered ones are gone, given-up ones dead letters. */
export class InMemoryOutboxRepository implements OutboxRepository {
  constructor(private readonly store: InMemoryStore) {}

  async pending(ws: WorkspaceId, limit: number, after?: string): Promise<PendingEvent[]> {
    const entries = [...(this.store.partitions.get(ws)?.outbox.values() ?? [])]
      .map((entry) => ({ ...entry, position: positionOf(entry.event) }))
      .filter((entry) => after === undefined || entry.position > after)
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    return copy(entries.slice(0, limit));
  }

  async saveDelivery(
    ws: WorkspaceId,
    entry: Pick<PendingEvent, 'event' | 'position'>,
    delivery: Delivery,
    expected: Version,
  ): Promise<Result<Version>> {
    const outbox = this.store.partitions.get(ws)?.outbox;
    const stored = outbox?.get(entry.event.id);
    if (!outbox || !stored || stored.version !== expected) return err(stale());
    const version = this.store.nextVersion();
    const { attempts, lastError } = summary(delivery);
    outbox.set(
      entry.event.id,
      copy({ event: stored.event, attempts, ...(lastError ? { lastError } : {}), delivery, version }),
    );
    return ok(version);
  }

  async markDelivered(ws: WorkspaceId, entry: Pick<PendingEvent, 'position'>): Promise<void> {
    const outbox = this.store.partitions.get(ws)?.outbox;
    for (const [id, stored] of outbox ?? [])
      if (positionOf(stored.event) === entry.position) outbox?.delete(id);
  }

  async deadLetter(
    ws: WorkspaceId,
    entry: PendingEvent,
    delivery: Delivery | undefined,
    at: Instant,
  ): Promise<boolean> {
    const partition = this.store.partitions.get(ws);
    if (!partition?.outbox.has(entry.event.id) || partition.deadLetters.has(entry.event.id)) return false;
    const { attempts, lastError } = delivery ? summary(delivery) : entry;
    partition.outbox.delete(entry.event.id);
    partition.deadLetters.set(
      entry.event.id,
      copy({
        event: entry.event,
        attempts,
        ...(lastError !== undefined ? { lastError } : {}),
        deadAt: at,
        ...(delivery ? { delivery } : {}),
      }),
    );
    return true;
  }

  async deadLetters(
    ws: WorkspaceId,
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<DeadLetter>> {
    // Newest first, as event ids sort.
    const keyed = [...(this.store.partitions.get(ws)?.deadLetters ?? [])]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, letter]) => [id, copy(letter)] as const);
    return pageAfter(keyed, page.limit, page.cursor);
  }

  async requeue(ws: WorkspaceId, eventId: Id): Promise<Result<DeadLetter>> {
    const partition = this.store.partitions.get(ws);
    const letter = partition?.deadLetters.get(eventId);
    if (!partition || !letter)
      return err(domainError('NOTIFICATION.NOT_FOUND', 'There is no such undelivered notification.'));
    partition.deadLetters.delete(eventId);
    if (!partition.outbox.has(eventId)) {
      const delivery = restartDelivery(letter.delivery);
      partition.outbox.set(
        eventId,
        copy({
          event: letter.event,
          attempts: 0,
          ...(delivery ? { delivery } : {}),
          version: this.store.nextVersion(),
        }),
      );
    }
    return ok(copy(letter));
  }
}
