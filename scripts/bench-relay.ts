/**
 * Change-to-post latency of the outbox relay, against an embedded in-memory Azurite (tables and
 * queues) and the loopback Bot Connector stand-in:
 *   npm run bench:relay   (BENCH_RELAY_CHANGES=200, BENCH_RELAY_IDLE_CHANGES=20, BENCH_RELAY_WORKSPACES=20)
 * Each change is a commit of a change set carrying one event (what every use case ends with),
 * through the records repository the tab server and bot use: pending-index mark, transaction, queue
 * message. A relay like the bot's (queue poll, sweep, leases) delivers it over HTTP to two
 * conversations. Only the queue wakes the relay — the path a change made in the tab server takes to
 * the bot process. A steady stream (changes 20–120 ms apart over several workspaces), then single
 * changes after 1.5–3 s of quiet (the relay's queue poll has backed off to once a second). Latency:
 * from just before the commit to the stand-in receiving the post (first conversation, and both).
 */
import { randomBytes } from 'node:crypto';
import type { DomainEvent } from '../shared/src/events/domain-event';
import { startOutboxRelay, withOutboxSignal } from '../shared/src/application';
import { startAzurite } from '../shared/src/storage/azurite';
import { connectTableStorage } from '../shared/src/storage/connect';
import { systemClock } from '../shared/src/storage/ids';
import { connectOutboxQueue } from '../shared/src/storage/queue-outbox-signal';
import { aLeadConvertedEvent } from '../shared/src/testing/builders';
import { connectorChannel } from '../bot/src/testing/connector-channel';
import { startConnectorStandIn } from '../bot/src/testing/connector-stand-in';

const CHANGES = Number(process.env.BENCH_RELAY_CHANGES ?? 200);
const WORKSPACES = Number(process.env.BENCH_RELAY_WORKSPACES ?? 20);
const IDLE_CHANGES = Number(process.env.BENCH_RELAY_IDLE_CHANGES ?? 20);
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const connector = await startConnectorStandIn();
  const tablePrefix = `bench${randomBytes(3).toString('hex')}`;
  const config = { connectionString: azurite.connectionString };
  const storage = connectTableStorage(config, { tablePrefix });
  await storage.ensureTables();
  const queue = connectOutboxQueue(config, { tablePrefix });
  if (!queue) throw new Error('Azurite should serve queues');
  await queue.ensureQueue();
  const records = withOutboxSignal(storage.records, {
    index: storage.pendingOutbox,
    signal: queue,
    clock: systemClock,
    log: quiet,
  });
  const relay = startOutboxRelay(
    {
      outbox: storage.outbox,
      index: storage.pendingOutbox,
      leases: storage.relayLeases,
      wakeups: queue,
      channel: connectorChannel(connector.url, () => [
        { key: '19:general@thread.tacv2', kind: 'channel' },
        { key: '29:owner', kind: 'personal' },
      ]),
      clock: systemClock,
      random: Math.random,
      log: quiet,
    },
    { owner: 'bench' },
  );

  const committedAt = new Map<string, number>();
  const workspaces = Array.from({ length: WORKSPACES }, (_, i) => `wsbench${i}`);
  /** Commits `n` changes spaced by `gap()` ms; returns their events. */
  async function changes(n: number, gap: () => number): Promise<DomainEvent[]> {
    const events: DomainEvent[] = [];
    for (let i = 0; i < n; i++) {
      const event = aLeadConvertedEvent({
        workspaceId: workspaces[i % WORKSPACES]!,
        occurredAt: new Date().toISOString(),
      });
      events.push(event);
      committedAt.set(event.id, performance.now());
      const result = await records.commit(event.workspaceId, { writes: [], events: [event] });
      if (!result.ok) throw new Error(result.error.code);
      await new Promise((r) => setTimeout(r, gap()));
    }
    return events;
  }
  // A steady stream, then single changes after idle spells (the queue poll has backed off to 1 s).
  const busy = await changes(CHANGES, () => 20 + Math.random() * 100);
  const idle = await changes(IDLE_CHANGES, () => 1_500 + Math.random() * 1_500);
  const expected = (CHANGES + IDLE_CHANGES) * 2;
  const deadline = Date.now() + 60_000;
  while (connector.sent.length < expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  await relay.stop();

  const first = new Map<string, number>();
  const all = new Map<string, number>();
  const seen = new Map<string, number>();
  connector.sent.forEach((s, index) => {
    const id = String(s.activity.channelData?.eventId);
    const at = connector.receivedAt[index]!;
    seen.set(id, (seen.get(id) ?? 0) + 1);
    if (!first.has(id)) first.set(id, at);
    all.set(id, at);
  });
  const latencies = (events: DomainEvent[], at: Map<string, number>) =>
    events
      .flatMap((e) => (at.has(e.id) ? [at.get(e.id)! - committedAt.get(e.id)!] : []))
      .sort((a, b) => a - b);
  const duplicates = [...seen.values()].reduce((n, c) => n + Math.max(c - 2, 0), 0);
  const line = (label: string, sorted: number[], of: number) =>
    `${label}: p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, ` +
    `max ${(sorted[sorted.length - 1] ?? NaN).toFixed(0)} ms (${sorted.length}/${of} changes)`;
  console.log(`relay change-to-post latency over ${WORKSPACES} workspaces, queue signal, two targets`);
  console.log(line(`  steady (${CHANGES}), change → first post`, latencies(busy, first), CHANGES));
  console.log(line(`  steady (${CHANGES}), change → both posts`, latencies(busy, all), CHANGES));
  console.log(
    line(`  after idle (${IDLE_CHANGES}), change → both posts`, latencies(idle, all), IDLE_CHANGES),
  );
  const everything = latencies([...busy, ...idle], all);
  console.log(line('  all, change → both posts', everything, CHANGES + IDLE_CHANGES));
  console.log(
    `  posts: ${connector.sent.length}, duplicates: ${duplicates}, relay: ${JSON.stringify(relay.metrics())}`,
  );
  await connector.close();
  await azurite.stop();
  if (everything.length < CHANGES + IDLE_CHANGES || percentile(everything, 95) >= 5_000) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
