import type { TableClient } from '@azure/data-tables';
import type { Instant, WorkspaceId } from '../common/types';
import type { Version } from '../records/versions';
import type { RelayLease, RelayLeases } from '../application/relay/relay-ports';
import { plusMs } from '../common/instant';
import { isKeySafeId } from './record-keys';
import { leasePartition } from './relay-keys';
import { isConflict } from './table-errors';
import { deleteIfExists, pointRead } from './table-queries';

/**
 * One lease row per workspace being delivered (`obx|l|<shard>`, workspace id), taken and renewed with
 * ETags so two instances cannot both hold it; an expired lease (a dead instance) is taken over.
 * Released leases are deleted, so the rows stay as few as the workspaces in delivery.
 */
export class TableRelayLeases implements RelayLeases {
  constructor(private readonly directory: TableClient) {}

  async acquire(
    ws: WorkspaceId,
    owner: string,
    now: Instant,
    ttlMs: number,
  ): Promise<RelayLease | { busyUntil: Instant }> {
    if (!isKeySafeId(ws)) throw new Error(`Workspace id ${JSON.stringify(ws)} cannot be a key`);
    const until = plusMs(now, ttlMs);
    const entity = { partitionKey: leasePartition(ws), rowKey: ws, owner, until };
    const row = await pointRead(this.directory, leasePartition(ws), ws);
    try {
      if (!row) {
        const created = await this.directory.createEntity(entity);
        return { ws, owner, until, version: created.etag as Version };
      }
      const heldUntil = typeof row.until === 'string' ? row.until : now;
      if (row.owner !== owner && heldUntil > now) return { busyUntil: heldUntil };
      const updated = await this.directory.updateEntity(entity, 'Replace', { etag: row.etag });
      return { ws, owner, until, version: updated.etag as Version };
    } catch (error) {
      // Another instance took it between our read and write.
      if (isConflict(error)) return { busyUntil: until };
      throw error;
    }
  }

  async renew(lease: RelayLease, now: Instant, ttlMs: number): Promise<RelayLease | undefined> {
    const until = plusMs(now, ttlMs);
    try {
      const updated = await this.directory.updateEntity(
        { partitionKey: leasePartition(lease.ws), rowKey: lease.ws, owner: lease.owner, until },
        'Replace',
        { etag: lease.version },
      );
      return { ...lease, until, version: updated.etag as Version };
    } catch (error) {
      if (isConflict(error)) return undefined;
      throw error;
    }
  }

  async release(lease: RelayLease): Promise<void> {
    try {
      await deleteIfExists(this.directory, leasePartition(lease.ws), lease.ws, lease.version);
    } catch (error) {
      // Taken over meanwhile: it is the other instance's now.
      if (!isConflict(error)) throw error;
    }
  }
}
