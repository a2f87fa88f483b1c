import type { WorkspaceId } from '../../common/types';

/**
 * When each workspace is next looked at, and how many at once: one timer for the earliest, at most
 * `concurrency` passes running, never two for the same workspace. A workspace scheduled while its
 * pass runs is taken up when that pass ends.
 */
export type RelayScheduler = {
  schedule(ws: WorkspaceId, atMs: number): void;
  /** Scheduled or running: a sweep leaves its time alone. */
  knows(ws: WorkspaceId): boolean;
  /** A wait that `stop` cuts short. */
  sleep(ms: number): Promise<void>;
  readonly stopping: boolean;
  /** No new passes; waits for the running ones up to `timeoutMs`. True when it gave up waiting. */
  stop(timeoutMs: number): Promise<boolean>;
};

export function createRelayScheduler(options: {
  readonly nowMs: () => number;
  readonly concurrency: number;
  /** One pass; resolves to when to look again (ms), if ever. Must not reject. */
  readonly run: (ws: WorkspaceId) => Promise<number | undefined>;
}): RelayScheduler {
  const due = new Map<WorkspaceId, number>();
  const active = new Map<WorkspaceId, Promise<void>>();
  const sleepers = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopping = false;

  function schedule(ws: WorkspaceId, atMs: number): void {
    if (stopping) return;
    const current = due.get(ws);
    if (current === undefined || atMs < current) due.set(ws, atMs);
    kick();
  }

  /** Starts the due workspaces (up to the concurrency) and sets a timer for the next one. */
  function kick(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (stopping) return;
    const now = options.nowMs();
    let next = Infinity;
    for (const [ws, at] of due) {
      if (active.has(ws)) continue;
      if (at > now) next = Math.min(next, at);
      else if (active.size < options.concurrency) {
        due.delete(ws);
        start(ws);
      }
    }
    if (next < Infinity) timer = setTimeout(kick, Math.max(next - now, 1));
  }

  function start(ws: WorkspaceId): void {
    const pass = options
      .run(ws)
      .then((next) => {
        if (next !== undefined) schedule(ws, next);
      })
      .finally(() => {
        active.delete(ws);
        kick();
      });
    active.set(ws, pass);
  }

  return {
    schedule,
    knows: (ws) => due.has(ws) || active.has(ws),
    sleep: (ms) =>
      new Promise((resolve) => {
        const done = () => {
          clearTimeout(t);
          sleepers.delete(done);
          resolve();
        };
        const t = setTimeout(done, ms);
        sleepers.add(done);
      }),
    get stopping() {
      return stopping;
    },
    async stop(timeoutMs) {
      stopping = true;
      if (timer) clearTimeout(timer);
      for (const wake of [...sleepers]) wake();
      let timedOut = false;
      let giveUp: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.all(active.values()),
        new Promise<void>((resolve) => {
          giveUp = setTimeout(() => {
            timedOut = true;
            resolve();
          }, timeoutMs);
        }),
      ]);
      clearTimeout(giveUp);
      return timedOut;
    },
  };
}
