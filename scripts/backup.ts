/**
 * `npm run backup`: backs up every workspace now (the tab server also does it every BACKUP_EVERY_HOURS),
 * to the storage account's blob container crm-backups, as `<backupId>/<workspaceId>.jsonl`. Uses the tab
 * server's storage settings: STORAGE_CONNECTION_STRING (with a BlobEndpoint) or STORAGE_ACCOUNT_URL,
 * and TABLE_PREFIX (default `crm`). Prints the backup id `npm run restore` takes.
 */
import { STORAGE_REQUIRED, storageConfigOf, withoutEmpty } from '../shared/src/runtime';
import { backupAll, connectBlobBackupStore, connectTableStorage } from '../shared/src/storage';

async function main(): Promise<void> {
  const env = withoutEmpty(process.env) as Record<string, string | undefined>;
  const config = storageConfigOf(env);
  if (!config) throw new Error(STORAGE_REQUIRED);
  const store = connectBlobBackupStore(config);
  if (!store) throw new Error('The storage configuration names no blob endpoint to back up to.');
  await store.ensureContainer();
  const storage = connectTableStorage(config, { tablePrefix: env.TABLE_PREFIX ?? 'crm' });
  async function* ids() {
    for await (const workspace of storage.workspaces.listAll()) yield workspace.id;
  }
  const { backupId, reports, failed } = await backupAll(
    storage.backupTables,
    store,
    ids(),
    new Date().toISOString(),
  );
  for (const r of reports) console.log(`${r.workspaceId}: ${r.rows} rows`);
  for (const f of failed) console.error(`${f.workspaceId}: not backed up: ${f.error}`);
  console.log(`backup ${backupId}: ${reports.length} workspace(s)`);
  if (failed.length > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
