import { aLeadConvertedEvent } from '../builders';
import { expectOk, uniqueId, type StorageUnderTest } from './contract-fixtures';

/** Events committed with a change set wait in the outbox until delivered. */
export function outboxContract(storage: () => StorageUnderTest): void {
  describe('outbox', () => {
    it('hands out pending events oldest first, forgets delivered ones and counts failures', async () => {
      const { records, outbox } = storage();
      const ws = uniqueId('ws');
      const late = aLeadConvertedEvent({ workspaceId: ws, occurredAt: '2026-11-22T12:00:00.000Z' });
      const early = aLeadConvertedEvent({ workspaceId: ws, occurredAt: '2026-11-22T09:00:00.000Z' });
      const middle = aLeadConvertedEvent({ workspaceId: ws, occurredAt: '2026-11-22T10:00:00.000Z' });
      expectOk(await records.commit(ws, { writes: [], events: [late, early] }));
      expectOk(await records.commit(ws, { writes: [], events: [middle] }));

      expect((await outbox.pending(ws, 2)).map((e) => e.event)).toEqual([early, middle]);

      await outbox.markDelivered(ws, early.id);
      await outbox.markFailed(ws, middle.id, 'Bot Framework answered 502');
      await outbox.markFailed(ws, middle.id, 'Bot Framework answered 503');
      await outbox.markDelivered(ws, 'unknown');
      await outbox.markFailed(ws, 'unknown', 'nothing to count');

      expect(await outbox.pending(ws, 10)).toEqual([
        { event: middle, attempts: 2, lastError: 'Bot Framework answered 503' },
        { event: late, attempts: 0 },
      ]);
      expect(await outbox.pending(uniqueId('ws'), 10)).toEqual([]);
    });

    it('refuses an event id twice', async () => {
      const { records, outbox } = storage();
      const ws = uniqueId('ws');
      const event = aLeadConvertedEvent({ workspaceId: ws });
      expectOk(await records.commit(ws, { writes: [], events: [event] }));

      const again = await records.commit(ws, { writes: [], events: [event] });

      expect(again).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expect(await outbox.pending(ws, 10)).toHaveLength(1);
    });
  });
}
