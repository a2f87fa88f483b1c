import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { isImportJobFinished, type WorkspaceId } from '@crm/shared';
import { runImportJob, type ImportDeps, type ImportSource } from '@crm/shared/application';
import { memoryLeases, type Lease, type Leases } from '@crm/shared/leases';
import type { Logger } from '../http/logging';
import { csvRecords, type CsvFormat } from './csv-file';
import { inspectCsv } from './csv-scanner';
import { localJobFiles, type JobFiles } from './job-files';
import { PREVIEWS } from './preview-store';

export type ImportWorker = {
  /**
   * Makes a queued job known to every instance (its lease row, free to take) and runs it here when a
   * slot is free; `format` (found while the file was uploaded) saves scanning it again.
   */
  enqueue(ws: WorkspaceId, jobId: string, format?: CsvFormat): Promise<void>;
  /** Stores an upload as the job's file, where every instance reads it. */
  keepFile(ws: WorkspaceId, jobId: string, upload: string): Promise<void>;
  /**
   * Gives every job left queued or running without a lease row (jobs from before leases) one, sweeps
   * job files no unfinished job owns, and starts looking for jobs whose lease expired (their instance
   * died or stopped); returns how many unfinished jobs there are.
   */
  resumeUnfinished(): Promise<number>;
  /** Takes over the jobs whose lease expired, now (the periodic look does the same); how many. */
  claimExpired(): Promise<number>;
  /** Resolves when nothing is queued or running here (tests). */
  idle(): Promise<void>;
  /** Asks running jobs to stop after the batches in flight (their progress is saved), frees their leases, waits. */
  stop(): Promise<void>;
};

export type ImportWorkerOptions = {
  readonly dataDir: string;
  readonly logger: Logger;
  readonly concurrency?: number;
  /** Shared by every instance (the directory table); default: this process's memory. */
  readonly leases?: Leases;
  /** Where job files wait (Blob Storage); default: this instance's disk. */
  readonly files?: JobFiles;
  /** How long a job's lease lasts unless renewed (renewed every third of it): a dead instance's job waits this long. */
  readonly leaseMs?: number;
  /** How often expired leases are looked for (default: half the lease). */
  readonly scanMs?: number;
  /** This instance, as lease rows name their holder. */
  readonly instanceId?: string;
};

type Entry = { readonly ws: WorkspaceId; readonly jobId: string; readonly format?: CsvFormat };

/** Jobs running at once in one process; never two of one workspace (they would compete for its rows). */
const DEFAULT_CONCURRENCY = 2;
export const DEFAULT_IMPORT_LEASE_MS = 60_000;
/** The lease rows of unfinished jobs: one partition for the deployment, a row per job (`<ws>|<jobId>`). */
export const IMPORT_LEASES = 'imp';
/** The holder of a job no instance has taken yet (its lease is expired from the start). */
const NOBODY = '';

const leaseKey = (ws: string, jobId: string) => `${ws}|${jobId}`;
const SWEEP_EVERY_MS = 15 * 60 * 1000;

/**
 * Runs import jobs, a few at a time, from their files. A job is run by the instance holding its lease
 * (a row every instance sees, renewed while the job runs); when an instance dies its leases expire and
 * whichever instance looks next takes the job over and resumes it from its saved progress.
 */
export function createImportWorker(deps: ImportDeps, options: ImportWorkerOptions): ImportWorker {
  const { logger } = options;
  const leases = options.leases ?? memoryLeases();
  const files = options.files ?? localJobFiles(options.dataDir);
  const leaseMs = options.leaseMs ?? DEFAULT_IMPORT_LEASE_MS;
  const me = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const startedAt = Date.now();
  const queue: Entry[] = [];
  const known = new Set<string>();
  const running = new Set<Promise<void>>();
  const runningIn = new Map<WorkspaceId, number>();
  const stopping = new AbortController();
  let scanner: NodeJS.Timeout | undefined;
  let sweeper: NodeJS.Timeout | undefined;
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
      const run = claimAndRun(entry).finally(() => {
        running.delete(run);
        runningIn.delete(entry.ws);
        known.delete(leaseKey(entry.ws, entry.jobId));
        pump();
        notifyIdle();
      });
      running.add(run);
    }
  };

  const add = (entry: Entry) => {
    const key = leaseKey(entry.ws, entry.jobId);
    if (known.has(key)) return;
    known.add(key);
    queue.push(entry);
    pump();
  };

  async function claimAndRun(entry: Entry): Promise<void> {
    const log = logger.child({ workspaceId: entry.ws, importJobId: entry.jobId });
    let lease: Lease | undefined;
    try {
      lease = await leases.acquire(IMPORT_LEASES, leaseKey(entry.ws, entry.jobId), me, leaseMs, {
        ws: entry.ws,
        job: entry.jobId,
      });
    } catch (error) {
      log.warn({ err: error }, 'cannot claim the import job; another look will');
      return;
    }
    if (!lease) return; // another instance holds it
    await runOne(entry, lease, log);
  }

  async function runOne({ ws, jobId, format }: Entry, first: Lease, log: Logger): Promise<void> {
    let lease: Lease | undefined = first;
    const lost = new AbortController();
    const signal = AbortSignal.any([stopping.signal, lost.signal]);
    // The heartbeat: a job whose lease another instance took over stops after its batches in flight.
    const heartbeat = setInterval(
      () => {
        if (!lease) return;
        leases.renew(lease, leaseMs).then(
          (renewed) => {
            if (renewed && lease) lease = renewed;
            else if (!renewed) {
              lease = undefined;
              lost.abort(new Error('Another instance took the import job over'));
            }
          },
          (error: unknown) => log.warn({ err: error }, 'cannot renew the import job’s lease'),
        );
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    let finished: boolean;
    let started = false;
    try {
      const path = await files.open(ws, jobId);
      const found = path ? (format ?? (await inspectCsv(path))) : undefined;
      const source: ImportSource | undefined =
        path && found ? { rows: () => csvRecords(path, found) } : undefined;
      started = true;
      const job = await runImportJob(deps, ws, jobId, source, { signal });
      // Gone, or ended (here or before): nothing more to run.
      finished =
        job === undefined
          ? !lost.signal.aborted && !(await deps.importJobs.get(ws, jobId))
          : isImportJobFinished(job);
      log.info(
        { status: job?.status, processedRows: job?.processedRows, created: job?.created },
        'import job left',
      );
    } catch (error) {
      log.error({ err: error }, 'import job failed unexpectedly');
      // The job records itself as failed before it throws; a file that could not be read yet (storage
      // busy) is tried again once the lease is free.
      finished = started;
    } finally {
      clearInterval(heartbeat);
    }
    const held = lease as Lease | undefined;
    if (finished) {
      await files
        .remove(ws, jobId)
        .catch((error: unknown) => log.warn({ err: error }, 'job file not removed'));
      if (held) await leases.release(held).catch(() => undefined);
    } else if (held) {
      // Stopped (shutdown) or handed over: free to take at once, by whichever instance looks first.
      await leases.renew(held, 0).catch(() => undefined);
    }
  }

  async function claimExpired(): Promise<number> {
    const now = Date.now();
    let count = 0;
    for (const row of await leases.list(IMPORT_LEASES)) {
      const ws = row.data.ws;
      const jobId = row.data.job;
      if (!ws || !jobId || row.untilMs > now || known.has(row.key)) continue;
      add({ ws, jobId });
      count += 1;
    }
    return count;
  }

  /** Files no unfinished job (a lease row) names; `files` keeps what is younger than an hour or this instance. */
  async function sweepNow(): Promise<void> {
    try {
      const unfinished = new Set((await leases.list(IMPORT_LEASES)).map((row) => row.key));
      const previews = new Set((await leases.list(PREVIEWS)).map((row) => row.key));
      await files.sweep(startedAt, (ws, name) =>
        name.startsWith('preview-')
          ? previews.has(name.slice('preview-'.length))
          : unfinished.has(leaseKey(ws, name)),
      );
    } catch (error) {
      logger.warn({ err: error }, 'cannot sweep import files');
    }
  }

  const look = () => {
    if (stopping.signal.aborted) return;
    claimExpired().catch((error: unknown) => logger.warn({ err: error }, 'cannot look for import jobs'));
  };

  return {
    async enqueue(ws, jobId, format) {
      await leases.acquire(IMPORT_LEASES, leaseKey(ws, jobId), NOBODY, 0, { ws, job: jobId });
      add({ ws, jobId, ...(format ? { format } : {}) });
    },
    keepFile: (ws, jobId, upload) => files.keep(ws, jobId, upload),
    async resumeUnfinished() {
      let count = 0;
      const unfinished = new Set<string>();
      const rows = new Set((await leases.list(IMPORT_LEASES)).map((row) => row.key));
      for await (const workspace of deps.workspaces.listAll()) {
        for (const job of await deps.importJobs.listUnfinished(workspace.id)) {
          const key = leaseKey(workspace.id, job.id);
          unfinished.add(key);
          count += 1;
          if (!rows.has(key))
            await leases.acquire(IMPORT_LEASES, key, NOBODY, 0, { ws: workspace.id, job: job.id });
        }
      }
      await files.sweep(startedAt, (ws, jobId) => unfinished.has(leaseKey(ws, jobId)));
      await claimExpired();
      if (!scanner && !stopping.signal.aborted) {
        scanner = setInterval(look, options.scanMs ?? Math.max(100, Math.floor(leaseMs / 2)));
        scanner.unref();
        // Copies this instance downloaded (a preview checked here, imported elsewhere) do not pile up.
        sweeper = setInterval(() => void sweepNow(), SWEEP_EVERY_MS);
        sweeper.unref();
      }
      if (count > 0) logger.info({ count }, 'unfinished imports');
      return count;
    },
    claimExpired,
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        notifyIdle();
      });
    },
    async stop() {
      if (scanner) clearInterval(scanner);
      if (sweeper) clearInterval(sweeper);
      stopping.abort(new Error('The server is stopping'));
      queue.length = 0;
      await Promise.allSettled([...running]);
    },
  };
}
