import {
  forgetOldIdempotencyKeys,
  purgeExpired,
  purgeFinishedImports,
  type ImportDeps,
} from '@crm/shared/application';
import type { WorkspaceId } from '@crm/shared';
import type { Leases } from '@crm/shared/storage';
import type { Logger } from './http/logging';

/** The housekeeping's period: each workspace's runs once per period. */
const EVERY_MS = 6 * 60 * 60 * 1000;
/** How often each instance asks whether a workspace's period is due (and claims it). */
const CHECK_EVERY_MS = 15 * 60 * 1000;
/** The once-per-period markers (`lse|run` / `housekeeping|<ws>`, column `period`): see KEYS.md. */
export const SCHEDULED_RUNS = 'run';

export type HousekeepingOptions = {
  /** Shared by every instance (the directory table): the marker a period's run claims. */
  readonly leases: Leases;
  readonly everyMs?: number;
  readonly checkMs?: number;
  /** Soon after start, not a whole check later (default: a minute). */
  readonly firstMs?: number;
};

/**
 * Housekeeping of every workspace once per period (6 h) whatever the instance count: empties what has
 * sat in the recycle bin past its time, forgets import jobs that ended more than a week ago and
 * idempotency keys older than a week. Every instance checks each quarter hour; for each workspace
 * only the instance whose claim of the period wins (insert, or replace with the ETag read, of the
 * workspace's marker row) does the work. A run cut short by a crash is done again next period: each
 * step is idempotent.
 */
export function startRecyclePurge(
  deps: ImportDeps,
  logger: Logger,
  options: HousekeepingOptions,
): { stop(): void; tick(): Promise<WorkspaceId[]> } {
  const everyMs = options.everyMs ?? EVERY_MS;
  let running: Promise<WorkspaceId[]> | undefined;
  const purge = async (ws: WorkspaceId) => {
    const purged = await purgeExpired(deps, ws);
    if (purged > 0) logger.info({ workspaceId: ws, purged }, 'purged expired recycle bin entries');
    const imports = await purgeFinishedImports(deps, ws);
    if (imports > 0) logger.info({ workspaceId: ws, imports }, 'purged finished import jobs');
    const keys = await forgetOldIdempotencyKeys(deps, ws);
    if (keys > 0) logger.info({ workspaceId: ws, keys }, 'forgot old idempotency keys');
  };
  const purgeAll = async (): Promise<WorkspaceId[]> => {
    const nowMs = Date.parse(deps.clock.now());
    const period = new Date(Math.floor(nowMs / everyMs) * everyMs).toISOString();
    const done: WorkspaceId[] = [];
    for await (const workspace of deps.workspaces.listAll()) {
      try {
        if (!(await options.leases.claimPeriod(SCHEDULED_RUNS, `housekeeping|${workspace.id}`, period)))
          continue;
        await purge(workspace.id);
        done.push(workspace.id);
      } catch (error) {
        logger.error({ err: error, workspaceId: workspace.id }, 'housekeeping failed');
      }
    }
    return done;
  };
  const tick = () =>
    (running ??= purgeAll()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'housekeeping failed');
        return [];
      })
      .finally(() => {
        running = undefined;
      }));
  const first = setTimeout(() => void tick(), options.firstMs ?? 60_000);
  const timer = setInterval(() => void tick(), options.checkMs ?? CHECK_EVERY_MS);
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
