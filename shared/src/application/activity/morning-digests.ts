import { morningDigestDate } from '../../activity/morning-digest';
import type { IsoDate } from '../../common/types';
import type { AppDeps } from '../deps';
import type { RelayLog } from '../relay/relay-ports';
import { queueMorningDigest, type MorningDigestOutcome } from './morning-digest.use-case';

/** How often the bot looks whose 08:00 it is: a digest goes out within this of 08:00 (plus the relay's delay). */
export const MORNING_DIGEST_INTERVAL_MS = 60_000;
/** A person's time zone is read again after this (they may have travelled). */
const TIME_ZONE_TTL_MS = 10 * 60_000;

export type MorningDigestPass = {
  /** Workspaces with the digest on. */
  readonly workspaces: number;
  /** Members whose digest was looked at, by outcome (members outside their digest hour are not counted). */
  readonly outcomes: Readonly<Partial<Record<MorningDigestOutcome, number>>>;
  readonly failures: number;
};

/**
 * What one process remembers between passes, to read little when nothing is due: each member's time
 * zone for a while, and the day whose digest it already saw done. Losing it (a restart) costs reads,
 * never a second digest: the day's claim in storage decides.
 */
export type MorningDigestMemory = {
  readonly timeZones: Map<string, { readonly timeZone: string; readonly readAtMs: number }>;
  readonly done: Map<string, IsoDate>;
};

export const freshMorningDigestMemory = (): MorningDigestMemory => ({
  timeZones: new Map(),
  done: new Map(),
});

/**
 * One pass: for every member of every workspace with the digest on, in their time zone (the one Teams
 * last named for them, else the workspace's), the digest due now is queued once (`queueMorningDigest`).
 */
export async function runMorningDigests(
  deps: AppDeps,
  memory: MorningDigestMemory,
  log: Pick<RelayLog, 'warn' | 'info'>,
): Promise<MorningDigestPass> {
  const outcomes: Partial<Record<MorningDigestOutcome, number>> = {};
  let workspaces = 0;
  let failures = 0;
  for await (const workspace of deps.workspaces.listWithMorningDigest()) {
    const setting = workspace.settings.morningDigest;
    if (!setting?.enabled) continue;
    workspaces += 1;
    try {
      for (const member of await deps.workspaces.listMembers(workspace.id)) {
        const nowMs = Date.parse(deps.clock.now());
        const person = `${workspace.tenantId}|${member.userId}`;
        let zone = memory.timeZones.get(person);
        if (!zone || nowMs - zone.readAtMs > TIME_ZONE_TTL_MS) {
          const told = await deps.conversations.getPersonalTimeZone(workspace.tenantId, member.userId);
          zone = { timeZone: told ?? setting.timeZone, readAtMs: nowMs };
          memory.timeZones.set(person, zone);
        }
        const date = morningDigestDate(deps.clock.now(), zone.timeZone);
        const seen = `${workspace.id}|${member.userId}`;
        if (!date || memory.done.get(seen) === date) continue;
        const outcome = await queueMorningDigest(deps, workspace, member.userId, zone.timeZone);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (outcome !== 'not-now') memory.done.set(seen, date);
        if (outcome === 'queued') {
          log.info({ workspaceId: workspace.id, userId: member.userId, date }, 'morning digest queued');
        }
      }
    } catch (error) {
      failures += 1;
      log.warn({ err: error, workspaceId: workspace.id }, 'morning digests of a workspace failed; next pass');
    }
  }
  return { workspaces, outcomes, failures };
}

export type MorningDigests = {
  /** One pass now (tests; the timer runs them on its own). */
  runOnce(): Promise<MorningDigestPass>;
  /** No more passes; waits for the one running. */
  stop(): Promise<void>;
};

/**
 * Runs a pass every `intervalMs` (never two at once in a process). Several processes may run it: the
 * day's claim, created in the digest's commit, keeps it to one digest per member per day.
 */
export function startMorningDigests(
  deps: AppDeps,
  options: { readonly log: Pick<RelayLog, 'warn' | 'info'>; readonly intervalMs?: number },
): MorningDigests {
  const memory = freshMorningDigestMemory();
  const intervalMs = options.intervalMs ?? MORNING_DIGEST_INTERVAL_MS;
  let running: Promise<MorningDigestPass> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const runOnce = (): Promise<MorningDigestPass> =>
    (running ??= runMorningDigests(deps, memory, options.log).finally(() => {
      running = undefined;
    }));
  const tick = () => {
    runOnce()
      .catch((error: unknown) => options.log.warn({ err: error }, 'morning digest pass failed'))
      .finally(() => {
        if (!stopped) arm();
      });
  };
  const arm = () => {
    timer = setTimeout(tick, intervalMs);
    timer.unref?.();
  };
  arm();
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
