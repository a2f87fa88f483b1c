import { randomBytes } from 'node:crypto';
import type { WorkspaceId } from '@crm/shared';
import { createWorkspace, type ImportDeps } from '@crm/shared/application';
import { connectTableStorage, createIdGenerator } from '@crm/shared/storage';
import { fixedClock } from '@crm/shared/testing';
import { createLogger } from './http/logging';
import { startRecyclePurge } from './recycle-purge';

/**
 * Two instances running the housekeeping over one store (Azurite): each workspace's purge runs once
 * per period, however many instances tick and however they interleave; the next period runs again.
 */
describe('housekeeping on several instances', () => {
  it('given two instances ticking at once, then each workspace is purged once per period', async () => {
    const storage = connectTableStorage(
      { connectionString: process.env.TEST_STORAGE_CONNECTION_STRING as string },
      { tablePrefix: `hk${randomBytes(5).toString('hex')}` },
    );
    await storage.ensureTables();
    const clock = fixedClock('2026-12-06T07:00:00.000Z');
    const purges: WorkspaceId[] = [];
    // Each instance has its own repositories' view, as two processes would; purges are counted.
    const instance = (): ImportDeps => ({
      records: new Proxy(storage.records, {
        get(target, name, receiver) {
          if (name !== 'purgeDeleted') return Reflect.get(target, name, receiver) as unknown;
          return (ws: WorkspaceId, before: string) => {
            purges.push(ws);
            return target.purgeDeleted(ws, before);
          };
        },
      }),
      workspaces: storage.workspaces,
      outbox: storage.outbox,
      importJobs: storage.importJobs,
      teams: storage.teams,
      conversations: storage.conversations,
      clock,
      ids: createIdGenerator(),
    });
    const [a, b] = [instance(), instance()];
    const anna = { tenantId: 'tenant-housekeeping', userId: 'anna', name: 'Anna' };
    const ids: WorkspaceId[] = [];
    for (const name of ['North', 'South', 'West']) {
      const made = await createWorkspace(a, anna, { name });
      if (!made.ok) throw new Error(made.error.code);
      ids.push(made.value.record.id);
    }
    const options = { leases: storage.leases, firstMs: 3_600_000, checkMs: 3_600_000 };
    const logger = createLogger('silent');
    const [one, two] = [startRecyclePurge(a, logger, options), startRecyclePurge(b, logger, options)];
    try {
      const [byOne, byTwo] = await Promise.all([one.tick(), two.tick()]);
      expect([...byOne, ...byTwo].sort()).toEqual([...ids].sort());
      expect([...purges].sort()).toEqual([...ids].sort());

      // Later in the same period: nothing more.
      clock.set('2026-12-06T11:59:00.000Z');
      expect([...(await one.tick()), ...(await two.tick())]).toEqual([]);

      // The next period: once again, by whichever instance claims first.
      clock.set('2026-12-06T12:00:00.000Z');
      purges.length = 0;
      const [again, againToo] = await Promise.all([two.tick(), one.tick()]);
      expect([...again, ...againToo].sort()).toEqual([...ids].sort());
      expect([...purges].sort()).toEqual([...ids].sort());
    } finally {
      one.stop();
      two.stop();
    }
  });
});
