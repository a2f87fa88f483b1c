import { purgeExpired, type AppDeps } from '@crm/shared/application';
import type { Logger } from './http/logging';

const EVERY_MS = 6 * 60 * 60 * 1000;

/** Empties what has sat in the recycle bins past their time, every few hours, for every workspace. */
export function startRecyclePurge(deps: AppDeps, logger: Logger): { stop(): void } {
  let running: Promise<void> | undefined;
  const purgeAll = async () => {
    for await (const workspace of deps.workspaces.listAll()) {
      const purged = await purgeExpired(deps, workspace.id);
      if (purged > 0)
        logger.info({ workspaceId: workspace.id, purged }, 'purged expired recycle bin entries');
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
