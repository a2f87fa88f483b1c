import { odata, type TableClient } from '@azure/data-tables';
import type { Lease, LeaseRow, Leases } from './leases';
import { isConflict } from './table-errors';
import { allRows, deleteIfExists, pointRead } from './table-queries';

/** The rows' partitions start with this, apart from every other kind of directory row (see KEYS.md). */
export const LEASE_PARTITION_PREFIX = 'lse|';

const DATA_PREFIX = 'd_';

export class TableLeases implements Leases {
  constructor(
    private readonly directory: TableClient,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async acquire(
    partition: string,
    key: string,
    owner: string,
    ttlMs: number,
    data: Readonly<Record<string, string>> = {},
  ): Promise<Lease | undefined> {
    const pk = LEASE_PARTITION_PREFIX + partition;
    const untilMs = this.nowMs() + ttlMs;
    const entity = { partitionKey: pk, rowKey: key, owner, untilMs, ...dataColumns(data) };
    const row = await pointRead(this.directory, pk, key);
    try {
      if (!row) {
        const created = await this.directory.createEntity(entity);
        return { partition, key, owner, untilMs, version: created.etag as string, data };
      }
      const heldUntil = typeof row.untilMs === 'number' ? row.untilMs : 0;
      if (row.owner !== owner && heldUntil > this.nowMs()) return undefined;
      // A taken-over row keeps what it carried unless the new holder says otherwise.
      const kept = { ...dataOf(row), ...data };
      const updated = await this.directory.updateEntity({ ...entity, ...dataColumns(kept) }, 'Replace', {
        etag: row.etag,
      });
      return { partition, key, owner, untilMs, version: updated.etag as string, data: kept };
    } catch (error) {
      // Another instance created or took it between our read and write.
      if (isConflict(error)) return undefined;
      throw error;
    }
  }

  async renew(lease: Lease, ttlMs: number): Promise<Lease | undefined> {
    const untilMs = this.nowMs() + ttlMs;
    try {
      const updated = await this.directory.updateEntity(
        {
          partitionKey: LEASE_PARTITION_PREFIX + lease.partition,
          rowKey: lease.key,
          owner: lease.owner,
          untilMs,
          ...dataColumns(lease.data),
        },
        'Replace',
        { etag: lease.version },
      );
      return { ...lease, untilMs, version: updated.etag as string };
    } catch (error) {
      if (isConflict(error)) return undefined;
      throw error;
    }
  }

  async release(lease: Lease): Promise<boolean> {
    try {
      return await deleteIfExists(
        this.directory,
        LEASE_PARTITION_PREFIX + lease.partition,
        lease.key,
        lease.version,
      );
    } catch (error) {
      if (!isConflict(error)) throw error;
      return false;
    }
  }

  async get(partition: string, key: string): Promise<Lease | undefined> {
    const row = await pointRead(this.directory, LEASE_PARTITION_PREFIX + partition, key);
    if (!row) return undefined;
    return {
      partition,
      key,
      owner: typeof row.owner === 'string' ? row.owner : '',
      untilMs: typeof row.untilMs === 'number' ? row.untilMs : 0,
      version: row.etag as string,
      data: dataOf(row),
    };
  }

  async list(partition: string): Promise<LeaseRow[]> {
    const rows = await allRows(this.directory, odata`PartitionKey eq ${LEASE_PARTITION_PREFIX + partition}`);
    return rows.map((row) => ({
      key: row.rowKey as string,
      owner: typeof row.owner === 'string' ? row.owner : '',
      untilMs: typeof row.untilMs === 'number' ? row.untilMs : 0,
      data: dataOf(row),
    }));
  }

  async claimPeriod(partition: string, key: string, period: string): Promise<boolean> {
    const pk = LEASE_PARTITION_PREFIX + partition;
    const row = await pointRead(this.directory, pk, key);
    try {
      if (!row) {
        await this.directory.createEntity({ partitionKey: pk, rowKey: key, period });
        return true;
      }
      if (typeof row.period === 'string' && row.period >= period) return false;
      await this.directory.updateEntity({ partitionKey: pk, rowKey: key, period }, 'Replace', {
        etag: row.etag,
      });
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }
}

const dataColumns = (data: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(data).map(([k, v]) => [DATA_PREFIX + k, v]));

const dataOf = (row: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([k, v]) => k.startsWith(DATA_PREFIX) && typeof v === 'string')
      .map(([k, v]) => [k.slice(DATA_PREFIX.length), v as string]),
  );
