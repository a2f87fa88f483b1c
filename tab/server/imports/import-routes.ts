import { rename, rm } from 'node:fs/promises';
import type { Request, Response, Router } from 'express';
import { domainError, idSchema, isImportJobFinished, type ImportJob, type WorkspaceId } from '@crm/shared';
import {
  accessWorkspace,
  createImportJob,
  getImportJob,
  importLeads,
  type Caller,
  type ImportDeps,
} from '@crm/shared/application';
import { sendDomainError, sendTransportError } from '../http/problem';
import { callerOf } from '../http/request-context';
import { csvRecords } from './csv-file';
import { CsvScanner } from './csv-scanner';
import { CsvLimitExceeded, type CsvLimits } from './csv-tokenizer';
import { jobFilePath, uploadPath } from './import-files';
import type { ImportSlots } from './import-slots';
import type { ImportWorker } from './import-worker';
import { spoolBody } from './spool';
import type { SpoolQuota } from './spool-quota';

export type ImportRouteOptions = {
  readonly worker: ImportWorker;
  readonly dataDir: string;
  /** Largest CSV body accepted (413 beyond). */
  readonly maxBytes: number;
  /** Files with at most this many rows are imported within the request (200); larger ones become a job (202). */
  readonly inlineMaxRows: number;
  /** Every upload and queued job file together (429 IMPORT.SPOOL_FULL beyond). */
  readonly quota: SpoolQuota;
  /** Jobs one workspace may have queued or running (429 IMPORT.QUEUE_FULL beyond). */
  readonly maxJobsPerWorkspace: number;
  /** Columns and bytes one record may have (400 IMPORT.TOO_MANY_COLUMNS, 413 IMPORT.RECORD_TOO_LARGE). */
  readonly csvLimits: CsvLimits;
  /** Imports in flight per user and in this process (429 IMPORT.TOO_MANY_AT_ONCE / IMPORT.SERVER_BUSY). */
  readonly slots: ImportSlots;
};

/** Seconds a client is asked to wait: a queued job takes a while, freeing the spool longer. */
const RETRY_QUEUE_FULL = '30';
const RETRY_SPOOL_FULL = '60';
/** An import within the request takes seconds; an upload of the largest file, longer. */
const RETRY_BUSY = '10';

export const IMPORT_PATH = '/workspaces/:ws/leads/import';
export const IMPORT_JOB_PATH = '/workspaces/:ws/imports/:id';
const CSV_TYPES = new Set(['text/csv', 'application/csv']);

/** A path segment that cannot be an id names nothing: 404, before storage or the file system see it. */
function checkedIds(req: Request, res: Response): { ws: string; id?: string } | undefined {
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

/** The rest of the body is not read: the connection closes after the answer. */
function sendRefusedWhileUploading(req: Request, res: Response, limit: CsvLimitExceeded): void {
  res.set('Connection', 'close');
  const details = { limit: limit.limit, max: limit.max, record: limit.record };
  if (limit.limit === 'columns') {
    return sendTransportError(
      req,
      res,
      'IMPORT.TOO_MANY_COLUMNS',
      `Record ${limit.record} has more than ${limit.max} columns, the most one record may have; check the delimiter, or remove empty columns.`,
      details,
    );
  }
  return sendTransportError(
    req,
    res,
    'IMPORT.RECORD_TOO_LARGE',
    `Record ${limit.record} takes more than ${limit.max} bytes, the most one record may take; a quote that is never closed makes the rest of the file one record.`,
    details,
  );
}

/** Pollers are told to come back in a second while the job is not finished. */
function sendJob(res: Response, status: number, job: ImportJob): void {
  if (!isImportJobFinished(job)) res.set('Retry-After', '1');
  res.status(status).json(job);
}

export function mountImportRoutes(router: Router, deps: ImportDeps, options: ImportRouteOptions): void {
  router.post(IMPORT_PATH, async (req, res) => {
    const ids = checkedIds(req, res);
    if (!ids) return;
    const mediaType = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!CSV_TYPES.has(mediaType)) {
      return sendTransportError(req, res, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv.');
    }
    const caller = callerOf(req, res);
    // Outsiders are turned away before a byte of their file is stored.
    const access = await accessWorkspace(deps, caller.actor, ids.ws, 'write');
    if (!access.ok) return sendDomainError(req, res, access.error);

    const slot = options.slots.acquire(`${caller.actor.tenantId}/${caller.actor.userId}`);
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
      await receiveImport(req, res, deps, options, caller, ids.ws);
    } finally {
      slot.release();
    }
  });

  router.get(IMPORT_JOB_PATH, async (req, res) => {
    const ids = checkedIds(req, res);
    if (!ids?.id) return;
    const job = await getImportJob(deps, callerOf(req, res), ids.ws, ids.id);
    return job.ok ? sendJob(res, 200, job.value) : sendDomainError(req, res, job.error);
  });
}

/**
 * Spools the body while scanning it (limits, encoding, delimiter, header, row count), then imports a
 * small file within the request or queues a job for a larger one. The file is parsed into cells once,
 * by the import.
 */
async function receiveImport(
  req: Request,
  res: Response,
  deps: ImportDeps,
  options: ImportRouteOptions,
  caller: Caller,
  ws: WorkspaceId,
): Promise<void> {
  const declared = Number(req.get('content-length') ?? Number.NaN);
  const reservation = await options.quota.reserve(
    Number.isSafeInteger(declared) && declared >= 0 ? Math.min(declared, options.maxBytes) : options.maxBytes,
  );
  const spoolFull = () => {
    res.set({ Connection: 'close', 'Retry-After': RETRY_SPOOL_FULL });
    sendTransportError(
      req,
      res,
      'IMPORT.SPOOL_FULL',
      'The server is busy with other imports; try again later.',
    );
  };
  if (!reservation) {
    req.resume();
    return spoolFull();
  }
  const path = uploadPath(options.dataDir, ws);
  const scanner = new CsvScanner(options.csvLimits);
  const spooled = await spoolBody(req, path, reservation.bytes, (chunk) => scanner.write(chunk)).finally(
    reservation.release,
  );
  if (!spooled.ok && spooled.reason === 'refused') {
    if (!(spooled.error instanceof CsvLimitExceeded)) throw spooled.error;
    req.log.warn(
      {
        limit: spooled.error.limit,
        max: spooled.error.max,
        record: spooled.error.record,
        bytesRead: spooled.bytes,
      },
      'CSV import refused while uploading',
    );
    return sendRefusedWhileUploading(req, res, spooled.error);
  }
  if (!spooled.ok) {
    if (reservation.bytes < options.maxBytes && !(declared > options.maxBytes)) return spoolFull();
    res.set('Connection', 'close');
    const mb = Math.floor(options.maxBytes / 1_000_000);
    return sendTransportError(req, res, 'REQUEST.TOO_LARGE', `A CSV file may be at most ${mb} MB; split it.`);
  }
  let keep = false;
  try {
    const csv = scanner.end();
    if (!csv.header) {
      return sendDomainError(
        req,
        res,
        domainError('IMPORT.EMPTY_FILE', 'The file is empty; its first row must name the columns.'),
      );
    }
    if (csv.total <= options.inlineMaxRows) {
      const result = await importLeads(deps, caller, ws, csvRecords(path, csv));
      return result.ok ? void res.status(200).json(result.value) : sendDomainError(req, res, result.error);
    }
    if (options.worker.unfinished(ws) >= options.maxJobsPerWorkspace) {
      await rm(path, { force: true });
      res.set('Retry-After', RETRY_QUEUE_FULL);
      return sendTransportError(
        req,
        res,
        'IMPORT.QUEUE_FULL',
        'This workspace already has imports waiting; try again when one has finished.',
      );
    }
    const job = await createImportJob(deps, caller, ws, { header: csv.header, total: csv.total });
    if (!job.ok) return sendDomainError(req, res, job.error);
    await rename(path, jobFilePath(options.dataDir, ws, job.value.id));
    keep = true;
    options.worker.enqueue(ws, job.value.id, csv);
    res.location(jobLocation(job.value));
    return sendJob(res, 202, job.value);
  } finally {
    if (!keep) await rm(path, { force: true });
  }
}
