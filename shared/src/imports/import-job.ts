import { domainError } from '../common/domain-error';
import type { ErrorCode } from '../common/error-codes';
import { err, ok, type Result } from '../common/result';
import type { Id, Instant, UserId, WorkspaceId } from '../common/types';
import type { ImportKind } from './import-fields';
import type { ImportMapping } from './import-mapping';
import { EMPTY_TALLY, type ImportTally } from './import-tally';

/** Why a job stopped: a stable code for the client to translate, and a message for logs. */
export type ImportFailure = { readonly code: ErrorCode; readonly message: string };

type ImportJobBase = ImportTally & {
  readonly id: Id;
  readonly workspaceId: WorkspaceId;
  readonly createdBy: UserId;
  readonly createdAt: Instant;
  /** Non-blank data rows in the file, counted on upload. */
  readonly total: number;
  /** The file's columns that are not imported (not recognised, or chosen not to). */
  readonly ignoredColumns: readonly string[];
  /** What is imported (jobs queued before imports had kinds are leads). */
  readonly kind?: ImportKind;
  /** The mapping the rows are read with; absent on jobs queued before mappings (detected again). */
  readonly mapping?: ImportMapping;
  /** What a row matching an existing record does. */
  readonly duplicatePolicy?: DuplicatePolicy;
};

/**
 * What a row that matches an existing record does: `skip` it, `update` the record's empty fields
 * from it (never overwriting), or `create` a record anyway (not for a lead whose email another lead
 * has: a lead's email is unique in its workspace).
 */
export const DUPLICATE_POLICIES = ['skip', 'update', 'create'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

/** A large import, run in the background: queued → running → completed, or failed from either. */
export type ImportJob =
  | (ImportJobBase & { readonly status: 'queued' })
  | (ImportJobBase & { readonly status: 'running'; readonly startedAt: Instant })
  | (ImportJobBase & {
      readonly status: 'completed';
      readonly startedAt: Instant;
      readonly finishedAt: Instant;
    })
  | (ImportJobBase & {
      readonly status: 'failed';
      readonly startedAt?: Instant;
      readonly finishedAt: Instant;
      readonly failure: ImportFailure;
    });
export type ImportJobStatus = ImportJob['status'];
export type RunningImportJob = Extract<ImportJob, { status: 'running' }>;

/** A job that changes no more (completed or failed): pollers stop, the spooled file goes. */
export const isImportJobFinished = (job: { readonly status?: ImportJobStatus }): boolean =>
  isImportJobCompleted(job) || isImportJobFailed(job);

export const isImportJobCompleted = <J extends { readonly status?: ImportJobStatus }>(
  job: J,
): job is J & { readonly status: 'completed' } => job.status === 'completed';

/** A failed job carries its `failure`. */
export const isImportJobFailed = <J extends { readonly status?: ImportJobStatus }>(
  job: J,
): job is J & { readonly status: 'failed' } => job.status === 'failed';

export function queueImportJob(
  input: {
    id: Id;
    workspaceId: WorkspaceId;
    createdBy: UserId;
    total: number;
    ignoredColumns: readonly string[];
    kind?: ImportKind;
    mapping?: ImportMapping;
    duplicatePolicy?: DuplicatePolicy;
  },
  now: Instant,
): ImportJob {
  return { ...input, ...EMPTY_TALLY, createdAt: now, status: 'queued' };
}

/** Starts a queued job; a running one (the server stopped mid-way) resumes where its tally says. */
export function startImportJob(job: ImportJob, now: Instant): Result<RunningImportJob> {
  switch (job.status) {
    case 'queued':
      return ok({ ...job, status: 'running', startedAt: now });
    case 'running':
      return ok(job);
    case 'completed':
    case 'failed':
      return err(domainError('IMPORT.ALREADY_FINISHED', `The import is already ${job.status}.`));
    default: {
      const _exhaustive: never = job;
      throw new Error(`Unknown import job ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const recordImportProgress = (job: RunningImportJob, tally: ImportTally): RunningImportJob => ({
  ...job,
  ...tally,
});

export const completeImportJob = (job: RunningImportJob, tally: ImportTally, now: Instant): ImportJob => ({
  ...job,
  ...tally,
  status: 'completed',
  finishedAt: now,
});

export function failImportJob(job: ImportJob, failure: ImportFailure, now: Instant): ImportJob {
  const { status: _status, ...rest } = job;
  return { ...rest, status: 'failed', finishedAt: now, failure };
}
