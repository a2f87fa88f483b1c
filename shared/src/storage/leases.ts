// Leases without the storage SDK: the browser-side test harness (jsdom) loads the import routes,
// which fall back to memoryLeases, and must not load @azure/data-tables to do so.
/** A row one holder has until `untilMs`: taken and renewed with the ETag read, so two cannot both hold it. */
export type Lease = {
  readonly partition: string;
  readonly key: string;
  readonly owner: string;
  readonly untilMs: number;
  readonly version: string;
  /** What the row carries beside its holder (a job's workspace, a slot's person). */
  readonly data: Readonly<Record<string, string>>;
};

/** A lease row as listed: whoever holds it, until when. */
export type LeaseRow = Omit<Lease, 'version' | 'partition'>;

/**
 * Leases and once-per-period markers shared by every instance (the directory table in Azure, or
 * memory for one process in tests). An expired lease (its holder died or stopped renewing) is taken
 * over by the next instance that asks.
 */
export interface Leases {
  /** Creates the row, or takes it over when it expired or is already `owner`'s; undefined while another holds it. */
  acquire(
    partition: string,
    key: string,
    owner: string,
    ttlMs: number,
    data?: Readonly<Record<string, string>>,
  ): Promise<Lease | undefined>;
  /** Extends a held lease; undefined when another took it over meanwhile. */
  renew(lease: Lease, ttlMs: number): Promise<Lease | undefined>;
  /** Deletes the row if it is still this lease (a taken-over one stays the new holder's); whether it did. */
  release(lease: Lease): Promise<boolean>;
  /** The row as it is, held or expired, with its version; undefined when there is none. */
  get(partition: string, key: string): Promise<Lease | undefined>;
  /** Every row of a partition, held or expired. */
  list(partition: string): Promise<LeaseRow[]>;
  /**
   * Claims `period` of the work named `partition`/`key`: true for exactly one caller per period,
   * however many instances ask (created if absent, else replaced with the ETag read when its period
   * is another). Periods are compared as strings: callers use sortable ones (ISO times, dates).
   */
  claimPeriod(partition: string, key: string, period: string): Promise<boolean>;
}

/** The same for one process (tests, and a server without shared storage for them). */
export function memoryLeases(nowMs: () => number = Date.now): Leases {
  type Row = { owner: string; untilMs: number; version: number; data: Record<string, string> };
  const rows = new Map<string, Map<string, Row>>();
  const periods = new Map<string, string>();
  let versions = 0;
  const partitionOf = (p: string) => {
    let found = rows.get(p);
    if (!found) rows.set(p, (found = new Map()));
    return found;
  };
  const leaseOf = (partition: string, key: string, row: Row): Lease => ({
    partition,
    key,
    owner: row.owner,
    untilMs: row.untilMs,
    version: String(row.version),
    data: row.data,
  });
  return {
    async acquire(partition, key, owner, ttlMs, data = {}) {
      const held = partitionOf(partition).get(key);
      if (held && held.owner !== owner && held.untilMs > nowMs()) return undefined;
      const row = { owner, untilMs: nowMs() + ttlMs, version: ++versions, data: { ...held?.data, ...data } };
      partitionOf(partition).set(key, row);
      return leaseOf(partition, key, row);
    },
    async renew(lease, ttlMs) {
      const held = partitionOf(lease.partition).get(lease.key);
      if (!held || String(held.version) !== lease.version) return undefined;
      const row = { ...held, untilMs: nowMs() + ttlMs, version: ++versions };
      partitionOf(lease.partition).set(lease.key, row);
      return leaseOf(lease.partition, lease.key, row);
    },
    async release(lease) {
      const held = partitionOf(lease.partition).get(lease.key);
      if (!held || String(held.version) !== lease.version) return false;
      partitionOf(lease.partition).delete(lease.key);
      return true;
    },
    async get(partition, key) {
      const row = partitionOf(partition).get(key);
      return row ? leaseOf(partition, key, row) : undefined;
    },
    async list(partition) {
      return [...partitionOf(partition)].map(([key, row]) => ({
        key,
        owner: row.owner,
        untilMs: row.untilMs,
        data: row.data,
      }));
    },
    async claimPeriod(partition, key, period) {
      const id = `${partition}\u0000${key}`;
      const last = periods.get(id);
      if (last !== undefined && last >= period) return false;
      periods.set(id, period);
      return true;
    },
  };
}
