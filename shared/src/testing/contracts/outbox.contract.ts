import { recordOutcome, startDelivery } from '../../application/relay/delivery';
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
        { event: middle, attempts: 2, lastError: 'Bot Framework answered 503', version: expect.any(String) },
        { event: late, attempts: 0, version: expect.any(String) },
      ]);
      expect(await outbox.pending(uniqueId('ws'), 10)).toEqual([]);
    });

    it('keeps the delivery state with the event, guarded by its version', async () => {
      const { records, outbox } = storage();
      const ws = uniqueId('ws');
      const event = aLeadConvertedEvent({ workspaceId: ws });
      expectOk(await records.commit(ws, { writes: [], events: [event] }));
      const [read] = await outbox.pending(ws, 10);
      const started = startDelivery([
        { key: 'channel:a', kind: 'channel' },
        { key: 'user:b', kind: 'personal' },
      ]);
      const delivery = recordOutcome(
        recordOutcome(started, 'channel:a', { kind: 'sent' }, { now: '2026-11-22T10:00:00.000Z', random: 0 }),
        'user:b',
        { kind: 'retry', reason: 'Bot Framework answered 429', afterMs: 2_000 },
        { now: '2026-11-22T10:00:00.000Z', random: 0 },
      );

      const saved = expectOk(await outbox.saveDelivery(ws, event, delivery, read!.version));
      const again = await outbox.saveDelivery(ws, event, started, read!.version);

      expect(again).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expect(await outbox.pending(ws, 10)).toEqual([
        { event, attempts: 2, lastError: 'Bot Framework answered 429', delivery, version: saved },
      ]);
      await outbox.markDelivered(ws, event.id);
      expect(await outbox.saveDelivery(ws, event, delivery, saved)).toMatchObject({ ok: false });
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
