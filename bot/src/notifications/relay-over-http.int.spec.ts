import type { NotificationTarget } from '@crm/shared/application';
import { eventsIn, relayHarness, uniqueWs, until, type RelayHarness } from '@crm/shared/testing/relay';
import { connectorChannel } from '../testing/connector-channel';
import { startConnectorStandIn, type ConnectorStandIn } from '../testing/connector-stand-in';

/**
 * The relay end to end over real HTTP: events committed to Azurite, the queue signal, the relay, a
 * channel posting to the loopback Bot Connector stand-in, which injects 429 with Retry-After, 500,
 * 403, delays and a post that never gets its answer.
 */
const general: NotificationTarget = { key: '19:general@thread.tacv2', kind: 'channel' };
const sales: NotificationTarget = { key: '19:sales@thread.tacv2', kind: 'channel' };
const left: NotificationTarget = { key: '19:left@thread.tacv2', kind: 'channel' };

/** (event, conversation) → posts Teams accepted; a count above 1 is a duplicate. */
function deliveries(connector: ConnectorStandIn): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of connector.sent) {
    const key = `${String(s.activity.channelData?.eventId)}>${s.conversationId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
const duplicates = (counts: Map<string, number>) => [...counts.values()].reduce((n, c) => n + c - 1, 0);

// Each test waits for conditions (never for time); the bound only matters on a very busy machine.
jest.setTimeout(60_000);

describe('the outbox relay over HTTP to the Bot Connector stand-in', () => {
  let h: RelayHarness;
  let connector: ConnectorStandIn;
  beforeEach(async () => {
    h = relayHarness();
    await h.open();
    connector = await startConnectorStandIn();
  });
  afterEach(async () => {
    await connector.close();
    await h.stopAll();
  });

  it('given 429 with Retry-After, 500s and a 403, then it waits, backs off, drops the 403 for good and posts the rest once', async () => {
    connector.inject(general.key, { status: 429, retryAfterSeconds: 1 });
    connector.inject(sales.key, { status: 500 }, { status: 503, delayMs: 200 });
    connector.removeBot(left.key);
    const relay = h.relay(connectorChannel(connector.url, () => [general, sales, left]));
    const ws = uniqueWs();
    const events = eventsIn(ws, 3);

    await h.commit(events);

    await until(async () => (await h.pendingCount(ws)) === 0, 'every event to finish');
    const counts = deliveries(connector);
    for (const event of events) {
      expect(counts.get(`${event.id}>${general.key}`)).toBe(1);
      expect(counts.get(`${event.id}>${sales.key}`)).toBe(1);
      expect(counts.get(`${event.id}>${left.key}`)).toBeUndefined();
    }
    // 403 is final: never retried for an event, and not tried again for later events of the same pass.
    const toLeft = connector.attempts.filter((a) => a.conversationId === left.key);
    expect(toLeft.length).toBeGreaterThanOrEqual(1);
    expect(toLeft.length).toBeLessThanOrEqual(3);
    expect(toLeft.every((a) => a.status === 403)).toBe(true);
    expect(relay.metrics()).toMatchObject({
      sent: 6,
      gone: 3,
      retries: 3,
      rateLimited: 1,
      eventsDelivered: 3,
    });
    // The 429 held every post to that conversation back for its Retry-After.
    const toGeneral = connector.attempts.filter((a) => a.conversationId === general.key);
    expect(toGeneral.map((a) => a.status)).toEqual([429, 200, 200, 200]);
  });

  it('given a relay stopped mid-delivery, when a new instance starts, then every event is posted and duplicates are counted (none)', async () => {
    connector.setDelay(30);
    const channel = connectorChannel(connector.url, () => [general, sales]);
    const first = h.relay(channel, { owner: 'before-restart' });
    const ws = uniqueWs();
    const events = eventsIn(ws, 8);
    await h.commit(events);
    await until(() => connector.sent.length >= 5, 'a few posts');

    await first.stop();
    const postedBefore = connector.sent.length;
    expect(postedBefore).toBeLessThan(16);
    h.relay(channel, { owner: 'after-restart', sweepMs: 200 });

    await until(async () => (await h.pendingCount(ws)) === 0, 'every event after the restart');
    const counts = deliveries(connector);
    expect(counts.size).toBe(16);
    expect(duplicates(counts)).toBe(0);
  });

  it('given an instance that dies after Teams took a post but before it learnt so, then the next one re-posts only that one (the duplicate window)', async () => {
    // The first post to #general succeeds; the second is taken by Teams but never answered.
    connector.inject(general.key, { status: 201 }, { hang: true });
    const ws = uniqueWs();
    const events = eventsIn(ws, 3);
    const dying = h.relay(
      connectorChannel(connector.url, () => [general]),
      { owner: 'dying', leaseMs: 1_000 },
    );
    await h.commit(events);
    await until(() => connector.attempts.some((a) => a.status === undefined), 'the unanswered post');

    h.relay(
      connectorChannel(connector.url, () => [general]),
      { owner: 'survivor', sweepMs: 200 },
    );

    await until(async () => (await h.pendingCount(ws)) === 0, 'every event after the takeover');
    const counts = deliveries(connector);
    expect(counts.size).toBe(3);
    expect(duplicates(counts)).toBe(1);
    expect(counts.get(`${events[1]!.id}>${general.key}`)).toBe(2);
    await connector.close(); // the hung request fails; the dying relay finds its event gone and stops
    await dying.stop();
  });

  it('given two relay instances at once, then each event reaches each conversation exactly once', async () => {
    connector.setDelay(10);
    connector.inject('*', { status: 500 }, { status: 429, retryAfterSeconds: 0 });
    const channel = connectorChannel(connector.url, () => [general, sales]);
    const one = h.relay(channel, { owner: 'one' });
    const two = h.relay(channel, { owner: 'two' });
    const workspaces = Array.from({ length: 4 }, uniqueWs);
    const events = workspaces.flatMap((ws) => eventsIn(ws, 5));

    await Promise.all(workspaces.map((ws) => h.commit(events.filter((e) => e.workspaceId === ws))));

    await until(() => deliveries(connector).size === events.length * 2, 'every post', 30_000);
    for (const ws of workspaces) await until(async () => (await h.pendingCount(ws)) === 0, `${ws} done`);
    expect(duplicates(deliveries(connector))).toBe(0);
    expect(one.metrics().sent + two.metrics().sent).toBe(events.length * 2);
  });
});
