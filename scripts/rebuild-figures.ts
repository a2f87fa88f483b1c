/**
 * `npm run rebuild-figures [workspaceId]`: recounts the maintained figures (reports, board,
 * dashboard) from the records and rewrites the rows that differ, with the deal copies the board and
 * the stale / no-next-step lists read (see shared/src/storage/KEYS.md "Figures"). Run it once for
 * data written before figures existed, and after a change of the contribution rules
 * (shared/src/reports/figure-contributions.ts). Uses the tab server's storage settings:
 * STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, and TABLE_PREFIX (default `crm`). Safe while the
 * app runs; idempotent.
 */
import { STORAGE_REQUIRED, storageConfigOf, withoutEmpty } from '../shared/src/runtime';
import { connectTableStorage } from '../shared/src/storage';

async function main(): Promise<void> {
  const env = withoutEmpty(process.env) as Record<string, string | undefined>;
  const config = storageConfigOf(env);
  if (!config) throw new Error(STORAGE_REQUIRED);
  const storage = connectTableStorage(config, { tablePrefix: env.TABLE_PREFIX ?? 'crm' });
  await storage.ensureTables();
  const reports = await storage.rebuildFigures(process.argv[2]);
  for (const r of reports) {
    console.log(
      `${r.workspaceId}: ${r.leads} leads, ${r.deals} deals; ${r.figureRows} figure rows rewritten, ` +
        `${r.dealViewsWritten} deal copies written and ${r.dealViewsDeleted} removed (${r.rounds} round(s))`,
    );
  }
  console.log(`${reports.length} workspace(s) rebuilt`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
