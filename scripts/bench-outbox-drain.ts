/**
 * Storage work the outbox relay spends to drain one workspace's backlog, against an embedded
 * in-memory Azurite:
 *   npm run bench:drain   (BENCH_DRAIN_EVENTS=10000, BENCH_DRAIN_MAX_READS_PER_EVENT=5)
 * Seeds one workspace's outbox with N pending events as fast as storage takes them (events-only
 * commits of 99 events through the records repository, an uncounted client), then starts a relay like
 * the bot's (leases, pending index; no queue: it is woken once) whose channel accepts every post at
 * once, and counts what the relay's clients ask of storage until the outbox is empty (a pipeline
 * policy on the SDK's clients, `countingPolicy`): calls, entities read, entities written. Exits 1 when
 * entities read per event exceed the threshold: reads proportional to the events, not to the backlog
 * times the passes.
 */
import { randomBytes } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import type { DomainEvent } from '../shared/src/events/domain-event';
import { startOutboxRelay } from '../shared/src/application';
import { startAzurite } from '../shared/src/storage/azurite';
import { connectTableStorage } from '../shared/src/storage/connect';
import { systemClock } from '../shared/src/storage/ids';
import { aLeadConvertedEvent } from '../shared/src/testing/builders';
import { countingPolicy, noCalls } from './bench-storage-calls';

const EVENTS = Number(process.env.BENCH_DRAIN_EVENTS ?? 10_000);
const MAX_READS_PER_EVENT = Number(process.env.BENCH_DRAIN_MAX_READS_PER_EVENT ?? 5);
/** Events per commit: an entity-group transaction holds at most 100 operations. */
const PER_COMMIT = 99;
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const tablePrefix = `drain${randomBytes(3).toString('hex')}`;
  const config = { connectionString: azurite.connectionString };
  const seeding = connectTableStorage(config, { tablePrefix });
  await seeding.ensureTables();
  const ws = `wsdrain${randomBytes(3).toString('hex')}`;
  const start = Date.parse('2026-11-01T00:00:00.000Z');
  const events: DomainEvent[] = Array.from({ length: EVENTS }, (_, i) =>
    aLeadConvertedEvent({
      id: `ev${String(i).padStart(7, '0')}${randomBytes(3).toString('hex')}`,
      workspaceId: ws,
      occurredAt: new Date(start + i * 1000).toISOString(),
    }),
  );
  const seedBegan = performance.now();
  for (let i = 0; i < events.length; i += PER_COMMIT) {
    const result = await seeding.records.commit(ws, { writes: [], events: events.slice(i, i + PER_COMMIT) });
    if (!result.ok) throw new Error(result.error.code);
  }
  await seeding.pendingOutbox.mark(ws, systemClock.now());
  const seedSeconds = (performance.now() - seedBegan) / 1000;
  console.log(`seeded ${EVENTS} pending events in one workspace's outbox in ${seedSeconds.toFixed(1)} s`);

  const counter = noCalls();
  const storage = connectTableStorage(config, {
    tablePrefix,
    clientOptions: { additionalPolicies: [{ policy: countingPolicy(counter), position: 'perCall' }] },
  });
  let sent = 0;
  const began = performance.now();
  const relay = startOutboxRelay(
    {
      outbox: storage.outbox,
      index: storage.pendingOutbox,
      leases: storage.relayLeases,
      channel: {
        targetsFor: async () => [{ key: '19:general@thread.tacv2', kind: 'channel' }],
        send: async () => {
          sent++;
          return { kind: 'sent' };
        },
      },
      clock: systemClock,
      random: Math.random,
      log: quiet,
    },
    { owner: 'drain', sweepMs: 60 * 60_000 },
  );
  relay.wake(ws);
  // Looked at apart from the counted clients: the outbox range is empty once every event is delivered.
  const outbox = TableClient.fromConnectionString(azurite.connectionString, `${tablePrefix}records`, {
    allowInsecureConnection: true,
  });
  const empty = async (): Promise<boolean> => {
    const filter = `PartitionKey eq '${ws}' and RowKey ge 'out|' and RowKey lt 'out}'`;
    for await (const page of outbox.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: 1 }))
      return page.length === 0;
    return true;
  };
  let lastReport = performance.now();
  while (sent < EVENTS || !(await empty())) {
    await new Promise((r) => setTimeout(r, 200));
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      console.log(`  … ${sent}/${EVENTS} posted, ${counter.entitiesRead} entities read so far`);
    }
  }
  const seconds = (performance.now() - began) / 1000;
  await relay.stop();
  await azurite.stop();

  const perEvent = counter.entitiesRead / EVENTS;
  console.log(`drained ${EVENTS} events (${sent} posts) in ${seconds.toFixed(1)} s`);
  console.log(`  calls:            ${counter.calls}`);
  console.log(`  entities read:    ${counter.entitiesRead} (${perEvent.toFixed(2)} per event)`);
  console.log(
    `  entities written: ${counter.entitiesWritten} (${(counter.entitiesWritten / EVENTS).toFixed(2)} per event)`,
  );
  if (perEvent > MAX_READS_PER_EVENT) {
    console.error(`FAIL: ${perEvent.toFixed(2)} entities read per event (at most ${MAX_READS_PER_EVENT})`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
