import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import {
  completeImportJob,
  failImportJob,
  ignoredColumns,
  queueImportJob,
  recordImportProgress,
  resolveMapping,
  startImportJob,
  type DuplicatePolicy,
  type ImportFailure,
  type ImportJob,
  type ImportKind,
  type ImportTally,
  type MappingInput,
  type RunningImportJob,
} from '../../imports';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import { importRecords } from './import-records.use-case';
import { checkMappingValues } from './import-context';
import type { ImportJobRepository } from '../ports';
import type { Version } from '../../records/versions';

export type ImportDeps = AppDeps & { readonly importJobs: ImportJobRepository };

/** What a job imports: the kind, the caller's changes to the detected mapping, and what duplicates do. */
export type ImportRequest = {
  readonly kind: ImportKind;
  readonly changes?: MappingInput;
  readonly duplicates?: DuplicatePolicy;
};

/**
 * Queues an import of an uploaded file whose header row and row count the transport has read. The
 * mapping is resolved now (a bad one is refused before anything is queued) and kept with the job, so
 * a resumed job reads the rows as the first run did.
 */
export async function createImportJob(
  deps: ImportDeps,
  caller: Caller,
  ws: WorkspaceId,
  file: { readonly header: readonly string[]; readonly total: number },
  request: ImportRequest = { kind: 'lead' },
): Promise<Result<ImportJob>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const resolved = resolveMapping(request.kind, file.header, request.changes);
  if (!resolved.ok) return resolved;
  const values = await checkMappingValues(deps, ws, access.value.workspace.record, resolved.value.mapping);
  if (!values.ok) return values;
  const job = queueImportJob(
    {
      id: deps.ids.newId(),
      workspaceId: ws,
      createdBy: caller.actor.userId,
      total: file.total,
      ignoredColumns: ignoredColumns(resolved.value.columns),
      kind: request.kind,
      mapping: resolved.value.mapping,
      duplicatePolicy: request.duplicates ?? 'skip',
    },
    deps.clock.now(),
  );
  await deps.importJobs.create(job);
  return ok(job);
}

/** How long a finished import can still be looked up (its tally, its bad rows) before it is purged. */
export const FINISHED_IMPORT_DAYS = 7;

/** Housekeeping: forgets the workspace's imports that ended more than a week ago; returns how many. */
export async function purgeFinishedImports(deps: ImportDeps, ws: WorkspaceId): Promise<number> {
  const cutoff = new Date(Date.parse(deps.clock.now()) - FINISHED_IMPORT_DAYS * 86_400_000).toISOString();
  return deps.importJobs.purgeFinished(ws, cutoff);
}

/** Any member of the workspace may follow its imports; to everyone else a job does not exist. */
export async function getImportJob(
  deps: ImportDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
): Promise<Result<ImportJob>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const found = await deps.importJobs.get(ws, id);
  return found ? ok(found.record) : err(domainError('IMPORT.NOT_FOUND', 'No such import in this workspace.'));
}

/** The uploaded file's CSV records, read afresh on each call. */
export type ImportSource = { rows(): AsyncIterable<readonly string[]> };

export type RunImportOptions = {
  /** Stop (server shutdown): the job stays running, its progress saved, and resumes on the next start. */
  readonly signal?: AbortSignal;
  /** Progress is saved when this many rows or milliseconds have passed since the last save. */
  readonly saveEvery?: { readonly rows: number; readonly ms: number };
  readonly concurrency?: number;
};

const SAVE_EVERY = { rows: 1000, ms: 1000 };

const FILE_GONE: ImportFailure = {
  code: 'IMPORT.FILE_GONE',
  message:
    'The uploaded file is no longer available; upload it again (rows already imported count as duplicates).',
};
const UNEXPECTED: ImportFailure = {
  code: 'IMPORT.UNEXPECTED',
  message:
    'The import stopped unexpectedly; upload the file again (rows already imported count as duplicates).',
};

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Ids a row may take: up to 8 (a deal takes 2, and its events), counted in 32^7 (7 characters). */
const ROW_ID_SPACE = 32 ** 7;

/**
 * The `n`-th id row `row` of job `jobId` gives a record: the same on every run, so a resumed job
 * recognises what an interrupted run of it committed. From a generated job id (26 characters, newest
 * first): its time and the first 9 of its random characters, then 7 that count down with the row,
 * so a job's records list in file order, newest last-row first, like ids made one after another.
 */
export function importRowId(jobId: Id, row: number, n: number): Id {
  if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(jobId)) return `${jobId.slice(0, 40)}-r${row}-${n}`;
  let rest = ROW_ID_SPACE - 1 - ((row * 8 + n) % ROW_ID_SPACE);
  let tail = '';
  for (let i = 0; i < 7; i++) {
    tail = (CROCKFORD[rest % 32] as string) + tail;
    rest = Math.floor(rest / 32);
  }
  return jobId.slice(0, 19) + tail;
}

/** Another worker saved the job since this one read it: it is theirs now. */
class JobTakenOver extends Error {}

const tallyOf = (t: ImportTally): ImportTally => ({
  processedRows: t.processedRows,
  imported: t.imported ?? 0,
  created: t.created ?? 0,
  updated: t.updated ?? 0,
  skipped: t.skipped ?? 0,
  duplicateCount: t.duplicateCount ?? 0,
  errors: typeof t.errors === 'number' ? t.errors : 0,
  skippedRows: t.skippedRows ?? [],
  errorRows: t.errorRows ?? [],
  valueMappings: t.valueMappings ?? [],
});

/**
 * Runs (or resumes) a queued or running job as the member who started it, saving progress as it
 * goes; a resumed job skips the rows its saved tally covers. Returns the job as it was left, or
 * undefined when there is no such job or another worker took it over. Throws what went wrong
 * unexpectedly after recording the job as failed.
 */
export async function runImportJob(
  deps: ImportDeps,
  ws: WorkspaceId,
  id: Id,
  source: ImportSource | undefined,
  options: RunImportOptions = {},
): Promise<ImportJob | undefined> {
  const found = await deps.importJobs.get(ws, id);
  if (!found) return undefined;
  const started = startImportJob(found.record, deps.clock.now());
  if (!started.ok) return found.record;

  let version: Version = found.version;
  let job: ImportJob = found.record;
  const save = async (next: ImportJob): Promise<void> => {
    const saved = await deps.importJobs.update(next, version);
    if (!saved.ok) throw new JobTakenOver();
    version = saved.value;
    job = next;
  };
  const running: RunningImportJob = started.value;
  let latest: ImportTally = tallyOf(running);
  try {
    await save(running);
    if (!source) {
      await save(failImportJob(running, FILE_GONE, deps.clock.now()));
      return job;
    }
    const workspace = await deps.workspaces.get(ws);
    if (!workspace) {
      await save(
        failImportJob(
          running,
          { code: 'WORKSPACE.NOT_FOUND', message: 'The workspace is gone.' },
          deps.clock.now(),
        ),
      );
      return job;
    }
    const every = options.saveEvery ?? SAVE_EVERY;
    let saved = { rows: latest.processedRows, at: Date.parse(deps.clock.now()) };
    const result = await importRecords(
      deps,
      { actor: { tenantId: workspace.record.tenantId, userId: running.createdBy } },
      ws,
      source.rows(),
      {
        kind: running.kind ?? 'lead',
        ...(running.mapping ? { mapping: running.mapping } : {}),
        duplicates: running.duplicatePolicy ?? 'skip',
        resumeFrom: latest,
        rowIds: (row, n) => importRowId(id, row, n),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        onProgress: async (tally) => {
          latest = tally;
          const now = Date.parse(deps.clock.now());
          if (tally.processedRows - saved.rows < every.rows && now - saved.at < every.ms) return;
          await save(recordImportProgress(running, tally));
          saved = { rows: tally.processedRows, at: now };
        },
      },
    );
    await save(
      result.ok
        ? completeImportJob(running, tallyOf(result.value), deps.clock.now())
        : failImportJob(
            running,
            { code: result.error.code, message: result.error.message },
            deps.clock.now(),
          ),
    );
    return job;
  } catch (error) {
    if (error instanceof JobTakenOver) return undefined;
    const stopped = options.signal?.aborted === true;
    const left = stopped
      ? recordImportProgress(running, latest)
      : failImportJob(recordImportProgress(running, latest), UNEXPECTED, deps.clock.now());
    const recorded = await save(left).then(
      () => true,
      () => false,
    );
    if (stopped) return recorded ? job : undefined;
    throw error;
  }
}
