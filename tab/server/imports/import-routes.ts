import { rename, rm } from 'node:fs/promises';
import type { Request, Response, Router } from 'express';
import { domainError, idSchema, type ImportJob } from '@crm/shared';
import {
  accessWorkspace,
  createImportJob,
  getImportJob,
  importLeads,
  type ImportDeps,
} from '@crm/shared/application';
import { sendDomainError, sendTransportError } from '../http/problem';
import { callerOf } from '../http/request-context';
import { csvRecords, inspectCsv } from './csv-file';
import { jobFilePath, uploadPath } from './import-files';
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
};

/** Seconds a client is asked to wait: a queued job takes a while, freeing the spool longer. */
const RETRY_QUEUE_FULL = '30';
const RETRY_SPOOL_FULL = '60';

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

/** Pollers are told to come back in a second while the job is not finished. */
function sendJob(res: Response, status: number, job: ImportJob): void {
  if (job.status === 'queued' || job.status === 'running') res.set('Retry-After', '1');
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

    const declared = Number(req.get('content-length') ?? Number.NaN);
    const reservation = await options.quota.reserve(
      Number.isSafeInteger(declared) && declared >= 0
        ? Math.min(declared, options.maxBytes)
        : options.maxBytes,
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
    const path = uploadPath(options.dataDir, ids.ws);
    const spooled = await spoolBody(req, path, reservation.bytes).finally(reservation.release);
    if (!spooled.ok) {
      if (reservation.bytes < options.maxBytes && !(declared > options.maxBytes)) return spoolFull();
      res.set('Connection', 'close');
      const mb = Math.floor(options.maxBytes / 1_000_000);
      return sendTransportError(
        req,
        res,
        'REQUEST.TOO_LARGE',
        `A CSV file may be at most ${mb} MB; split it.`,
      );
    }
    let keep = false;
    try {
      const csv = await inspectCsv(path);
      if (!csv.header) {
        return sendDomainError(
          req,
          res,
          domainError('IMPORT.EMPTY_FILE', 'The file is empty; its first row must name the columns.'),
        );
      }
      if (csv.total <= options.inlineMaxRows) {
        const result = await importLeads(deps, caller, ids.ws, csvRecords(path, csv));
        return result.ok ? void res.status(200).json(result.value) : sendDomainError(req, res, result.error);
      }
      if (options.worker.unfinished(ids.ws) >= options.maxJobsPerWorkspace) {
        await rm(path, { force: true });
        res.set('Retry-After', RETRY_QUEUE_FULL);
        return sendTransportError(
          req,
          res,
          'IMPORT.QUEUE_FULL',
          'This workspace already has imports waiting; try again when one has finished.',
        );
      }
      const job = await createImportJob(deps, caller, ids.ws, { header: csv.header, total: csv.total });
      if (!job.ok) return sendDomainError(req, res, job.error);
      await rename(path, jobFilePath(options.dataDir, ids.ws, job.value.id));
      keep = true;
      options.worker.enqueue(ids.ws, job.value.id, csv);
      res.location(jobLocation(job.value));
      return sendJob(res, 202, job.value);
    } finally {
      if (!keep) await rm(path, { force: true });
    }
  });

  router.get(IMPORT_JOB_PATH, async (req, res) => {
    const ids = checkedIds(req, res);
    if (!ids?.id) return;
    const job = await getImportJob(deps, callerOf(req, res), ids.ws, ids.id);
    return job.ok ? sendJob(res, 200, job.value) : sendDomainError(req, res, job.error);
  });
}
