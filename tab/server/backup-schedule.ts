import type { TableStorage, BackupStore } from '@crm/shared/storage';
import { backupAll, claimBackup } from '@crm/shared/storage';
import type { Logger } from './http/logging';

/** How often an instance asks whether the period's backup is due (and claims it). */
const CHECK_EVERY_MS = 15 * 60 * 1000;

/**
 * Backs up every workspace to Blob Storage once per `everyHours`, whatever the number of instances:
 * each instance checks every 15 minutes (and soon after it starts), and only the one that claims the
 * period (an ETag-guarded row in the directory table) writes the backup.
 */
export function startBackupSchedule(
  storage: TableStorage,
  store: BackupStore & { ensureContainer(): Promise<void> },
  options: { readonly everyHours: number; readonly logger: Logger; readonly now?: () => string },
): { stop(): void; tick(): Promise<void> } {
  const now = options.now ?? (() => new Date().toISOString());
  const periodMs = options.everyHours * 60 * 60 * 1000;
  let running: Promise<void> | undefined;
  const run = async () => {
    const at = now();
    if (!(await claimBackup(storage.backupTables.directory, at, periodMs))) return;
    await store.ensureContainer();
    async function* ids() {
      for await (const workspace of storage.workspaces.listAll()) yield workspace.id;
    }
    const { backupId, reports, failed } = await backupAll(storage.backupTables, store, ids(), at);
    const rows = reports.reduce((n, r) => n + r.rows, 0);
    options.logger.info({ backupId, workspaces: reports.length, rows }, 'backup written');
    for (const f of failed)
      options.logger.error({ backupId, workspaceId: f.workspaceId, err: f.error }, 'workspace not backed up');
  };
  const tick = () => {
    running ??= run()
      .catch((error: unknown) => options.logger.error({ err: error }, 'backup failed'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const first = setTimeout(() => void tick(), 60_000);
  const timer = setInterval(() => void tick(), CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
    tick,
  };
}
