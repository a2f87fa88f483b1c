import { randomBytes } from 'node:crypto';
import { connectTableStorage } from './connect';
import { memoryLeases, type Leases } from './leases';
import { TableLeases } from './table-leases';

/** The leases every instance shares, on Azurite and in memory alike (the clock is the leases' own). */
const kinds: [string, (nowMs: () => number) => Promise<Leases>][] = [
  ['memory', async (nowMs) => memoryLeases(nowMs)],
  [
    'Azurite',
    async (nowMs) => {
      const storage = connectTableStorage(
        { connectionString: process.env.TEST_STORAGE_CONNECTION_STRING as string },
        { tablePrefix: `ls${randomBytes(5).toString('hex')}` },
      );
      await storage.ensureTables();
      return new TableLeases(storage.backupTables.directory, nowMs);
    },
  ],
];

describe.each(kinds)('leases (%s)', (_name, make) => {
  let now = 1_000_000;
  let leases: Leases;
  beforeEach(async () => {
    now = 1_000_000;
    leases = await make(() => now);
  });

  it('given a held lease, then another holder is refused until it expires, then takes it over', async () => {
    const a = await leases.acquire('imp', 'ws|job', 'a', 1000, { ws: 'ws', job: 'job' });
    expect(a).toMatchObject({ owner: 'a', untilMs: 1_001_000 });
    expect(await leases.acquire('imp', 'ws|job', 'b', 1000)).toBeUndefined();
    now += 999;
    expect(await leases.acquire('imp', 'ws|job', 'b', 1000)).toBeUndefined();
    now += 2;
    const b = await leases.acquire('imp', 'ws|job', 'b', 1000);
    // The row keeps what it carried.
    expect(b).toMatchObject({ owner: 'b', data: { ws: 'ws', job: 'job' } });
    // The old holder's renewal fails: it has lost the job.
    expect(await leases.renew(a!, 1000)).toBeUndefined();
    expect(await leases.list('imp')).toEqual([
      { key: 'ws|job', owner: 'b', untilMs: now + 1000, data: { ws: 'ws', job: 'job' } },
    ]);
  });

  it('given a renewed lease, then it lasts from the renewal, and a release by its holder frees it', async () => {
    const a = await leases.acquire('isl', 's|0', 'a', 1000);
    now += 900;
    const renewed = await leases.renew(a!, 1000);
    now += 900;
    expect(await leases.acquire('isl', 's|0', 'b', 1000)).toBeUndefined();
    // A release with an old version leaves the row (it is the renewed lease's).
    expect(await leases.release(a!)).toBe(false);
    expect(await leases.acquire('isl', 's|0', 'b', 1000)).toBeUndefined();
    expect(await leases.get('isl', 's|0')).toMatchObject({ owner: 'a', version: renewed!.version });
    expect(await leases.release(renewed!)).toBe(true);
    expect(await leases.get('isl', 's|0')).toBeUndefined();
    expect(await leases.acquire('isl', 's|0', 'b', 1000)).toMatchObject({ owner: 'b' });
  });

  it('given two claims of one period at once, then exactly one wins; the next period is claimed again', async () => {
    const first = await Promise.all(
      Array.from({ length: 4 }, () =>
        leases.claimPeriod('run', 'housekeeping|ws', '2026-12-06T06:00:00.000Z'),
      ),
    );
    expect(first.filter(Boolean)).toHaveLength(1);
    expect(await leases.claimPeriod('run', 'housekeeping|ws', '2026-12-06T06:00:00.000Z')).toBe(false);
    // An earlier period (a slow instance) never runs again.
    expect(await leases.claimPeriod('run', 'housekeeping|ws', '2026-12-06T00:00:00.000Z')).toBe(false);
    const next = await Promise.all(
      Array.from({ length: 4 }, () =>
        leases.claimPeriod('run', 'housekeeping|ws', '2026-12-06T12:00:00.000Z'),
      ),
    );
    expect(next.filter(Boolean)).toHaveLength(1);
    expect(await leases.claimPeriod('run', 'housekeeping|other', '2026-12-06T12:00:00.000Z')).toBe(true);
  });
});
