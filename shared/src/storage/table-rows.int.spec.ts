import { TableClient } from '@azure/data-tables';
import type { Lead } from '../lead/lead';
import type { Version } from '../records/versions';
import { aLead, aMember, aWorkspace } from '../testing/builders';
import {
  change,
  conversionOf,
  expectOk,
  seed,
  uniqueId,
  update,
} from '../testing/contracts/contract-fixtures';
import { connectTableStorage } from './connect';
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

    // The lead counts in the workspace's figures (its source, campaign and owner): one `fig|` row.
    expect(await rowKeys(ws)).toEqual(['eml|lead|j@x.pt|lead-1', 'fig|lead', 'rec|lead|lead-1']);
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
