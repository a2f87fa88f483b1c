import { purgeExpired, purgeFinishedImports, type ImportDeps } from '@crm/shared/application';
import type { Logger } from './http/logging';

const EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Every few hours, for every workspace: empties what has sat in the recycle bin past its time, and
 * forgets import jobs that ended more than a week ago.
 */
export function startRecyclePurge(deps: ImportDeps, logger: Logger): { stop(): void } {
  let running: Promise<void> | undefined;
  const purgeAll = async () => {
    for await (const workspace of deps.workspaces.listAll()) {
      const purged = await purgeExpired(deps, workspace.id);
      if (purged > 0)
        logger.info({ workspaceId: workspace.id, purged }, 'purged expired recycle bin entries');
      const imports = await purgeFinishedImports(deps, workspace.id);
      if (imports > 0) logger.info({ workspaceId: workspace.id, imports }, 'purged finished import jobs');
    }
  };
  const tick = () => {
    if (running) return;
    running = purgeAll()
      .catch((error: unknown) => logger.error({ err: error }, 'recycle bin purge failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
