/**
 * `npm run reindex [workspaceId]`: rebuilds the search index from the records (after a change of the
 * token rules, or to migrate data written before the search table existed; see
 * shared/src/storage/KEYS.md). Uses the tab server's storage settings: STORAGE_CONNECTION_STRING or
 * STORAGE_ACCOUNT_URL, and TABLE_PREFIX (default `crm`). Safe while the app runs; idempotent.
 */
import { runOnTables } from './tables-script';

runOnTables(async (storage, workspaceId) => {
  const reports = await storage.reindexSearch(workspaceId);
  for (const r of reports) {
    console.log(
      `${r.workspaceId}: ${r.records} records, ${r.indexRows} index rows written, ` +
        `${r.staleRows} stale and ${r.legacyRows} first-layout rows removed`,
    );
  }
  console.log(`${reports.length} workspace(s) re-indexed`);
});
