import { systemClock } from '../../storage';
import {
  eventsIn,
  relayHarness,
  uniqueWs,
  until,
  type RelayHarness,
} from '../../runtime/testing/relay-harness';
import { ScriptedChannel, type SendScript } from '../../testing/scripted-channel';
import type { NotificationTarget } from '../notification-ports';
import type { OutboxRepository } from '../ports';
import type { OutboxRelay } from './outbox-relay';

/**
 * The relay engine over Azurite: Table outbox, pending index, leases and the queue signal, with a
 * scripted channel that injects retries, Retry-After, gone, throws and delays.
 */
const channelA: NotificationTarget = { key: 'channel:a', kind: 'channel' };
const channelB: NotificationTarget = { key: 'channel:b', kind: 'channel' };
const bothChannels = () => [channelA, channelB];

// Each test waits for conditions (never for time); the bound only matters on a very busy machine.
jest.setTimeout(60_000);

describe('the outbox relay over Azurite', () => {
  let h: RelayHarness;
  beforeEach(async () => {
    h = relayHarness();
    await h.open();
  });
  afterEach(async () => {
    await h.stopAll();
  });

  it('given a commit with events, when the queue signals it, then every target gets each event once and the outbox empties', async () => {
    const channel = new ScriptedChannel({ targets: bothChannels });
    h.relay(channel);
    const ws = uniqueWs();
    const events = eventsIn(ws, 3);

    await h.commit(events);

    await until(() => channel.delivered().size === 6, 'six deliveries');
    await until(async () => (await h.pendingCount(ws)) === 0, 'an empty outbox');
    expect([...channel.delivered().values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(channel.sends.filter((s) => s.target === 'channel:a').map((s) => s.eventId)).toEqual(
      events.map((e) => e.id),
    );
  });

  it('honours Retry-After, backs off on other retries, never re-sends to a target that got it, and drops a gone one', async () => {
    const script: SendScript = (target, _event, attempt) => {
      if (target.key === 'channel:a' && attempt === 1) return { kind: 'retry', reason: '429', afterMs: 400 };
      if (target.key === 'channel:b' && attempt <= 2) return { kind: 'retry', reason: '500' };
      if (target.key === 'user:gone') return { kind: 'gone', reason: '403' };
      return { kind: 'sent' };
    };
    const channel = new ScriptedChannel({
      targets: () => [channelA, channelB, { key: 'user:gone', kind: 'personal' }],
      script,
    });
    const relay = h.relay(channel);
    const ws = uniqueWs();
    const [event] = eventsIn(ws, 1);

    await h.commit([event!]);

    await until(async () => (await h.pendingCount(ws)) === 0, 'the event to finish');
    const toA = channel.sends.filter((s) => s.target === 'channel:a');
    expect(toA.map((s) => s.outcome.kind)).toEqual(['retry', 'sent']);
    expect(toA[1]!.at - toA[0]!.at).toBeGreaterThanOrEqual(400);
    expect(channel.sends.filter((s) => s.target === 'channel:b').map((s) => s.outcome.kind)).toEqual([
      'retry',
      'retry',
      'sent',
    ]);
    expect(channel.sends.filter((s) => s.target === 'user:gone')).toHaveLength(1);
    expect(relay.metrics()).toMatchObject({
      sent: 2,
      retries: 3,
      rateLimited: 1,
      gone: 1,
      eventsDelivered: 1,
    });
    expect(h.logs.some((l) => l.level === 'warn' && l.message === 'notification target gone; dropped')).toBe(
      true,
    );
  });

  it('keeps the delivery state while retrying: the outbox row says which targets are done', async () => {
    const channel = new ScriptedChannel({
      targets: bothChannels,
      script: (target) =>
        target.key === 'channel:b' ? { kind: 'retry', reason: '503', afterMs: 60_000 } : { kind: 'sent' },
    });
    const relay = h.relay(channel);
    const ws = uniqueWs();
    await h.commit(eventsIn(ws, 1));

    await until(() => channel.sends.length === 2, 'both sends');
    await until(
      async () => (await h.storage.outbox.pending(ws, 1))[0]?.delivery !== undefined,
      'saved state',
    );

    const [pending] = await h.storage.outbox.pending(ws, 1);
    expect(pending!.delivery!.targets.map((t) => [t.target.key, t.status])).toEqual([
      ['channel:a', 'sent'],
      ['channel:b', 'pending'],
    ]);
    expect(pending).toMatchObject({ attempts: 2, lastError: '503' });
    expect(relay.metrics().lagMs).toBeGreaterThan(0);
    expect(relay.metrics().pendingWorkspaces).toBe(1);
  });

  it('survives storage hiccups: failing reads are retried with backoff, nothing crashes, nothing is lost', async () => {
    let failuresLeft = 3;
    const flaky: OutboxRepository = Object.assign(Object.create(h.storage.outbox) as OutboxRepository, {
      pending: async (ws: string, limit: number) => {
        if (failuresLeft-- > 0) throw Object.assign(new Error('ServerBusy'), { statusCode: 503 });
        return h.storage.outbox.pending(ws, limit);
      },
    });
    const channel = new ScriptedChannel({ targets: bothChannels });
    const relay = h.relay(channel, { outbox: flaky });
    const ws = uniqueWs();

    await h.commit(eventsIn(ws, 2));

    await until(() => channel.delivered().size === 4, 'four deliveries');
    expect(relay.metrics().failures).toBe(3);
    expect(h.logs.filter((l) => l.message === 'relay pass failed')).toHaveLength(3);
  });

  it('given a lost signal (no queue), then the sweep of the pending index still finds the events', async () => {
    const channel = new ScriptedChannel({ targets: bothChannels });
    h.relay(channel, { withQueue: false, sweepMs: 200 });
    const ws = uniqueWs();

    await h.commit(eventsIn(ws, 2));

    await until(() => channel.delivered().size === 4, 'four deliveries');
    await until(async () => {
      for await (const marked of h.storage.pendingOutbox.list()) if (marked === ws) return false;
      return true;
    }, 'the mark to be cleared');
  });

  it('given a lease held by an instance that died, then another takes over when it expires', async () => {
    const ws = uniqueWs();
    const dead = await h.storage.relayLeases.acquire(ws, 'dead-instance', systemClock.now(), 800);
    expect(dead).not.toHaveProperty('busyUntil');
    const channel = new ScriptedChannel({ targets: bothChannels });
    h.relay(channel);
    const started = Date.now();

    await h.commit(eventsIn(ws, 1));

    await until(() => channel.delivered().size === 2, 'two deliveries');
    expect(channel.sends[0]!.at - started).toBeGreaterThanOrEqual(500);
  });

  it('given a relay stopped between sends, when a new one starts, then every event is delivered and none twice', async () => {
    const ws = uniqueWs();
    const events = eventsIn(ws, 6);
    const first: { relay?: OutboxRelay } = {};
    let stopping: Promise<void> | undefined;
    const firstChannel = new ScriptedChannel({
      targets: bothChannels,
      onSend: () => {
        if (firstChannel.sends.length === 5) stopping = first.relay!.stop();
      },
    });
    first.relay = h.relay(firstChannel, { owner: 'before-restart' });
    await h.commit(events);
    await until(() => stopping !== undefined, 'the first relay to stop');
    await stopping;

    const secondChannel = new ScriptedChannel({ targets: bothChannels });
    h.relay(secondChannel, { owner: 'after-restart', sweepMs: 200 });

    await until(async () => (await h.pendingCount(ws)) === 0, 'all events delivered');
    const all = new Map(firstChannel.delivered());
    for (const [key, n] of secondChannel.delivered()) all.set(key, (all.get(key) ?? 0) + n);
    expect(all.size).toBe(12);
    expect([...all.values()].every((n) => n === 1)).toBe(true);
    expect(firstChannel.sends).toHaveLength(5);
  });

  it('given two relays at once over many workspaces, then each event reaches each target exactly once', async () => {
    const sends: string[] = [];
    const make = () =>
      new ScriptedChannel({
        targets: bothChannels,
        delayMs: 5,
        onSend: (s) => sends.push(`${s.eventId}>${s.target}`),
      });
    h.relay(make(), { owner: 'one' });
    h.relay(make(), { owner: 'two' });
    const workspaces = Array.from({ length: 5 }, uniqueWs);
    const events = workspaces.flatMap((ws) => eventsIn(ws, 4));

    await Promise.all(workspaces.map((ws) => h.commit(events.filter((e) => e.workspaceId === ws))));

    await until(() => new Set(sends).size === events.length * 2, 'every delivery', 30_000);
    for (const ws of workspaces) {
      await until(async () => (await h.pendingCount(ws)) === 0, `outbox of ${ws} empty`);
    }
    expect(sends).toHaveLength(events.length * 2);
  });
  it('given an event whose targets cannot be worked out ahead of two good ones, then the good ones post, the bad one becomes a dead letter, and sent again it posts', async () => {
    const ws = uniqueWs();
    const [bad, ...good] = eventsIn(ws, 3).map((event, i) => ({
      ...event,
      occurredAt: new Date(Date.UTC(2026, 10, 22, 9, 0, i)).toISOString(),
    }));
    let broken = true;
    const channel = new ScriptedChannel({
      targets: (event) => {
        if (event.id === bad!.id && broken) throw new Error('the subscriptions could not be read');
        return [channelA];
      },
    });
    const relay = h.relay(channel, { maxAttempts: 3 });

    await h.commit([bad!, ...good]);

    await until(() => channel.delivered().size === 2, 'the two good events posted');
    await until(
      async () => (await h.storage.outbox.deadLetters(ws, { limit: 10 })).items.length === 1,
      'the bad event dead-lettered',
    );
    expect([...channel.delivered().keys()].sort()).toEqual(good.map((e) => `${e.id}>channel:a`).sort());
    expect(await h.pendingCount(ws)).toBe(0);
    expect((await h.storage.outbox.deadLetters(ws, { limit: 10 })).items).toEqual([
      expect.objectContaining({
        event: bad,
        attempts: 3,
        lastError: 'the subscriptions could not be read',
      }),
    ]);
    expect(relay.metrics()).toMatchObject({ unresolved: 3, deadLettered: 1, eventsDelivered: 2 });

    broken = false;
    expect((await h.storage.outbox.requeue(ws, bad!.id)).ok).toBe(true);
    relay.wake(ws);
    await until(
      () => channel.delivered().has(`${bad!.id}>channel:a`),
      'the dead letter posted once sent again',
    );
    expect((await h.storage.outbox.deadLetters(ws, { limit: 10 })).items).toEqual([]);
  });

  it('given a target that keeps failing, then after the attempts the event is a dead letter and later events still go out', async () => {
    const ws = uniqueWs();
    const [first, second] = eventsIn(ws, 2).map((event, i) => ({
      ...event,
      occurredAt: new Date(Date.UTC(2026, 10, 22, 10, 0, i)).toISOString(),
    }));
    const channel = new ScriptedChannel({
      targets: () => [channelA, channelB],
      script: (target, event) =>
        target.key === 'channel:b' && event.id === first!.id
          ? { kind: 'retry', reason: 'Bot Framework answered 502' }
          : { kind: 'sent' },
    });
    h.relay(channel, { maxAttempts: 3 });

    await h.commit([first!, second!]);

    await until(
      async () => (await h.storage.outbox.deadLetters(ws, { limit: 10 })).items.length === 1,
      'the failing event dead-lettered',
    );
    await until(() => channel.delivered().size === 3, 'every other post');
    const [letter] = (await h.storage.outbox.deadLetters(ws, { limit: 10 })).items;
    expect(letter).toMatchObject({ event: { id: first!.id }, lastError: 'Bot Framework answered 502' });
    expect(letter!.delivery!.targets.map((t) => [t.target.key, t.status])).toEqual([
      ['channel:a', 'sent'],
      ['channel:b', 'pending'],
    ]);
    expect(channel.sends.filter((s) => s.eventId === first!.id && s.target === 'channel:b')).toHaveLength(3);
  });
});
