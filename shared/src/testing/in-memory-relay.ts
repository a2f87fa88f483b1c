import type { Instant, WorkspaceId } from '../common/types';
import type { Version } from '../records/versions';
import { plusMs } from '../common/instant';
import type { PendingOutboxIndex, RelayLease, RelayLeases } from '../application/relay/relay-ports';

type Row<T> = T & { readonly version: Version };

let versions = 0;
const nextVersion = (): Version => `W/"relay-${++versions}"` as Version;

/** The pending-outbox index as a map; same semantics as the directory rows (ETag-guarded clear). */
export class InMemoryPendingOutboxIndex implements PendingOutboxIndex {
  readonly marks = new Map<WorkspaceId, Row<{ markedAt: Instant }>>();

  async mark(ws: WorkspaceId, at: Instant): Promise<void> {
    this.marks.set(ws, { markedAt: at, version: nextVersion() });
  }

  async *list(): AsyncIterable<WorkspaceId> {
    yield* [...this.marks.keys()].sort();
  }

  async clear(ws: WorkspaceId, markedBefore: Instant): Promise<boolean> {
    const mark = this.marks.get(ws);
    if (!mark || mark.markedAt >= markedBefore) return false;
    this.marks.delete(ws);
    return true;
  }
}

/** Leases as a map with versions standing in for ETags. */
export class InMemoryRelayLeases implements RelayLeases {
  readonly leases = new Map<WorkspaceId, RelayLease>();

  async acquire(
    ws: WorkspaceId,
    owner: string,
    now: Instant,
    ttlMs: number,
  ): Promise<RelayLease | { busyUntil: Instant }> {
    const held = this.leases.get(ws);
    if (held && held.owner !== owner && held.until > now) return { busyUntil: held.until };
    const lease = { ws, owner, until: plusMs(now, ttlMs), version: nextVersion() };
    this.leases.set(ws, lease);
    return lease;
  }

  async renew(lease: RelayLease, now: Instant, ttlMs: number): Promise<RelayLease | undefined> {
    if (this.leases.get(lease.ws)?.version !== lease.version) return undefined;
    const renewed = { ...lease, until: plusMs(now, ttlMs), version: nextVersion() };
    this.leases.set(lease.ws, renewed);
    return renewed;
  }

  async release(lease: RelayLease): Promise<void> {
    if (this.leases.get(lease.ws)?.version === lease.version) this.leases.delete(lease.ws);
  }
}
