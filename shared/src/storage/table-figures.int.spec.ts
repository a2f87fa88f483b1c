import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { Lead } from '../lead/lead';
import type { Opportunity } from '../opportunity/opportunity';
import { recountFigures } from '../reports/figure-contributions';
import { figureEntries, type FigureSet } from '../reports/figures';
import type { Version } from '../records/versions';
import { aLead, anOpportunity } from '../testing/builders';
import { change, expectOk, insert, seed, uniqueId, update } from '../testing/contracts/contract-fixtures';
import { connectTableStorage } from './connect';

/**
 * Two processes (two storage instances, each with its own figure cache and commit queue) writing
 * one workspace: a commit that lost only a figure row is tried again inside storage and succeeds;
 * a record that changed is still CONCURRENCY.STALE; board copies carry their record's version.
 */
const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING ?? '';
const prefix = `figs${Date.now().toString(36)}`;

type Policy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

/** Counts the transactions each instance sends to the records table, to see the retries happen. */
const batches = { a: 0, b: 0 };
const counting = (name: keyof typeof batches): Policy => ({
  name: `count-${name}`,
  sendRequest: (request, next) => {
    const body = typeof request.body === 'string' ? request.body : '';
    if (request.url.includes('$batch') && body.includes(`${prefix}records(`)) batches[name] += 1;
    return next(request);
  },
});
const open = (name: keyof typeof batches) =>
  connectTableStorage(
    { connectionString },
    {
      tablePrefix: prefix,
      clientOptions: { additionalPolicies: [{ policy: counting(name), position: 'perCall' }] },
    },
  );
const a = open('a');
const b = open('b');
const recordsTable = TableClient.fromConnectionString(connectionString, `${prefix}records`, {
  allowInsecureConnection: true,
});

const show = (figures: FigureSet) =>
  Object.fromEntries([...figures].map(([row, values]) => [row, figureEntries(values)]));

async function expectRecount(ws: string): Promise<void> {
  const leads: Lead[] = [];
  const deals: Opportunity[] = [];
  for await (const { record } of a.records.scan(ws, 'lead')) leads.push(record);
  for await (const { record } of a.records.scan(ws, 'opportunity')) deals.push(record);
  expect(show(await b.records.readFigures(ws, { prefix: '' }))).toEqual(show(recountFigures(leads, deals)));
}

beforeAll(() => a.ensureTables());

describe('figures under concurrency', () => {
  it('retries a commit whose figure row another process changed, and never calls it stale', async () => {
    const ws = uniqueId('ws');
    // Both processes remember the workspace's `lead` figure row with the ETag they last wrote.
    await seed(a.records, ws, 'lead', [aLead({ workspaceId: ws })]);
    await seed(b.records, ws, 'lead', [aLead({ workspaceId: ws })]);
    const before = batches.a;

    // A's remembered ETag is B's predecessor: its first transaction fails on the figure row alone.
    const sent = await a.records.commit(ws, change(insert('lead', aLead({ workspaceId: ws }))));

    expect(sent.ok).toBe(true);
    expect(batches.a - before).toBe(2);
    await expectRecount(ws);
  });

  it('commits every one of many concurrent writes from two processes, with exact figures', async () => {
    const ws = uniqueId('ws');
    const writes = Array.from({ length: 16 }, (_, i) =>
      (i % 2 === 0 ? a : b).records.commit(
        ws,
        change(
          i % 3 === 0
            ? insert('opportunity', anOpportunity({ workspaceId: ws, amount: 100 + i, stage: 'proposal' }))
            : insert('lead', aLead({ workspaceId: ws, source: i % 4 === 0 ? 'web' : 'event' })),
        ),
      ),
    );

    const results = await Promise.all(writes);

    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(results.map(() => 'ok'));
    await expectRecount(ws);
  });

  it('still answers CONCURRENCY.STALE when the record itself changed, and counts nothing for it', async () => {
    const ws = uniqueId('ws');
    const [deal] = await seed(a.records, ws, 'opportunity', [anOpportunity({ workspaceId: ws, amount: 50 })]);
    expectOk(
      await b.records.commit(ws, change(update('opportunity', deal!, { ...deal!.record, amount: 70 }))),
    );

    const late = await a.records.commit(
      ws,
      change(update('opportunity', deal!, { ...deal!.record, stage: 'closed-won', amount: 90 })),
    );

    expect(late).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
    await expectRecount(ws);
  });
});

describe('board copies', () => {
  it('carry the version of the record they copy, and lose it on the next write', async () => {
    const ws = uniqueId('ws');
    const [deal] = await seed(a.records, ws, 'opportunity', [
      anOpportunity({ workspaceId: ws, stage: 'proposal' }),
    ]);
    const copyKey = `dls|proposal|${deal!.record.id}`;

    expect((await recordsTable.getEntity(ws, copyKey)).v).toBe(deal!.version);

    const moved = { ...deal!.record, name: 'Renamed' };
    const receipt = expectOk(await b.records.commit(ws, change(update('opportunity', deal!, moved))));
    const version = receipt.versions[`opportunity:${deal!.record.id}`] as Version;
    expect((await recordsTable.getEntity(ws, copyKey)).v).toBe(version);
    expect((await a.records.boardColumn(ws, 'proposal', { limit: 5 })).items).toEqual([
      { record: moved, version },
    ]);
  });

  it('read a copy without a version through its record, and skip one its record left', async () => {
    const ws = uniqueId('ws');
    const [deal] = await seed(a.records, ws, 'opportunity', [
      anOpportunity({ workspaceId: ws, stage: 'proposal' }),
    ]);
    const copy = await recordsTable.getEntity<Record<string, unknown>>(ws, `dls|proposal|${deal!.record.id}`);
    const { v: _version, etag: _etag, ...rest } = copy;
    const unconfirmed = { ...rest, partitionKey: ws, rowKey: `dls|proposal|${deal!.record.id}` };
    // As a transaction leaves it when the process stops before marking it.
    await recordsTable.updateEntity({ ...unconfirmed, name: 'stale copy' }, 'Replace');
    // A copy in another column that no commit wrote (its record is in `proposal`).
    await recordsTable.createEntity({ ...unconfirmed, rowKey: `dls|negotiation|${deal!.record.id}` });

    expect((await a.records.boardColumn(ws, 'proposal', { limit: 5 })).items).toEqual([deal]);
    expect((await a.records.boardColumn(ws, 'negotiation', { limit: 5 })).items).toEqual([]);
  });
});
