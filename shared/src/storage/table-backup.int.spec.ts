import { randomBytes } from 'node:crypto';
import { aLead, aLeadConvertedEvent, aMember, anOrganisation, aWorkspace } from '../testing/builders';
import { change, expectOk, insert } from '../testing/contracts/contract-fixtures';
import { startAzurite, type RunningAzurite } from './azurite';
import { BACKUP_CONTAINER, connectBlobBackupStore } from './blob-backup-store';
import { connectTableStorage, type TableStorage } from './connect';
import {
  backupIdOf,
  backupWorkspace,
  backupWorkspaces,
  claimBackup,
  restoreWorkspace,
  workspaceRows,
  type BackupRow,
  type BackupTables,
} from './table-backup';

/** Backups over Azurite's table and blob services: back up, wipe the store, restore, compare every row. */
let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite({ blob: true });
}, 120_000);
afterAll(() => azurite?.stop());

const tag = () => randomBytes(4).toString('hex');
const TENANT = 'tenant-backup';

function open(prefix: string): { storage: TableStorage; tables: BackupTables } {
  const storage = connectTableStorage(
    { connectionString: azurite.connectionString },
    { tablePrefix: prefix },
  );
  return { storage, tables: storage.backupTables };
}

/** A workspace bound to a team, with a member, records, an outbox event and a channel subscription. */
async function seedWorkspace(storage: TableStorage, name: string) {
  const ws = `ws${tag()}`;
  const teamId = `19:team-${tag()}@thread.tacv2`;
  const workspace = aWorkspace({ id: ws, tenantId: TENANT, teamId, name });
  const owner = aMember(workspace, { userId: `owner-${tag()}` });
  expectOk(await storage.workspaces.create(workspace, owner));
  await storage.teams.saveTeam({
    tenantId: TENANT,
    teamId,
    name,
    installedAt: '2026-12-01T09:00:00.000Z',
    installedBy: owner.userId,
  });
  await storage.teams.addToRoster(TENANT, teamId, [{ userId: owner.userId, name: 'Kari' }]);
  expectOk(
    await storage.conversations.saveSubscription({
      workspaceId: ws,
      teamId,
      conversationId: `19:wins-${tag()}@thread.tacv2`,
      address: { conversation: { id: 'wins' } },
      topics: ['won'],
      updatedAt: '2026-12-01T09:00:00.000Z',
      updatedBy: owner.userId,
    }),
  );
  const leads = Array.from({ length: 120 }, (_, i) =>
    aLead({ workspaceId: ws, lastName: `Bakker ${i}`, company: `Bloem ${i} B.V.` }),
  );
  // 120 leads: more than one transaction's worth in one partition.
  for (let i = 0; i < leads.length; i += 20)
    expectOk(
      await storage.records.commit(ws, change(...leads.slice(i, i + 20).map((l) => insert('lead', l)))),
    );
  expectOk(
    await storage.records.commit(ws, {
      ...change(insert('organisation', anOrganisation({ workspaceId: ws, name: 'Zeeland Zaden' }))),
      events: [aLeadConvertedEvent({ workspaceId: ws })],
    }),
  );
  await storage.reindexSearch(ws);
  return { ws, owner };
}

const collect = async (rows: AsyncIterable<BackupRow>) => {
  const all: BackupRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
};

it('backs up every workspace, and a wiped store restored from it holds every row as it was', async () => {
  const prefix = `bkp${tag()}`;
  const { storage, tables } = open(prefix);
  await storage.ensureTables();
  const store = connectBlobBackupStore(
    { connectionString: azurite.connectionString },
    `${BACKUP_CONTAINER}-${tag()}`,
  )!;
  await store.ensureContainer();
  const first = await seedWorkspace(storage, 'Salg Norge');
  const second = await seedWorkspace(storage, 'Vendas Brasil');
  const before = new Map([
    [first.ws, await collect(workspaceRows(tables, first.ws))],
    [second.ws, await collect(workspaceRows(tables, second.ws))],
  ]);
  const backupId = backupIdOf('2026-12-06T02:00:00.000Z');

  for (const ws of before.keys())
    await backupWorkspace(tables, store, backupId, ws, '2026-12-06T02:00:00.000Z');
  // A backup is written once: the same name again is refused, not overwritten.
  await expect(backupWorkspace(tables, store, backupId, first.ws, 'later')).rejects.toThrow();
  await Promise.all([tables.records.deleteTable(), tables.directory.deleteTable()]);
  const wiped = open(prefix);
  await wiped.storage.ensureTables();
  expect(await wiped.storage.workspaces.get(first.ws)).toBeUndefined();

  expect((await backupWorkspaces(store, backupId)).sort()).toEqual([...before.keys()].sort());
  for (const ws of await backupWorkspaces(store, backupId)) {
    const report = await restoreWorkspace(wiped.tables, store, backupId, ws);
    expect(report.rows).toBe(before.get(ws)!.length);
    await wiped.storage.reindexSearch(ws);
  }

  for (const [ws, rows] of before) {
    const after = await collect(workspaceRows(wiped.tables, ws));
    // Every row, key and typed value alike (the comparison sees `{ value, type }` for typed ones).
    expect(after).toEqual(rows);
    expect(rows.length).toBeGreaterThan(130);
  }
  // The app reads the restored workspace as before: its owner finds it, search finds its leads.
  expect(await wiped.storage.workspaces.listForUser(TENANT, first.owner.userId)).toEqual([
    expect.objectContaining({ role: 'owner', workspace: expect.objectContaining({ id: first.ws }) }),
  ]);
  const found = await wiped.storage.records.list(first.ws, 'lead', { q: 'bakker 7', limit: 50 });
  expect(found.items.map((i) => i.record.lastName)).toContain('Bakker 7');
  // Restoring into a store that holds the workspace fails instead of overwriting it.
  await expect(restoreWorkspace(wiped.tables, store, backupId, first.ws)).rejects.toThrow(
    `The store holds workspace ${first.ws} already`,
  );
}, 180_000);

it("lets exactly one of several instances claim the period's backup, and the next one once the period passed", async () => {
  const prefix = `clm${tag()}`;
  const { storage, tables } = open(prefix);
  await storage.ensureTables();
  const day = 24 * 60 * 60 * 1000;

  const first = await Promise.all(
    Array.from({ length: 4 }, () => claimBackup(tables.directory, '2026-12-06T02:00:00.000Z', day)),
  );
  const sameDay = await Promise.all(
    Array.from({ length: 4 }, () => claimBackup(tables.directory, '2026-12-06T20:00:00.000Z', day)),
  );
  const nextDay = await Promise.all(
    Array.from({ length: 4 }, () => claimBackup(tables.directory, '2026-12-07T02:00:00.000Z', day)),
  );

  expect(first.filter(Boolean)).toHaveLength(1);
  expect(sameDay.filter(Boolean)).toHaveLength(0);
  expect(nextDay.filter(Boolean)).toHaveLength(1);
}, 60_000);
