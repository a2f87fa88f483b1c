import { rm } from 'node:fs/promises';
import type { Request, Response } from 'express';
import { domainError, wholeMegabytes, type WorkspaceId } from '@crm/shared';
import { sendDomainError, sendTransportError } from '../http/problem';
import type { CsvInspection } from './csv-file';
import { CsvScanner } from './csv-scanner';
import { CsvLimitExceeded, type CsvLimits } from './csv-tokenizer';
import { uploadPath } from './import-files';
import { spoolBody } from './spool';
import {
  DEFAULT_XLSX_LIMITS,
  XLSX_TYPE,
  XlsxLimitExceeded,
  XlsxUnreadable,
  xlsxToCsv,
  type XlsxLimits,
} from './xlsx-file';
import type { SpoolQuota } from './spool-quota';

export type UploadOptions = {
  readonly dataDir: string;
  /** Largest CSV body accepted (413 beyond). */
  readonly maxBytes: number;
  /** Every upload and queued job file together (429 IMPORT.SPOOL_FULL beyond). */
  readonly quota: SpoolQuota;
  /** Columns and bytes one record may have (400 IMPORT.TOO_MANY_COLUMNS, 413 IMPORT.RECORD_TOO_LARGE). */
  readonly csvLimits: CsvLimits;
  /** What an .xlsx may hold (413 IMPORT.WORKBOOK_TOO_LARGE); DEFAULT_XLSX_LIMITS unless given. */
  readonly xlsxLimits?: XlsxLimits;
};

/** An uploaded CSV file on disk, and what its scan found. The caller moves or removes the file. */
export type Upload = {
  readonly path: string;
  readonly csv: CsvInspection & { readonly header: readonly string[] };
  /** An .xlsx upload: the sheet read (the first) and how many the workbook has. */
  readonly sheet?: { readonly name: string; readonly count: number };
};

const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/plain', 'text/tab-separated-values']);
/** Seconds a client is asked to wait while the spool has no room. */
const RETRY_SPOOL_FULL = '60';

const mediaType = (req: Request): string =>
  (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

export const isCsvRequest = (req: Request): boolean => CSV_TYPES.has(mediaType(req));

/** What a route takes as its file, and what it says (415) to a body of another type. */
export type FileTypes = { readonly accepts: (req: Request) => boolean; readonly refusal: string };

/** A CSV, or an Excel workbook (.xlsx): both are read through the same import. */
export const IMPORT_FILES: FileTypes = {
  accepts: (req) => isCsvRequest(req) || mediaType(req) === XLSX_TYPE,
  refusal: 'Send the file as text/csv, or as an .xlsx workbook.',
};

/** An Excel workbook (.xlsx) only. */
export const WORKBOOK_FILES: FileTypes = {
  accepts: (req) => mediaType(req) === XLSX_TYPE,
  refusal: `Send an .xlsx workbook, as ${XLSX_TYPE}.`,
};

/** 415 for a body the route does not take. */
export const sendUnsupportedType = (req: Request, res: Response, types: FileTypes): void =>
  sendTransportError(req, res, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', types.refusal);

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

/**
 * Spools the body while scanning it (limits, encoding, delimiter, header, row count). Answers the
 * request itself when the upload is refused (no room, too large, a record past a limit, an empty
 * file) and then returns undefined; otherwise the file is on disk and the caller owns it.
 */
export async function receiveCsv(
  req: Request,
  res: Response,
  options: UploadOptions,
  ws: WorkspaceId,
): Promise<Upload | undefined> {
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
    spoolFull();
    return undefined;
  }
  const path = uploadPath(options.dataDir, ws);
  const xlsx = mediaType(req) === XLSX_TYPE;
  const scanner = new CsvScanner(options.csvLimits);
  const spooled = await spoolBody(
    req,
    xlsx ? `${path}.xlsx` : path,
    reservation.bytes,
    xlsx ? undefined : (chunk) => scanner.write(chunk),
  ).finally(reservation.release);
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
    sendRefusedWhileUploading(req, res, spooled.error);
    return undefined;
  }
  if (!spooled.ok) {
    if (reservation.bytes < options.maxBytes && !(declared > options.maxBytes)) {
      spoolFull();
      return undefined;
    }
    res.set('Connection', 'close');
    const mb = wholeMegabytes(options.maxBytes);
    sendTransportError(req, res, 'REQUEST.TOO_LARGE', `A file may be at most ${mb} MB; split it.`);
    return undefined;
  }
  let sheet: Upload['sheet'];
  if (xlsx) {
    const read = await readWorkbook(req, res, options, `${path}.xlsx`, path, scanner);
    if (!read) return undefined;
    sheet = read;
  }
  const csv = scanner.end();
  const header = csv.header;
  if (!header) {
    await rm(path, { force: true });
    sendDomainError(
      req,
      res,
      domainError('IMPORT.EMPTY_FILE', 'The file is empty; its first row must name the columns.'),
    );
    return undefined;
  }
  return { path, csv: { ...csv, header }, ...(sheet ? { sheet } : {}) };
}

/**
 * An uploaded workbook's first sheet written as the CSV the import reads (then the workbook is
 * removed). Answers the request itself when the workbook is refused (over a limit: 413
 * IMPORT.WORKBOOK_TOO_LARGE naming it; not a workbook: 400 IMPORT.UNREADABLE_WORKBOOK).
 */
async function readWorkbook(
  req: Request,
  res: Response,
  options: UploadOptions,
  xlsxPath: string,
  csvPath: string,
  scanner: CsvScanner,
): Promise<{ name: string; count: number } | undefined> {
  try {
    const { sheet, sheets } = await xlsxToCsv(
      xlsxPath,
      csvPath,
      options.xlsxLimits ?? DEFAULT_XLSX_LIMITS,
      (chunk) => scanner.write(chunk),
    );
    await rm(xlsxPath, { force: true });
    return { name: sheet, count: sheets };
  } catch (error) {
    // No file of the upload is left when the answer goes.
    await Promise.all([rm(csvPath, { force: true }), rm(xlsxPath, { force: true })]);
    if (error instanceof XlsxLimitExceeded) {
      req.log.warn({ limit: error.limit, max: error.max }, 'XLSX import refused');
      sendTransportError(
        req,
        res,
        'IMPORT.WORKBOOK_TOO_LARGE',
        `The workbook is over the ${error.limit} limit (${error.max}) of an import; save the sheet as CSV, or split it.`,
        { limit: error.limit, max: error.max },
      );
      return undefined;
    }
    if (error instanceof XlsxUnreadable || error instanceof CsvLimitExceeded) {
      if (error instanceof CsvLimitExceeded) {
        sendRefusedWhileUploading(req, res, error);
        return undefined;
      }
      sendTransportError(
        req,
        res,
        'IMPORT.UNREADABLE_WORKBOOK',
        `The file is not an Excel workbook this import reads (.xlsx): ${error.message}.`,
      );
      return undefined;
    }
    throw error;
  }
}
