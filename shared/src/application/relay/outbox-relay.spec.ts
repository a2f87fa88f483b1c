import { aLeadConvertedEvent } from '../../testing/builders';
import { createInMemoryStorage } from '../../testing/in-memory-storage';
import { InMemoryPendingOutboxIndex, InMemoryRelayLeases } from '../../testing/in-memory-relay';
import { ScriptedChannel } from '../../testing/scripted-channel';
import type { NotificationChannel } from '../notification-ports';
import { startOutboxRelay } from './outbox-relay';
import { withOutboxSignal, withRequeueSignal } from './signalling-records';

/** The engine over the in-memory fakes: wiring and lifecycle; the behaviour runs over Azurite too. */
const clock = { now: () => new Date().toISOString() };
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const target = { key: 'channel:a', kind: 'channel' } as const;

function setup(channel: NotificationChannel) {
  const storage = createInMemoryStorage();
  const index = new InMemoryPendingOutboxIndex();
  const leases = new InMemoryRelayLeases();
  const relay = startOutboxRelay(
    { outbox: storage.outbox, index, leases, channel, clock, random: () => 0.5, log: quiet },
    { owner: 'unit', sweepMs: 60_000, markGraceMs: 0 },
  );
  const records = withOutboxSignal(storage.records, {
    index,
    signal: { notify: async (ws) => relay.wake(ws) },
    clock,
    log: quiet,
  });
  return { storage, index, leases, relay, records };
}

/** Waits for the condition, not for a number of ticks: a busy machine may take seconds. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !(await condition())) await new Promise((r) => setTimeout(r, 10));
  expect(await condition()).toBe(true);
}

describe('startOutboxRelay', () => {
  it('given a commit through the signalling records, then the mark is set first and the local wake-up delivers', async () => {
    const channel = new ScriptedChannel({ targets: () => [target] });
    const { storage, index, relay, records } = setup(channel);
    const event = aLeadConvertedEvent({ workspaceId: 'ws-unit' });

    await records.commit('ws-unit', { writes: [], events: [event] });

    await until(async () => (await storage.outbox.pending('ws-unit', 10)).length === 0);
    expect(channel.delivered()).toEqual(new Map([[`${event.id}>channel:a`, 1]]));
    await until(() => !index.marks.has('ws-unit'));
    await relay.stop();
    expect(relay.metrics()).toMatchObject({ running: false, sent: 1, eventsDelivered: 1, lagMs: 0 });
  });

  it('given a dead letter sent again through the signalling outbox, then its workspace is marked again and the wake-up delivers it', async () => {
    const channel = new ScriptedChannel({ targets: () => [target] });
    const { storage, index, relay } = setup(channel);
    const outbox = withRequeueSignal(storage.outbox, {
      index,
      signal: { notify: async (ws) => relay.wake(ws) },
      clock,
      log: quiet,
    });
    const event = aLeadConvertedEvent({ workspaceId: 'ws-requeue' });
    await storage.records.commit('ws-requeue', { writes: [], events: [event] });
    const [entry] = await storage.outbox.pending('ws-requeue', 1);
    expect(await storage.outbox.deadLetter('ws-requeue', entry!, undefined, clock.now())).toBe(true);
    expect(index.marks.has('ws-requeue')).toBe(false);

    expect((await outbox.requeue('ws-requeue', event.id)).ok).toBe(true);

    await until(() => channel.delivered().has(`${event.id}>channel:a`));
    expect(await storage.outbox.pending('ws-requeue', 10)).toEqual([]);
    await relay.stop();
  });

  it('given a trace hook, then each pass is a span with the workspace and each post a span inside it with the event', async () => {
    const channel = new ScriptedChannel({ targets: () => [target] });
    const storage = createInMemoryStorage();
    const spans: { name: string; attributes: Readonly<Record<string, string | number>>; depth: number }[] =
      [];
    let depth = 0;
    const relay = startOutboxRelay(
      {
        outbox: storage.outbox,
        index: new InMemoryPendingOutboxIndex(),
        leases: new InMemoryRelayLeases(),
        channel,
        clock,
        random: () => 0.5,
        log: quiet,
        trace: async (name, attributes, work) => {
          spans.push({ name, attributes, depth });
          depth++;
          try {
            return await work();
          } finally {
            depth--;
          }
        },
      },
      { owner: 'unit', sweepMs: 60_000, markGraceMs: 0 },
    );
    const event = aLeadConvertedEvent({ workspaceId: 'ws-traced' });
    await storage.records.commit('ws-traced', { writes: [], events: [event] });

    relay.wake('ws-traced');

    await until(() => channel.delivered().size === 1);
    await relay.stop();
    expect(spans[0]).toEqual({
      name: 'relay.pass',
      attributes: { 'crm.workspace.id': 'ws-traced' },
      depth: 0,
    });
    expect(spans).toContainEqual({
      name: 'relay.send',
      attributes: expect.objectContaining({ 'crm.workspace.id': 'ws-traced', 'crm.event.id': event.id }),
      depth: 1,
    });
  });

  it('marks before the commit and signals after it, only when it succeeds', async () => {
    const order: string[] = [];
    let outcome: 'ok' | 'stale' = 'ok';
    const inner = createInMemoryStorage().records;
    const records = withOutboxSignal(
      Object.assign(Object.create(inner) as typeof inner, {
        commit: async () => {
          order.push(`commit:${outcome}`);
          return outcome === 'ok'
            ? { ok: true as const, value: { versions: {} } }
            : { ok: false as const, error: { code: 'CONCURRENCY.STALE' as const, message: 'stale' } };
        },
      }),
      {
        index: Object.assign(new InMemoryPendingOutboxIndex(), { mark: async () => void order.push('mark') }),
        signal: { notify: async () => void order.push('signal') },
        clock,
        log: quiet,
      },
    );
    const events = [aLeadConvertedEvent()];

    await records.commit('ws-order', { writes: [], events });
    outcome = 'stale';
    await records.commit('ws-order', { writes: [], events });
    await new Promise((r) => setImmediate(r));

    expect(order).toEqual(['mark', 'commit:ok', 'signal', 'mark', 'commit:stale']);
  });

  it('given a queue it cannot read, then it warns once and the sweep still delivers', async () => {
    const storage = createInMemoryStorage();
    const index = new InMemoryPendingOutboxIndex();
    const warnings: string[] = [];
    const channel = new ScriptedChannel({ targets: () => [target] });
    const event = aLeadConvertedEvent({ workspaceId: 'ws-no-queue' });
    await index.mark('ws-no-queue', clock.now());
    await storage.records.commit('ws-no-queue', { writes: [], events: [event] });
    const relay = startOutboxRelay(
      {
        outbox: storage.outbox,
        index,
        leases: new InMemoryRelayLeases(),
        wakeups: {
          receive: () => Promise.reject(new Error('AuthorizationPermissionMismatch')),
        },
        channel,
        clock,
        random: () => 0,
        log: { ...quiet, warn: (_fields, message) => void warnings.push(message) },
      },
      { owner: 'unit', sweepMs: 20, poll: { minMs: 1, maxMs: 2 }, markGraceMs: 0 },
    );

    await until(() => channel.delivered().size === 1);
    await new Promise((r) => setTimeout(r, 50));
    await relay.stop();

    expect(warnings.filter((w) => w.startsWith('outbox queue not readable'))).toHaveLength(1);
  });

  it('given commits without events, then nothing is marked or signalled', async () => {
    const { index, relay, records } = setup(new ScriptedChannel({ targets: () => [target] }));
    await records.commit('ws-quiet', { writes: [], events: [] });
    expect(index.marks.size).toBe(0);
    await relay.stop();
  });

  it('given a send that never answers, when stopped, then it gives up after the timeout and keeps the event', async () => {
    let started = false;
    const hanging: NotificationChannel = {
      targetsFor: async () => [target],
      send: () => {
        started = true;
        return new Promise(() => undefined);
      },
    };
    const { storage, leases, relay, records } = setup(hanging);
    await records.commit('ws-hang', {
      writes: [],
      events: [aLeadConvertedEvent({ workspaceId: 'ws-hang' })],
    });
    await until(() => started);

    await relay.stop(50);

    expect(await storage.outbox.pending('ws-hang', 10)).toHaveLength(1);
    expect(leases.leases.get('ws-hang')).toMatchObject({ owner: 'unit' });
  });
});
