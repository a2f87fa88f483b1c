import type { WorkspaceId } from '../common/types';

/**
 * The outbox relay's rows in the directory table (see KEYS.md), spread over 16 shards by workspace so
 * that neither the mark written before every commit with events nor the leases crowd one partition:
 * - `obx|p|<shard>` / workspace id: the workspace may have pending events (column `markedAt`);
 * - `obx|l|<shard>` / workspace id: the relay instance delivering its events (`owner`, `until`).
 */
export const SHARDS = 16;
export const PENDING_PREFIX = 'obx|p|';
export const LEASE_PREFIX = 'obx|l|';

/** A stable shard in 0..15 (FNV-1a of the id), as one hex digit. */
export function shardOf(ws: WorkspaceId): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < ws.length; i++) {
    hash ^= ws.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % SHARDS).toString(16);
}

export const pendingPartition = (ws: WorkspaceId): string => `${PENDING_PREFIX}${shardOf(ws)}`;
export const leasePartition = (ws: WorkspaceId): string => `${LEASE_PREFIX}${shardOf(ws)}`;
