/**
 * `npm run reindex [workspaceId]`: rebuilds the search index from the records (after a change of the
 * token rules, or to migrate data written before the search table existed; see
 * shared/src/storage/KEYS.md). Uses the tab server's storage settings: STORAGE_CONNECTION_STRING or
 * STORAGE_ACCOUNT_URL, and TABLE_PREFIX (default `crm`). Safe while the app runs; idempotent.
 */
import { STORAGE_REQUIRED, storageConfigOf, withoutEmpty } from '../shared/src/runtime';
import { connectTableStorage } from '../shared/src/storage';

async function main(): Promise<void> {
  const env = withoutEmpty(process.env) as Record<string, string | undefined>;
  const config = storageConfigOf(env);
  if (!config) throw new Error(STORAGE_REQUIRED);
  const storage = connectTableStorage(config, { tablePrefix: env.TABLE_PREFIX ?? 'crm' });
  await storage.ensureTables();
  const reports = await storage.reindexSearch(process.argv[2]);
  for (const r of reports) {
    console.log(
      `${r.workspaceId}: ${r.records} records, ${r.indexRows} index rows written, ` +
        `${r.staleRows} stale and ${r.legacyRows} first-layout rows removed`,
    );
  }
  console.log(`${reports.length} workspace(s) re-indexed`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
