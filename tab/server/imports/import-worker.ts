import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isImportJobFinished, type WorkspaceId } from '@crm/shared';
import { runImportJob, type ImportDeps, type ImportSource } from '@crm/shared/application';
import type { Logger } from '../http/logging';
import { csvRecords, type CsvFormat } from './csv-file';
import { inspectCsv } from './csv-scanner';
import { jobFilePath, jobIdOfFile, spoolDir } from './import-files';

export type ImportWorker = {
  /** Runs the job when a slot is free; `format` (found while the file was uploaded) saves scanning it again. */
  enqueue(ws: WorkspaceId, jobId: string, format?: CsvFormat): void;
  /** Jobs of the workspace queued or running in this process. */
  unfinished(ws: WorkspaceId): number;
  /**
   * Queues every job left queued or running by an earlier process and returns how many; sweeps the
   * spool of files older than this worker that no unfinished job owns (uploads a crash cut short,
   * files of jobs that ended just before a crash).
   */
  resumeUnfinished(): Promise<number>;
  /** Resolves when nothing is queued or running (tests). */
  idle(): Promise<void>;
  /** Asks running jobs to stop after the batches in flight (their progress is saved) and waits. */
  stop(): Promise<void>;
};

type Entry = { readonly ws: WorkspaceId; readonly jobId: string; readonly format?: CsvFormat };

/** Jobs running at once in one process; never two of one workspace (they would compete for its rows). */
const DEFAULT_CONCURRENCY = 2;

/** Runs import jobs in this process, a few at a time, from their spooled files under `dataDir`. */
export function createImportWorker(
  deps: ImportDeps,
  options: { readonly dataDir: string; readonly logger: Logger; readonly concurrency?: number },
): ImportWorker {
  const { dataDir, logger } = options;
  const startedAt = Date.now();
  const queue: Entry[] = [];
  const running = new Set<Promise<void>>();
  const runningIn = new Map<WorkspaceId, number>();
  const stopping = new AbortController();
  let idleWaiters: (() => void)[] = [];

  const notifyIdle = () => {
    if (queue.length > 0 || running.size > 0) return;
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  };

  const pump = () => {
    while (!stopping.signal.aborted && running.size < (options.concurrency ?? DEFAULT_CONCURRENCY)) {
      const next = queue.findIndex((entry) => !runningIn.has(entry.ws));
      if (next < 0) return;
      const [entry] = queue.splice(next, 1) as [Entry];
      runningIn.set(entry.ws, 1);
      const run = runOne(entry).finally(() => {
        running.delete(run);
        runningIn.delete(entry.ws);
        pump();
        notifyIdle();
      });
      running.add(run);
    }
  };

  /** Removes spooled files from before this process that no unfinished job owns. */
  const sweep = async (ws: string, keep: ReadonlySet<string>) => {
    const dir = join(spoolDir(dataDir), ws);
    for (const name of await readdir(dir).catch(() => [])) {
      const jobId = jobIdOfFile(name);
      if (jobId !== undefined && keep.has(jobId)) continue;
      const path = join(dir, name);
      const old = await stat(path).then(
        (s) => s.mtimeMs < startedAt,
        () => false,
      );
      if (old) await rm(path, { force: true });
    }
  };

  async function runOne({ ws, jobId, format }: Entry): Promise<void> {
    const path = jobFilePath(dataDir, ws, jobId);
    const log = logger.child({ workspaceId: ws, importJobId: jobId });
    try {
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      const found = exists ? (format ?? (await inspectCsv(path))) : undefined;
      const source: ImportSource | undefined = found ? { rows: () => csvRecords(path, found) } : undefined;
      const job = await runImportJob(deps, ws, jobId, source, { signal: stopping.signal });
      if (job && isImportJobFinished(job)) await rm(path, { force: true });
      log.info(
        { status: job?.status, processedRows: job?.processedRows, created: job?.created },
        'import job left',
      );
    } catch (error) {
      log.error({ err: error }, 'import job failed unexpectedly');
      await rm(path, { force: true });
    }
  }

  return {
    enqueue(ws, jobId, format) {
      queue.push({ ws, jobId, ...(format ? { format } : {}) });
      pump();
    },
    unfinished(ws) {
      return queue.filter((entry) => entry.ws === ws).length + (runningIn.get(ws) ?? 0);
    },
    async resumeUnfinished() {
      let count = 0;
      const owned = new Map<string, Set<string>>();
      for await (const workspace of deps.workspaces.listAll()) {
        const jobs = await deps.importJobs.listUnfinished(workspace.id);
        owned.set(workspace.id, new Set(jobs.map((job) => job.id)));
        for (const job of jobs) {
          this.enqueue(workspace.id, job.id);
          count += 1;
        }
      }
      for (const ws of await readdir(spoolDir(dataDir)).catch(() => []))
        await sweep(ws, owned.get(ws) ?? new Set());
      if (count > 0) logger.info({ count }, 'resuming unfinished imports');
      return count;
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        notifyIdle();
      });
    },
    async stop() {
      stopping.abort(new Error('The server is stopping'));
      queue.length = 0;
      await Promise.allSettled([...running]);
    },
  };
}
