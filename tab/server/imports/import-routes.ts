import { rm } from 'node:fs/promises';
import type { Request, Response, Router } from 'express';
import {
  DUPLICATE_POLICIES,
  domainError,
  idSchema,
  isImportJobFinished,
  tallyAliases,
  type DuplicatePolicy,
  type ImportJob,
  type ImportKind,
  type MappingInput,
  type WorkspaceId,
} from '@crm/shared';
import {
  accessWorkspace,
  createImportJob,
  getImportJob,
  importRecords,
  type Caller,
  type ImportDeps,
  type ImportResult,
} from '@crm/shared/application';
import { sendDomainError, sendTransportError } from '../http/problem';
import { callerOf } from '../http/request-context';
import { csvRecords, type CsvFormat } from './csv-file';
import type { CsvLimits } from './csv-tokenizer';
import type { ImportSlots } from './import-slots';
import type { ImportWorker } from './import-worker';
import {
  IMPORT_FILES,
  receiveCsv,
  sendUnsupportedType,
  type FileTypes,
  type Upload,
  type UploadOptions,
} from './upload';
import type { SpoolQuota } from './spool-quota';

export type ImportRouteOptions = UploadOptions & {
  readonly worker: ImportWorker;
  /** Files with at most this many rows are imported within the request (200); larger ones become a job (202). */
  readonly inlineMaxRows: number;
  readonly quota: SpoolQuota;
  /** Jobs one workspace may have queued or running (429 IMPORT.QUEUE_FULL beyond). */
  readonly maxJobsPerWorkspace: number;
  readonly csvLimits: CsvLimits;
  /** Imports in flight per user and in this process (429 IMPORT.TOO_MANY_AT_ONCE / IMPORT.SERVER_BUSY). */
  readonly slots: ImportSlots;
};

/** Seconds a client is asked to wait: a queued job takes a while. */
const RETRY_QUEUE_FULL = '30';
/** An import within the request takes seconds; an upload of the largest file, longer. */
const RETRY_BUSY = '10';

/** URL segment → kind: `POST /workspaces/{ws}/organisations/import`... */
export const IMPORTS: Readonly<Record<string, ImportKind>> = {
  leads: 'lead',
  organisations: 'organisation',
  contacts: 'contact',
  opportunities: 'opportunity',
};
export const importPath = (plural: string): string => `/workspaces/:ws/${plural}/import`;
export const IMPORT_PATH = importPath('leads');
export const IMPORT_JOB_PATH = '/workspaces/:ws/imports/:id';

/** A path segment that cannot be an id names nothing: 404, before storage or the file system see it. */
export function checkedIds(req: Request, res: Response): { ws: string; id?: string } | undefined {
  const { ws, id } = req.params as { ws: string; id?: string };
  if (!idSchema.safeParse(ws).success) {
    sendDomainError(req, res, domainError('WORKSPACE.NOT_FOUND', 'No such workspace.'));
    return undefined;
  }
  if (id !== undefined && !idSchema.safeParse(id).success) {
    sendDomainError(req, res, domainError('IMPORT.NOT_FOUND', 'No such import in this workspace.'));
    return undefined;
  }
  return id === undefined ? { ws } : { ws, id };
}

const jobLocation = (job: ImportJob): string => `/api/v1/workspaces/${job.workspaceId}/imports/${job.id}`;

/** The job as the API answers it: the stored job, its mapping left out, with the earlier names beside the new. */
export function jobBody(job: ImportJob): object {
  const { mapping: _mapping, ...rest } = job;
  return {
    ...rest,
    kind: job.kind ?? 'lead',
    duplicatePolicy: job.duplicatePolicy ?? 'skip',
    ...tallyAliases(job),
  };
}

/** An inline import's result, with the earlier names beside the new. */
export const resultBody = (result: ImportResult): object => ({ ...result, ...tallyAliases(result) });

/** Pollers are told to come back in a second while the job is not finished. */
export function sendJob(res: Response, status: number, job: ImportJob): void {
  if (!isImportJobFinished(job)) res.set('Retry-After', '1');
  res.status(status).json(jobBody(job));
}

/** `?duplicates=skip|update|create`; undefined when absent, null when not one of them (answered 400). */
export function duplicatesParam(req: Request, res: Response): DuplicatePolicy | undefined | null {
  const given = req.query.duplicates;
  if (given === undefined) return undefined;
  if (typeof given === 'string' && (DUPLICATE_POLICIES as readonly string[]).includes(given))
    return given as DuplicatePolicy;
  sendDomainError(
    req,
    res,
    domainError('VALIDATION.FAILED', 'duplicates must be skip, update or create.', {
      fields: { duplicates: 'skip, update or create' },
    }),
  );
  return null;
}

/**
 * Runs `body` while holding one of the caller's import slots; refuses (429, Retry-After) when they
 * or the server have as many imports in flight as allowed. The body of a refused request is not read.
 */
export async function withImportSlot(
  req: Request,
  res: Response,
  slots: ImportSlots,
  caller: Caller,
  body: () => Promise<void>,
): Promise<void> {
  const slot = await slots.acquire(`${caller.actor.tenantId}/${caller.actor.userId}`);
  if (!slot.ok) {
    req.resume();
    res.set({ Connection: 'close', 'Retry-After': RETRY_BUSY });
    return slot.refused === 'user'
      ? sendTransportError(
          req,
          res,
          'IMPORT.TOO_MANY_AT_ONCE',
          'You have as many imports uploading or importing as one person may; try again when one has finished.',
        )
      : sendTransportError(
          req,
          res,
          'IMPORT.SERVER_BUSY',
          'The server is importing as many files as it takes at once; try again in a moment.',
        );
  }
  try {
    await body();
  } finally {
    slot.release();
  }
}

/** A file received for an import: who sent it, to which workspace, with the query parameters read. */
export type Received<P> = {
  readonly caller: Caller;
  readonly ws: WorkspaceId;
  readonly upload: Upload;
  readonly params: P;
};

/**
 * The front of every route that takes a file: the workspace id checked, the media type (`types`,
 * 415 otherwise), the query parameters (`params` answers the request and gives undefined when they
 * are bad), write access (outsiders are turned away before a byte of their file is stored), an import
 * slot, then the file spooled and scanned; `body` gets it and owns it (moves or removes it).
 */
export async function receiveUpload<P>(
  req: Request,
  res: Response,
  deps: ImportDeps,
  options: ImportRouteOptions,
  params: () => P | undefined,
  body: (received: Received<P>) => Promise<void>,
  types: FileTypes = IMPORT_FILES,
): Promise<void> {
  const ids = checkedIds(req, res);
  if (!ids) return;
  if (!types.accepts(req)) return sendUnsupportedType(req, res, types);
  const read = params();
  if (read === undefined) return;
  const caller = callerOf(req, res);
  const access = await accessWorkspace(deps, caller.actor, ids.ws, 'write');
  if (!access.ok) return sendDomainError(req, res, access.error);
  await withImportSlot(req, res, options.slots, caller, async () => {
    const upload = await receiveCsv(req, res, options, ids.ws);
    if (upload) await body({ caller, ws: ids.ws, upload, params: read });
  });
}

/** The workspace has as many jobs queued or running as it may (counted in storage: every instance's). */
export async function queueFull(
  deps: ImportDeps,
  ws: WorkspaceId,
  options: Pick<ImportRouteOptions, 'maxJobsPerWorkspace'>,
): Promise<boolean> {
  return (await deps.importJobs.listUnfinished(ws)).length >= options.maxJobsPerWorkspace;
}

/** What an uploaded file is imported (or previewed) as. */
export type ImportPlan = {
  readonly kind: ImportKind;
  readonly changes?: MappingInput;
  readonly duplicates?: DuplicatePolicy;
};

/** The plan for a kind with what the caller chose (a mapping, a duplicate policy), the choices not made left out. */
export const importPlan = (
  kind: ImportKind,
  chosen: { readonly mapping?: MappingInput | undefined; readonly duplicates?: DuplicatePolicy | undefined },
): ImportPlan => ({
  kind,
  ...(chosen.mapping ? { changes: chosen.mapping } : {}),
  ...(chosen.duplicates ? { duplicates: chosen.duplicates } : {}),
});

/**
 * Imports a spooled file: within the request when it is small (200, the result), else as a queued
 * job (202, Location to poll). The file is moved to the job, or removed.
 */
export async function importSpooled(
  req: Request,
  res: Response,
  deps: ImportDeps,
  options: ImportRouteOptions,
  caller: Caller,
  ws: WorkspaceId,
  file: {
    readonly path: string;
    readonly csv: CsvFormat & { readonly header: readonly string[]; readonly total: number };
  },
  plan: ImportPlan,
): Promise<void> {
  // The file is moved to its job or removed before the answer goes: a client that reads the answer
  // finds no file of its upload left behind.
  let keep = false;
  let answer: () => void;
  try {
    answer = await importOrQueue();
  } finally {
    if (!keep) await rm(file.path, { force: true });
  }
  answer();

  async function importOrQueue(): Promise<() => void> {
    if (file.csv.total <= options.inlineMaxRows) {
      const result = await importRecords(deps, caller, ws, csvRecords(file.path, file.csv), plan);
      return () =>
        result.ok
          ? void res.status(200).json(resultBody(result.value))
          : sendDomainError(req, res, result.error);
    }
    if (await queueFull(deps, ws, options)) {
      return () => {
        res.set('Retry-After', RETRY_QUEUE_FULL);
        sendTransportError(
          req,
          res,
          'IMPORT.QUEUE_FULL',
          'This workspace already has imports waiting; try again when one has finished.',
        );
      };
    }
    const job = await createImportJob(
      deps,
      caller,
      ws,
      { header: file.csv.header, total: file.csv.total },
      plan,
    );
    if (!job.ok) return () => sendDomainError(req, res, job.error);
    await options.worker.keepFile(ws, job.value.id, file.path);
    keep = true;
    await options.worker.enqueue(ws, job.value.id, file.csv);
    return () => {
      res.location(jobLocation(job.value));
      sendJob(res, 202, job.value);
    };
  }
}

export function mountImportRoutes(router: Router, deps: ImportDeps, options: ImportRouteOptions): void {
  for (const [plural, kind] of Object.entries(IMPORTS)) {
    router.post(importPath(plural), async (req, res) => {
      await receiveUpload(
        req,
        res,
        deps,
        options,
        () => {
          const duplicates = duplicatesParam(req, res);
          return duplicates === null ? undefined : { duplicates };
        },
        ({ caller, ws, upload, params: { duplicates } }) =>
          importSpooled(req, res, deps, options, caller, ws, upload, importPlan(kind, { duplicates })),
      );
    });
  }

  router.get(IMPORT_JOB_PATH, async (req, res) => {
    const ids = checkedIds(req, res);
    if (!ids?.id) return;
    const job = await getImportJob(deps, callerOf(req, res), ids.ws, ids.id);
    return job.ok ? sendJob(res, 200, job.value) : sendDomainError(req, res, job.error);
  });
}
