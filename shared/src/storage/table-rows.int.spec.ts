import { TableClient } from '@azure/data-tables';
import type { Activity } from '../activity/activity';
import type { Lead } from '../lead/lead';
import type { Version } from '../records/versions';
import { aLead, aMember, anActivity, aWorkspace } from '../testing/builders';
import {
  change,
  conversionOf,
  expectOk,
  remove,
  seed,
  uniqueId,
  update,
} from '../testing/contracts/contract-fixtures';
import { connectTableStorage } from './connect';
import { jsonColumns } from './json-columns';
import { userPartition } from './workspace-rows';

/** What the contract cannot see: the rows themselves. */
const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING ?? '';
const prefix = `rows${Date.now().toString(36)}`;
const storage = connectTableStorage({ connectionString }, { tablePrefix: prefix });
const recordsTable = TableClient.fromConnectionString(connectionString, `${prefix}records`, {
  allowInsecureConnection: true,
});
const searchTable = TableClient.fromConnectionString(connectionString, `${prefix}search`, {
  allowInsecureConnection: true,
});
const directoryTable = TableClient.fromConnectionString(connectionString, `${prefix}directory`, {
  allowInsecureConnection: true,
});

async function rowKeys(ws: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const row of recordsTable.listEntities({
    queryOptions: { filter: `PartitionKey eq '${ws}'` },
  })) {
    keys.push(String(row.rowKey));
  }
  return keys.sort();
}

/** The workspace's search-index rows as `<shard> <RowKey>`. */
async function indexKeys(ws: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const row of searchTable.listEntities({
    queryOptions: { filter: `PartitionKey ge '${ws}|' and PartitionKey lt '${ws}}'` },
  })) {
    keys.push(`${String(row.partitionKey).slice(ws.length + 1)} ${String(row.rowKey)}`);
  }
  return keys.sort();
}

const DUE = '2026-03-06T09:00:00.000Z';
const open = (over: Partial<Activity>): Activity => {
  const { completedAt: _unused, ...rest } = anActivity({ occurredAt: DUE, ownerId: 'alex', ...over });
  return { ...rest, completed: false };
};

/** An activity row as the version before activity lists wrote it: no `r_v`, a call without `completed`. */
async function storeLegacy(ws: string, activity: Record<string, unknown> & { id: string }) {
  const regarding = activity.regarding as { type: string; id: string };
  await recordsTable.createEntity({
    partitionKey: ws,
    rowKey: `rec|activity|${activity.id}`,
    ...jsonColumns(activity),
    type: String(activity.type),
    ownerId: String(activity.ownerId),
    deleted: false,
  });
  await recordsTable.createEntity({
    partitionKey: ws,
    rowKey: `reg|${regarding.type}|${regarding.id}|${activity.id}`,
    id: activity.id,
  });
}

beforeAll(() => storage.ensureTables());

describe('Table rows', () => {
  it('writes a lead as its record and email rows, and one index row per token in its shard', async () => {
    const ws = uniqueId('ws');
    const lead = aLead({
      id: 'lead-1',
      workspaceId: ws,
      firstName: 'João',
      lastName: 'Gonçalves',
      company: undefined,
    });
    await seed(storage.records, ws, 'lead', [{ ...lead, email: 'J@X.pt' } as Lead]);

    // A lead's email row is keyed by the email alone (unique in the workspace), the id in a column;
    // the lead counts in the workspace's figures (its source, campaign and owner): one `fig|` row.
    expect(await rowKeys(ws)).toEqual(['eml|lead|j@x.pt', 'fig|lead', 'rec|lead|lead-1']);
    expect(await recordsTable.getEntity(ws, 'eml|lead|j@x.pt')).toMatchObject({ id: 'lead-1' });
    // One-letter and email-only words ("j", "x", "pt") get no row; they ride along in every row's list.
    expect(await indexKeys(ws)).toEqual([
      '07 lead|goncalves|lead-1',
      '10 lead|j@x.pt|lead-1',
      '10 lead|joao|lead-1',
    ]);
    expect(await searchTable.getEntity(`${ws}|07`, 'lead|goncalves|lead-1')).toMatchObject({
      tokens: 'goncalves j j@x.pt joao pt x',
      indexed: 'goncalves j@x.pt joao',
    });
    const row = await recordsTable.getEntity(ws, 'rec|lead|lead-1');
    expect(row).toMatchObject({
      status: 'open-not-contacted',
      source: 'web',
      ownerId: 'user-test',
      deleted: false,
    });
    expect(Object.values(row).some((v) => typeof v === 'bigint')).toBe(false);
  });

  it('given a lead written before emails were unique (`eml|lead|<email>|<id>`), then changing its email replaces that row', async () => {
    const ws = uniqueId('ws');
    const [lead] = await seed(storage.records, ws, 'lead', [
      aLead({ id: 'lead-1', workspaceId: ws, email: 'old@x.pt' }),
    ]);
    // The row as it was written before: keyed by email and id.
    await recordsTable.deleteEntity(ws, 'eml|lead|old@x.pt');
    await recordsTable.createEntity({ partitionKey: ws, rowKey: 'eml|lead|old@x.pt|lead-1', id: 'lead-1' });
    const found = await storage.records.findByEmail(ws, 'lead', 'OLD@x.pt');
    expect(found.map((f) => f.record.id)).toEqual(['lead-1']);

    const moved = { ...lead!.record, email: 'new@x.pt' } as Lead;
    const receipt = expectOk(await storage.records.commit(ws, change(update('lead', lead!, moved))));
    expect(receipt.versions['lead:lead-1']).toEqual(expect.any(String));
    expect(await rowKeys(ws)).toEqual(['eml|lead|new@x.pt', 'fig|lead', 'rec|lead|lead-1']);

    // With neither row there (deleted by hand), the change still commits.
    await recordsTable.deleteEntity(ws, 'eml|lead|new@x.pt');
    const current = { record: moved, version: receipt.versions['lead:lead-1'] as Version };
    expectOk(
      await storage.records.commit(
        ws,
        change(update('lead', current, { ...moved, email: 'third@x.pt' } as Lead)),
      ),
    );
    expect(await rowKeys(ws)).toEqual(['eml|lead|third@x.pt', 'fig|lead', 'rec|lead|lead-1']);
  });

  it('rewrites only the index rows whose tokens changed, and moves them to the bin on delete', async () => {
    const ws = uniqueId('ws');
    const [lead] = await seed(storage.records, ws, 'lead', [
      aLead({
        id: 'lead-1',
        workspaceId: ws,
        firstName: 'Jan',
        lastName: 'Smit',
        company: undefined,
        email: undefined,
      }),
    ]);
    const renamed = { ...lead!.record, lastName: 'Visser' } as Lead;
    const receipt = expectOk(await storage.records.commit(ws, change(update('lead', lead!, renamed))));
    expect(await rowKeys(ws)).toEqual(['fig|lead', 'rec|lead|lead-1']);
    expect(await indexKeys(ws)).toEqual(['06 lead|visser|lead-1', '10 lead|jan|lead-1']);

    const version = receipt.versions['lead:lead-1']!;
    const deletion = {
      type: 'delete' as const,
      kind: 'lead' as const,
      record: renamed,
      expected: version,
      deletedAt: '2026-11-22T12:00:00.000Z',
      deletedBy: 'u',
    };
    expectOk(await storage.records.commit(ws, change(deletion)));

    const keys = await rowKeys(ws);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^bin\|\d{13}\|lead\|lead-1$/);
    // The figure row stays (counting nothing now): deleting it could not be guarded by its ETag.
    expect(keys.slice(1)).toEqual(['fig|lead', 'rec|lead|lead-1']);
    expect(await indexKeys(ws)).toEqual([]);
  });

  it('ignores index rows that point at nothing or at a record that no longer matches', async () => {
    const ws = uniqueId('ws');
    const [lead] = await seed(storage.records, ws, 'lead', [
      aLead({ id: 'lead-1', workspaceId: ws, firstName: 'Jan', lastName: 'Smit', company: undefined }),
    ]);
    const orphan = (id: string, token: string, tokens: string) =>
      searchTable.upsertEntity({
        partitionKey: `${ws}|${10}`,
        rowKey: `lead|${token}|${id}`,
        id,
        token,
        tokens,
      });
    await orphan('lead-gone', 'jansen', 'jansen');
    await orphan('lead-1', 'jansen', 'jan jansen');

    const found = await storage.records.list(ws, 'lead', { limit: 10, q: 'jan' });

    expect(found.items.map((i) => i.record.id)).toEqual([lead!.record.id]);
    expect((await storage.records.list(ws, 'lead', { limit: 10, q: 'jansen' })).items).toEqual([]);
  });

  it('repairs the token lists a failed update wrote ahead of its transaction', async () => {
    const ws = uniqueId('ws');
    const [lead] = await seed(storage.records, ws, 'lead', [
      aLead({
        id: 'lead-1',
        workspaceId: ws,
        firstName: 'Ana',
        lastName: 'Silva',
        company: 'Smith',
        email: undefined,
      }),
    ]);
    const stale = { ...lead!, version: 'W/"stale"' as Version };

    const result = await storage.records.commit(
      ws,
      change(update('lead', stale, { ...lead!.record, company: 'Costa' } as Lead)),
    );

    expect(result.ok).toBe(false);
    const found = await storage.records.list(ws, 'lead', { limit: 10, q: 'silva smith' });
    expect(found.items.map((i) => i.record.id)).toEqual(['lead-1']);
  });

  it('leaves not a single row behind when a conversion fails', async () => {
    const ws = uniqueId('ws');
    const [lead] = await seed(storage.records, ws, 'lead', [aLead({ workspaceId: ws })]);
    const c = conversionOf(ws, lead!);
    await seed(storage.records, ws, 'opportunity', [c.opportunity]);
    const before = await rowKeys(ws);

    const result = await storage.records.commit(ws, c.changes);

    expect(result.ok).toBe(false);
    expect(await rowKeys(ws)).toEqual(before);
  });

  it('sees a member change made by another process at once, despite its member cache', async () => {
    const other = connectTableStorage({ connectionString }, { tablePrefix: prefix });
    const workspace = aWorkspace({ id: uniqueId('ws'), tenantId: uniqueId('tenant') });
    const owner = aMember(workspace, { userId: 'owner-1' });
    const created = expectOk(await storage.workspaces.create(workspace, owner));
    const colleague = aMember(workspace, { userId: 'colleague-1', role: 'member' });
    expect((await storage.workspaces.getWithMember(workspace.id, colleague.userId))?.member).toBeUndefined();

    expectOk(await other.workspaces.changeMembers(workspace.id, { upsert: [colleague] }, created.version));

    expect((await storage.workspaces.getWithMember(workspace.id, colleague.userId))?.member).toEqual(
      colleague,
    );
  });

  it('never lists a workspace from a stale directory row', async () => {
    const workspace = aWorkspace({ id: uniqueId('ws'), tenantId: uniqueId('tenant') });
    const owner = aMember(workspace, { userId: 'owner-1' });
    expectOk(await storage.workspaces.create(workspace, owner));
    await directoryTable.upsertEntity({
      partitionKey: userPartition(workspace.tenantId, 'intruder'),
      rowKey: workspace.id,
    });

    expect(await storage.workspaces.listForUser(workspace.tenantId, 'intruder')).toEqual([]);
    expect(await storage.workspaces.listForUser(workspace.tenantId, 'owner-1')).toHaveLength(1);
  });

  it('undoes the team binding when the workspace cannot be created', async () => {
    const tenantId = uniqueId('tenant');
    const existing = aWorkspace({ id: uniqueId('ws'), tenantId });
    expectOk(await storage.workspaces.create(existing, aMember(existing)));
    const clash = { ...existing, teamId: 'team-1' };

    await expect(storage.workspaces.create(clash, aMember(clash))).rejects.toThrow(/already exists/);

    expect(await storage.workspaces.findByTeam(tenantId, 'team-1')).toBeUndefined();
    const next = aWorkspace({ id: uniqueId('ws'), tenantId, teamId: 'team-1' });
    expect((await storage.workspaces.create(next, aMember(next))).ok).toBe(true);
  });
});

describe('Table rows of activities', () => {
  it("writes an open activity about a deal on its owner's list and the deal's open list; a done one on the deal's done list", async () => {
    const ws = uniqueId('ws');
    const deal = { type: 'opportunity' as const, id: 'opp-1' };
    await seed(storage.records, ws, 'activity', [
      open({ id: 'a-open', workspaceId: ws, regarding: deal }),
      anActivity({
        id: 'a-done',
        workspaceId: ws,
        regarding: deal,
        occurredAt: '2026-03-02T09:00:00.000Z',
        completed: true,
        completedAt: '2026-03-02T10:00:00.000Z',
      }),
      open({ id: 'a-contact', workspaceId: ws, regarding: { type: 'contact', id: 'c-1' } }),
    ]);

    expect(await rowKeys(ws)).toEqual([
      `due|alex|${DUE}|a-contact`,
      `due|alex|${DUE}|a-open`,
      `lst|opportunity|opp-1|${String(9_999_999_999_999 - Date.parse('2026-03-02T09:00:00.000Z')).padStart(13, '0')}|a-done`,
      `nxt|opportunity|opp-1|${DUE}|a-open`,
      'rec|activity|a-contact',
      'rec|activity|a-done',
      'rec|activity|a-open',
      'reg|contact|c-1|a-contact',
      'reg|opportunity|opp-1|a-done',
      'reg|opportunity|opp-1|a-open',
    ]);
  });

  it('reads an activity stored before lists as done (a call) or as it was (a task), and changes and deletes it', async () => {
    const ws = uniqueId('ws');
    const deal = { type: 'opportunity', id: 'opp-1' };
    const {
      completed: _c,
      completedAt: _a,
      ...call
    } = anActivity({ id: 'old-call', workspaceId: ws, regarding: deal as never });
    const task = { ...call, id: 'old-task', type: 'task', completed: false };
    await storeLegacy(ws, call);
    await storeLegacy(ws, task);

    const readCall = (await storage.records.get(ws, 'activity', 'old-call'))!;
    const readTask = (await storage.records.get(ws, 'activity', 'old-task'))!;
    expect(readCall.record.completed).toBe(true);
    expect(readTask.record.completed).toBe(false);

    // Without knowing the rows are old, this update would delete a `lst|` row that is not there and fail.
    const reopened: Activity = { ...readCall.record, completed: false, occurredAt: DUE };
    expectOk(await storage.records.commit(ws, change(update('activity', readCall, reopened))));
    expectOk(await storage.records.commit(ws, change(remove('activity', readTask, DUE))));

    expect(await rowKeys(ws)).toEqual(
      expect.arrayContaining([
        `due|${call.ownerId}|${DUE}|old-call`,
        `nxt|opportunity|opp-1|${DUE}|old-call`,
      ]),
    );
    const due = await storage.records.listDue(ws, { ownerId: call.ownerId, limit: 10 });
    expect(due.items.map((a) => a.record.id)).toEqual(['old-call']);
    const again = (await storage.records.get(ws, 'activity', 'old-call'))!;
    expect(again.version).not.toBe(readCall.version as Version);
  });
});
