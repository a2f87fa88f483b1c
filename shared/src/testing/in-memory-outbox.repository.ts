import type { Id, WorkspaceId } from '../common/types';
import type { OutboxEntry, OutboxRepository } from '../application/ports';
import { copy, type InMemoryStore } from './in-memory-store';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Pending events oldest first; delivered ones are gone, failed ones count their attempts. */
export class InMemoryOutboxRepository implements OutboxRepository {
  constructor(private readonly store: InMemoryStore) {}

  async pending(ws: WorkspaceId, limit: number): Promise<OutboxEntry[]> {
    const entries = [...(this.store.partitions.get(ws)?.outbox.values() ?? [])];
    return copy(
      entries
        .sort((a, b) => compare(a.event.occurredAt, b.event.occurredAt) || compare(a.event.id, b.event.id))
        .slice(0, limit),
    );
  }

  async markDelivered(ws: WorkspaceId, eventId: Id): Promise<void> {
    this.store.partitions.get(ws)?.outbox.delete(eventId);
  }

  async markFailed(ws: WorkspaceId, eventId: Id, error: string): Promise<void> {
    const outbox = this.store.partitions.get(ws)?.outbox;
    const entry = outbox?.get(eventId);
    if (outbox && entry) {
      outbox.set(eventId, { ...entry, attempts: entry.attempts + 1, lastError: error.slice(0, 2000) });
    }
  }
}
