import { randomBytes } from 'node:crypto';
import { isConvertedLead, type Opportunity } from '@crm/shared';
import {
  csvText,
  leadRows,
  startCsvTestServer,
  TEMPLATE,
  type CsvTestServer,
} from '../../tab/server/testing/csv-test-server';
import { ALICE, connectTestStorage, workspaceWith } from '../../tab/server/testing/test-server';
import {
  NO_FAULTS,
  seededRandom,
  STAGES,
  startFaultProxy,
  STORAGE_FAULTS,
  tablePortOf,
  type FaultProxy,
} from './fault-proxy';
import { inParallel, reportFigures, untilAnswered } from './resilience-report';

/**
 * Storage faults between the app and Azurite (refused requests, answers lost after the write, a slow
 * link) while users convert leads, move deals through stages and import files. Afterwards, read
 * without faults: nothing half-written, every acknowledged change persisted, no duplicate, and the
 * outbox holds the events of every acknowledged change.
 */
const SEED = Number(process.env.RESILIENCE_SEED ?? 20261129);
const LEADS = Number(process.env.RESILIENCE_LEADS ?? 30);

let proxy: FaultProxy;
let server: CsvTestServer;
let direct: Awaited<ReturnType<typeof connectTestStorage>>;
let ws: string;

beforeAll(async () => {
  const azurite = process.env.TEST_STORAGE_CONNECTION_STRING as string;
  proxy = await startFaultProxy(tablePortOf(azurite), seededRandom(SEED));
  const prefix = `res${randomBytes(5).toString('hex')}`;
  // The storage layer's retries (4 tries of what is safe to repeat), with short pauses so that the
  // run stays short.
  const proxied = await connectTestStorage(proxy.connectionString, prefix, {
    retry: { baseMs: 20, capMs: 200 },
  });
  direct = await connectTestStorage(azurite, prefix);
  server = await startCsvTestServer({ inlineMaxRows: 1000 }, proxied);
  ws = await workspaceWith(server, ALICE);
}, 60_000);
afterAll(async () => {
  await server?.worker.stop();
  await proxy?.stop();
});

type Acknowledged = {
  conversions: Map<string, { opportunityId: string; etag: string }>;
  stageChanges: { opportunityId: string; to: string }[];
  imported: number;
};

it('keeps every acknowledged conversion, stage change and import whole, with its outbox events', async () => {
  const alice = await server.as(ALICE);
  const leads: string[] = [];
  for (let i = 0; i < LEADS; i++) {
    const res = await alice.post(`/api/v1/workspaces/${ws}/leads`, {
      firstName: 'Ola',
      lastName: `Nordmann ${i}`,
      company: `Fjord ${i} AS`,
      email: `ola${i}@fjord.example`,
    });
    leads.push(res.body.id as string);
  }
  const acked: Acknowledged = { conversions: new Map(), stageChanges: [], imported: 0 };
  let refused = 0;

  proxy.plan(STORAGE_FAULTS);
  const convert = async (lead: string) => {
    // A client that did not hear back asks again with the same Idempotency-Key.
    const res = await untilAnswered(() =>
      alice
        .post(`/api/v1/workspaces/${ws}/leads/${lead}/convert`, {
          opportunity: { amount: 1000, currency: 'EUR' },
        })
        .set('Idempotency-Key', `convert-${lead}`),
    );
    if (res?.status === 200) {
      const { id, etag } = res.body.opportunity as { id: string; etag: string };
      acked.conversions.set(lead, { opportunityId: id, etag });
    } else refused += 1;
  };
  const importFile = async () => {
    // A re-sent import reports what the lost attempt created as duplicates: safe to repeat.
    const file = csvText([TEMPLATE, ...leadRows(150, 'faulty')]);
    const res = await untilAnswered(() => server.importCsv(ALICE, ws, file));
    if (res?.status === 200)
      acked.imported = (res.body.created as number) + (res.body.duplicateCount as number);
  };
  await Promise.all([inParallel(leads, 6, convert), importFile()]);

  await inParallel([...acked.conversions.values()], 6, async ({ opportunityId, etag }) => {
    let current = etag;
    for (const stage of STAGES) {
      const res = await alice
        .patch(`/api/v1/workspaces/${ws}/opportunities/${opportunityId}`, { stage }, current)
        .catch(() => undefined);
      if (res?.status === 200) {
        acked.stageChanges.push({ opportunityId, to: stage });
        current = res.headers.etag as string;
        continue;
      }
      refused += 1;
      // Not acknowledged: it may or may not have happened. Read the deal again and go on from there.
      const read = await untilAnswered(() =>
        alice.get(`/api/v1/workspaces/${ws}/opportunities/${opportunityId}`),
      );
      if (read?.status !== 200) return;
      current = read.headers.etag as string;
    }
  });
  proxy.plan(NO_FAULTS);
  const faults = { ...proxy.counts };

  // Everything below reads Azurite directly.
  const opportunities: Opportunity[] = [];
  for await (const { record } of direct.records.scan(ws, 'opportunity')) opportunities.push(record);
  const pending = await direct.outbox.pending(ws, 5_000);
  const events = pending.map((entry) => entry.event);

  let lost = 0;
  let duplicated = 0;
  let halfWritten = 0;
  for (const lead of leads) {
    const stored = (await direct.records.get(ws, 'lead', lead))?.record;
    const made = opportunities.filter((o) => o.leadId === lead);
    const converted = stored !== undefined && isConvertedLead(stored);
    if (made.length > 1) duplicated += made.length - 1;
    if (converted !== (made.length === 1)) halfWritten += 1;
    if (stored && isConvertedLead(stored)) {
      const organisation = await direct.records.get(ws, 'organisation', stored.convertedOrganisationId);
      const contact = await direct.records.get(ws, 'contact', stored.convertedContactId);
      if (!organisation || !contact || stored.convertedOpportunityId !== made[0]?.id) halfWritten += 1;
    }
    const conversionEvents = events.filter((e) => e.type === 'lead.converted' && e.data.leadId === lead);
    if (conversionEvents.length > 1) duplicated += conversionEvents.length - 1;
    if (converted && conversionEvents.length === 0) lost += 1;
    const ack = acked.conversions.get(lead);
    if (ack && (!converted || made[0]?.id !== ack.opportunityId)) lost += 1;
  }
  let missingEvents = 0;
  for (const change of acked.stageChanges) {
    const history = await direct.records.stageHistory(ws, change.opportunityId);
    const times = history.filter((h) => h.to === change.to).length;
    if (times === 0) lost += 1;
    if (times > 1) duplicated += times - 1;
    const event = events.find(
      (e) =>
        e.type === 'opportunity.stage-changed' &&
        e.data.opportunityId === change.opportunityId &&
        e.data.to === change.to,
    );
    if (!event) missingEvents += 1;
  }
  const importedLeads = new Map<string, number>();
  for await (const { record } of direct.records.scan(ws, 'lead')) {
    if (record.email?.includes('faulty'))
      importedLeads.set(record.email, (importedLeads.get(record.email) ?? 0) + 1);
  }
  const importDuplicates = [...importedLeads.values()].reduce((n, count) => n + count - 1, 0);
  if (acked.imported > 0 && importedLeads.size < acked.imported) lost += acked.imported - importedLeads.size;

  const figures = {
    seed: SEED,
    faults,
    acknowledged: {
      conversions: acked.conversions.size,
      stageChanges: acked.stageChanges.length,
      importedRows: acked.imported,
    },
    notAcknowledged: refused,
    lost,
    duplicated: duplicated + importDuplicates,
    halfWritten,
    acknowledgedChangesWithoutOutboxEvent: missingEvents,
  };
  reportFigures('storage faults', figures);

  expect(faults.failedBefore + faults.failedAfter).toBeGreaterThan(20);
  expect(acked.conversions.size).toBeGreaterThan(LEADS / 2);
  expect(acked.stageChanges.length).toBeGreaterThan(LEADS);
  expect({ lost, duplicated: duplicated + importDuplicates, halfWritten, missingEvents }).toEqual({
    lost: 0,
    duplicated: 0,
    halfWritten: 0,
    missingEvents: 0,
  });
}, 300_000);
