import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id, WorkspaceId } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import type { OutboxRepository, PendingEvent } from '../application/ports';
import type { Version } from '../records/versions';
import { summary, type Delivery } from '../application/relay/relay-ports';
import { copy, type InMemoryStore } from './in-memory-store';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Pending events oldest first; delivered ones are gone, failed ones count their attempts. */
export class InMemoryOutboxRepository implements OutboxRepository {
  constructor(private readonly store: InMemoryStore) {}

  async pending(ws: WorkspaceId, limit: number): Promise<PendingEvent[]> {
    const entries = [...(this.store.partitions.get(ws)?.outbox.values() ?? [])];
    return copy(
      entries
        .sort((a, b) => compare(a.event.occurredAt, b.event.occurredAt) || compare(a.event.id, b.event.id))
        .slice(0, limit),
    );
  }

  async saveDelivery(
    ws: WorkspaceId,
    event: DomainEvent,
    delivery: Delivery,
    expected: Version,
  ): Promise<Result<Version>> {
    const outbox = this.store.partitions.get(ws)?.outbox;
    const entry = outbox?.get(event.id);
    if (!outbox || !entry || entry.version !== expected) {
      return err(domainError('CONCURRENCY.STALE', 'The outbox event was changed by another relay.'));
    }
    const version = this.store.nextVersion();
    const { attempts, lastError } = summary(delivery);
    outbox.set(
      event.id,
      copy({ event: entry.event, attempts, ...(lastError ? { lastError } : {}), delivery, version }),
    );
    return ok(version);
  }

  async markDelivered(ws: WorkspaceId, eventId: Id): Promise<void> {
    this.store.partitions.get(ws)?.outbox.delete(eventId);
  }

  async markFailed(ws: WorkspaceId, eventId: Id, error: string): Promise<void> {
    const outbox = this.store.partitions.get(ws)?.outbox;
    const entry = outbox?.get(eventId);
    if (outbox && entry) {
      outbox.set(eventId, {
        ...entry,
        attempts: entry.attempts + 1,
        lastError: error.slice(0, 2000),
        version: this.store.nextVersion(),
      });
    }
  }
}
