/**
 * `npm run rebuild-figures [workspaceId]`: recounts the maintained figures (reports, board,
 * dashboard) from the records and rewrites the rows that differ, with the deal copies the board and
 * the stale / no-next-step lists read (see shared/src/storage/KEYS.md "Figures"). Run it once for
 * data written before figures existed, and after a change of the contribution rules
 * (shared/src/reports/figure-contributions.ts). Uses the tab server's storage settings:
 * STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, and TABLE_PREFIX (default `crm`). Safe while the
 * app runs; idempotent.
 */
import { runOnTables } from './tables-script';

runOnTables(async (storage, workspaceId) => {
  const reports = await storage.rebuildFigures(workspaceId);
  for (const r of reports) {
    console.log(
      `${r.workspaceId}: ${r.leads} leads, ${r.deals} deals; ${r.figureRows} figure rows rewritten, ` +
        `${r.dealViewsWritten} deal copies written and ${r.dealViewsDeleted} removed (${r.rounds} round(s))`,
    );
  }
  console.log(`${reports.length} workspace(s) rebuilt`);
});
