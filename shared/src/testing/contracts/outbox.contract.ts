import { failedResolution, recordOutcome, startDelivery } from '../../application/relay/delivery';
import { aLeadConvertedEvent } from '../builders';
import { expectOk, uniqueId, type StorageUnderTest } from './contract-fixtures';

/** Events committed with a change set wait in the outbox until delivered, or given up on. */
export function outboxContract(storage: () => StorageUnderTest): void {
  describe('outbox', () => {
    it('hands out pending events oldest first, in pages from a position, and forgets delivered ones', async () => {
      const { records, outbox } = storage();
      const ws = uniqueId('ws');
      const late = aLeadConvertedEvent({ workspaceId: ws, occurredAt: '2026-11-22T12:00:00.000Z' });
      const early = aLeadConvertedEvent({ workspaceId: ws, occurredAt: '2026-11-22T09:00:00.000Z' });
      const middle = aLeadConvertedEvent({ workspaceId: ws, occurredAt: '2026-11-22T10:00:00.000Z' });
      expectOk(await records.commit(ws, { writes: [], events: [late, early] }));
      expectOk(await records.commit(ws, { writes: [], events: [middle] }));

      const first = await outbox.pending(ws, 2);
      expect(first.map((e) => e.event)).toEqual([early, middle]);
      const rest = await outbox.pending(ws, 2, first[1]!.position);
      expect(rest.map((e) => e.event)).toEqual([late]);
      expect(await outbox.pending(ws, 2, rest[0]!.position)).toEqual([]);

      await outbox.markDelivered(ws, first[0]!);
      await outbox.markDelivered(ws, first[0]!);
      expect(await outbox.pending(ws, 10)).toEqual([
        { event: middle, attempts: 0, version: expect.any(String), position: first[1]!.position },
        { event: late, attempts: 0, version: expect.any(String), position: rest[0]!.position },
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

      const saved = expectOk(await outbox.saveDelivery(ws, read!, delivery, read!.version));
      const again = await outbox.saveDelivery(ws, read!, started, read!.version);

      expect(again).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expect(await outbox.pending(ws, 10)).toEqual([
        {
          event,
          attempts: 2,
          lastError: 'Bot Framework answered 429',
          delivery,
          version: saved,
          position: read!.position,
        },
      ]);
      await outbox.markDelivered(ws, read!);
      expect(await outbox.saveDelivery(ws, read!, delivery, saved)).toMatchObject({ ok: false });
    });

    it('moves an event given up on to the dead letters, lists them, and puts one back where it was', async () => {
      const { records, outbox } = storage();
      const ws = uniqueId('ws');
      const bad = aLeadConvertedEvent({ workspaceId: ws, occurredAt: '2026-11-22T09:00:00.000Z' });
      const good = aLeadConvertedEvent({ workspaceId: ws, occurredAt: '2026-11-22T10:00:00.000Z' });
      expectOk(await records.commit(ws, { writes: [], events: [bad, good] }));
      const [entry] = await outbox.pending(ws, 1);
      const sentToA = recordOutcome(
        startDelivery([
          { key: 'channel:a', kind: 'channel' },
          { key: 'channel:b', kind: 'channel' },
        ]),
        'channel:a',
        { kind: 'sent' },
        { now: '2026-11-22T10:00:00.000Z', random: 0 },
      );
      const failing = recordOutcome(
        sentToA,
        'channel:b',
        { kind: 'retry', reason: 'Bot Framework answered 502' },
        { now: '2026-11-22T10:00:00.000Z', random: 0 },
      );

      expect(await outbox.deadLetter(ws, entry!, failing, '2026-11-22T11:00:00.000Z')).toBe(true);
      expect(await outbox.deadLetter(ws, entry!, failing, '2026-11-22T11:00:00.000Z')).toBe(false);

      expect((await outbox.pending(ws, 10)).map((e) => e.event)).toEqual([good]);
      expect(await outbox.deadLetters(ws, { limit: 10 })).toEqual({
        items: [
          {
            event: bad,
            attempts: 2,
            lastError: 'Bot Framework answered 502',
            deadAt: '2026-11-22T11:00:00.000Z',
            delivery: failing,
          },
        ],
      });

      expectOk(await outbox.requeue(ws, bad.id));
      expect(await outbox.deadLetters(ws, { limit: 10 })).toEqual({ items: [] });
      const [back] = await outbox.pending(ws, 10);
      // Back at its old place; channel a keeps its post, channel b starts over.
      expect(back).toMatchObject({
        event: bad,
        position: entry!.position,
        delivery: {
          targets: [
            { target: { key: 'channel:a' }, status: 'sent' },
            { target: { key: 'channel:b' }, status: 'pending', attempts: 0 },
          ],
        },
      });
      expect(back!.delivery!.targets[1]).not.toHaveProperty('notBefore');
      expect(await outbox.requeue(ws, bad.id)).toMatchObject({
        ok: false,
        error: { code: 'NOTIFICATION.NOT_FOUND' },
      });
    });

    it('dead-letters an event whose targets never resolved, and sends it back to be resolved afresh', async () => {
      const { records, outbox } = storage();
      const ws = uniqueId('ws');
      const event = aLeadConvertedEvent({ workspaceId: ws });
      expectOk(await records.commit(ws, { writes: [], events: [event] }));
      const [entry] = await outbox.pending(ws, 1);
      const unresolved = failedResolution(undefined, 'no such workspace', {
        now: '2026-11-22T10:00:00.000Z',
        random: 0,
      });

      expect(await outbox.deadLetter(ws, entry!, unresolved, '2026-11-22T10:00:01.000Z')).toBe(true);
      expect((await outbox.deadLetters(ws, { limit: 1 })).items[0]).toMatchObject({
        attempts: 1,
        lastError: 'no such workspace',
      });
      expectOk(await outbox.requeue(ws, event.id));

      expect(await outbox.pending(ws, 10)).toEqual([
        { event, attempts: 0, version: expect.any(String), position: entry!.position },
      ]);
    });

    it('pages the dead letters with a cursor', async () => {
      const { records, outbox } = storage();
      const ws = uniqueId('ws');
      const events = [1, 2, 3].map((i) =>
        aLeadConvertedEvent({ workspaceId: ws, occurredAt: `2026-11-22T0${i}:00:00.000Z` }),
      );
      expectOk(await records.commit(ws, { writes: [], events }));
      for (const entry of await outbox.pending(ws, 10))
        expect(await outbox.deadLetter(ws, entry, undefined, '2026-11-23T00:00:00.000Z')).toBe(true);

      const first = await outbox.deadLetters(ws, { limit: 2 });
      const second = await outbox.deadLetters(ws, { limit: 2, cursor: first.nextCursor! });

      expect(first.items).toHaveLength(2);
      expect(second).toMatchObject({ items: [expect.anything()] });
      expect(second.nextCursor).toBeUndefined();
      const ids = [...first.items, ...second.items].map((l) => l.event.id);
      expect(new Set(ids)).toEqual(new Set(events.map((e) => e.id)));
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
