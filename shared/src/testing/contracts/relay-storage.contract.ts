import type { PendingOutboxIndex, RelayLeases } from '../../application/relay/relay-ports';
import { uniqueId } from './contract-fixtures';

export type RelayStorageUnderTest = { readonly index: PendingOutboxIndex; readonly leases: RelayLeases };

const T0 = '2026-11-22T10:00:00.000Z';
const T1 = '2026-11-22T10:00:10.000Z';
const T2 = '2026-11-22T10:01:00.000Z';

const collect = async (items: AsyncIterable<string>): Promise<string[]> => {
  const all: string[] = [];
  for await (const item of items) all.push(item);
  return all;
};

/** The pending-outbox index and the relay's leases, in memory and on Azurite alike. */
export function relayStorageContract(name: string, open: () => Promise<RelayStorageUnderTest>): void {
  describe(name, () => {
    let storage: RelayStorageUnderTest;
    beforeAll(async () => {
      storage = await open();
    });

    it('lists marked workspaces and clears a mark only when it is older than asked', async () => {
      const [a, b] = [uniqueId('wsa'), uniqueId('wsb')];
      await storage.index.mark(a, T0);
      await storage.index.mark(b, T0);
      await storage.index.mark(b, T2);

      expect(await collect(storage.index.list())).toEqual(expect.arrayContaining([a, b]));
      expect(await storage.index.clear(b, T1)).toBe(false);
      expect(await storage.index.clear(a, T1)).toBe(true);
      expect(await storage.index.clear(a, T1)).toBe(false);
      const listed = await collect(storage.index.list());
      expect(listed).toContain(b);
      expect(listed).not.toContain(a);
    });

    it('gives a lease to one owner at a time until it expires, renews it and releases it', async () => {
      const ws = uniqueId('ws');
      const first = await storage.leases.acquire(ws, 'relay-1', T0, 30_000);
      if ('busyUntil' in first) throw new Error('expected the lease');

      expect(await storage.leases.acquire(ws, 'relay-2', T1, 30_000)).toEqual({ busyUntil: first.until });
      const renewed = await storage.leases.renew(first, T1, 30_000);
      expect(renewed).toMatchObject({ ws, owner: 'relay-1', until: '2026-11-22T10:00:40.000Z' });
      // The old version no longer holds it.
      expect(await storage.leases.renew(first, T1, 30_000)).toBeUndefined();

      const takeover = await storage.leases.acquire(ws, 'relay-2', T2, 30_000);
      expect(takeover).toMatchObject({ owner: 'relay-2' });
      expect(await storage.leases.renew(renewed!, T2, 30_000)).toBeUndefined();
      await storage.leases.release(renewed!); // lost meanwhile: leaves the new holder alone
      expect(await storage.leases.acquire(ws, 'relay-1', T2, 30_000)).toHaveProperty('busyUntil');

      if ('busyUntil' in takeover) throw new Error('expected the lease');
      await storage.leases.release(takeover);
      expect(await storage.leases.acquire(ws, 'relay-1', T2, 30_000)).toMatchObject({ owner: 'relay-1' });
    });
  });
}
