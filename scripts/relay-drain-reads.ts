/**
 * Entity reads the outbox relay spends to drain a backlog, against an embedded in-memory Azurite:
 *   npx tsx scripts/relay-drain-reads.ts [events=10000]
 * Seeds one workspace's outbox with a backlog (events-only commits of 99 events), then starts a relay
 * like the bot's (leases, pending index; no queue: it is woken once) whose channel answers every send
 * at once, and counts every entity storage hands the relay's process: each row of a query page and
 * each point read (a pipeline policy on the SDK's clients, `countEntityReads`). Prints the reads, the
 * reads per event and the time taken.
 */
import { randomBytes } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import type { DomainEvent } from '../shared/src/events/domain-event';
import { startOutboxRelay } from '../shared/src/application';
import { startAzurite } from '../shared/src/storage/azurite';
import { connectTableStorage } from '../shared/src/storage/connect';
import { systemClock } from '../shared/src/storage/ids';
import { countEntityReads } from '../shared/src/storage/entity-read-counter';
import { aLeadConvertedEvent } from '../shared/src/testing/builders';

const EVENTS = Number(process.argv[2] ?? process.env.RELAY_DRAIN_EVENTS ?? 10_000);
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
  for (let i = 0; i < events.length; i += PER_COMMIT) {
    const result = await seeding.records.commit(ws, { writes: [], events: events.slice(i, i + PER_COMMIT) });
    if (!result.ok) throw new Error(result.error.code);
  }
  await seeding.pendingOutbox.mark(ws, systemClock.now());
  process.stdout.write(`seeded ${EVENTS} events in one workspace's outbox\n`);

  const counter = countEntityReads();
  const storage = connectTableStorage(config, {
    tablePrefix,
    clientOptions: { additionalPolicies: [{ policy: counter.policy, position: 'perCall' }] },
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
  // Read apart from the counted clients: the outbox range is empty once every event is delivered.
  const outbox = TableClient.fromConnectionString(azurite.connectionString, `${tablePrefix}records`, {
    allowInsecureConnection: true,
  });
  const empty = async () => {
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
      process.stdout.write(`  … ${sent}/${EVENTS} sent, ${counter.reads()} entity reads so far\n`);
    }
  }
  const seconds = (performance.now() - began) / 1000;
  await relay.stop();
  const reads = counter.reads();
  process.stdout.write(
    `drained ${EVENTS} events (${sent} posts) in ${seconds.toFixed(1)} s: ${reads} entity reads ` +
      `(${(reads / EVENTS).toFixed(2)} per event) in ${counter.requests()} read requests\n`,
  );
  await azurite.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
