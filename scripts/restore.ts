/**
 * `npm run restore -- <backupId> [workspaceId]`: writes a backup's workspaces (or the one named) back
 * into the tables, then rebuilds their search index. Meant for an empty store (a new storage account or
 * TABLE_PREFIX, or after the workspace was lost): a row that exists already stops the restore rather
 * than being overwritten. Storage settings as the tab server's (STORAGE_CONNECTION_STRING with a
 * BlobEndpoint, or STORAGE_ACCOUNT_URL; TABLE_PREFIX, default `crm`).
 */
import { STORAGE_REQUIRED, storageConfigOf, withoutEmpty } from '../shared/src/runtime';
import {
  backupWorkspaces,
  connectBlobBackupStore,
  connectTableStorage,
  restoreWorkspace,
} from '../shared/src/storage';

async function main(): Promise<void> {
  const [backupId, only] = process.argv.slice(2);
  if (!backupId) throw new Error('Usage: npm run restore -- <backupId> [workspaceId]');
  const env = withoutEmpty(process.env) as Record<string, string | undefined>;
  const config = storageConfigOf(env);
  if (!config) throw new Error(STORAGE_REQUIRED);
  const store = connectBlobBackupStore(config);
  if (!store) throw new Error('The storage configuration names no blob endpoint to restore from.');
  const storage = connectTableStorage(config, { tablePrefix: env.TABLE_PREFIX ?? 'crm' });
  await storage.ensureTables();
  const held = await backupWorkspaces(store, backupId);
  const chosen = only ? held.filter((ws) => ws === only) : held;
  if (chosen.length === 0)
    throw new Error(`Backup ${backupId} holds ${only ? `no workspace ${only}` : 'nothing'}.`);
  for (const ws of chosen) {
    const report = await restoreWorkspace(storage.backupTables, store, backupId, ws);
    await storage.reindexSearch(ws);
    console.log(`${ws}: ${report.rows} rows restored, search re-indexed`);
  }
  console.log(`${chosen.length} workspace(s) restored from ${backupId}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
