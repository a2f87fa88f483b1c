import { rm, stat } from 'node:fs/promises';
import type { WorkspaceId } from '@crm/shared';
import { runImportJob, type ImportDeps, type ImportSource } from '@crm/shared/application';
import type { Logger } from '../http/logging';
import { csvRecords, inspectCsv, type CsvFormat } from './csv-file';
import { jobFilePath } from './import-files';

export type ImportWorker = {
  /** Runs the job when a slot is free; `format` saves reading the file once more. */
  enqueue(ws: WorkspaceId, jobId: string, format?: CsvFormat): void;
  /** Queues every job left queued or running by an earlier process; returns how many. */
  resumeUnfinished(): Promise<number>;
  /** Resolves when nothing is queued or running (tests). */
  idle(): Promise<void>;
  /** Asks running jobs to stop after the batches in flight (their progress is saved) and waits. */
  stop(): Promise<void>;
};

type Entry = { readonly ws: WorkspaceId; readonly jobId: string; readonly format?: CsvFormat };

/** Runs import jobs in this process, a few at a time, from their spooled files under `dataDir`. */
export function createImportWorker(
  deps: ImportDeps,
  options: { readonly dataDir: string; readonly logger: Logger; readonly concurrency?: number },
): ImportWorker {
  const { dataDir, logger } = options;
  const queue: Entry[] = [];
  const running = new Set<Promise<void>>();
  const stopping = new AbortController();
  let idleWaiters: (() => void)[] = [];

  const notifyIdle = () => {
    if (queue.length > 0 || running.size > 0) return;
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  };

  const pump = () => {
    while (!stopping.signal.aborted && running.size < (options.concurrency ?? 1) && queue.length > 0) {
      const entry = queue.shift() as Entry;
      const run = runOne(entry).finally(() => {
        running.delete(run);
        pump();
        notifyIdle();
      });
      running.add(run);
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
      if (job?.status === 'completed' || job?.status === 'failed') await rm(path, { force: true });
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
    async resumeUnfinished() {
      let count = 0;
      for await (const workspace of deps.workspaces.listAll()) {
        for (const job of await deps.importJobs.listUnfinished(workspace.id)) {
          this.enqueue(workspace.id, job.id);
          count += 1;
        }
      }
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
