import { z } from 'zod';
import type { OperationDoc } from '../openapi/operation-doc';
import { capital } from '../routes/wording';
import { IMPORT_JOB_PATH, IMPORT_PATH } from './import-routes';
import { ImportJobSchema, ImportResultSchema } from './import-schemas';
import { EXPORTS, exportPath } from './export-routes';

/** The CSV routes, described for the OpenAPI document (the JSON routes carry theirs in their RouteSpec). */
const exportOperation = (plural: string): OperationDoc => ({
  method: 'get',
  path: exportPath(plural),
  tag: plural,
  operationId: `export${capital(plural)}`,
  summary: `Export every ${EXPORTS[plural]} as CSV`,
  description:
    `Downloads all the workspace's ${plural} as one CSV file (UTF-8 with BOM, comma separated, header row of ` +
    "field names). Cells a spreadsheet could run as a formula start with ' (importLeads takes it off again).",
  success: {
    status: 200,
    description: 'The CSV file',
    contentType: 'text/csv',
    schema: z.string(),
    headers: ['Content-Disposition'],
  },
});

export const CSV_OPERATIONS: readonly OperationDoc[] = [
  {
    method: 'post',
    path: IMPORT_PATH,
    tag: 'leads',
    operationId: 'importLeads',
    summary: 'Import leads from a CSV file',
    description:
      'Send the file as text/csv (UTF-8, UTF-16 or Windows-1252; , ; or tab separated): a header row with lastName and any of ' +
      'firstName, email, company, title, phone, source, campaign (name or id), website, industry, description; ' +
      'the columns of our own export are accepted and skipped. A row whose email a lead already has is reported as a duplicate, not written. ' +
      'Up to 1,000 rows are imported within the request (200, the result); a larger file becomes a job (202, Location ' +
      'to poll with getImportJob). At most 50 MB a file; 4 unfinished jobs a workspace.',
    body: z.string(),
    bodyType: 'text/csv',
    success: [
      {
        status: 200,
        description: 'A small file, imported: what was created, duplicate or rejected',
        schema: ImportResultSchema,
      },
      {
        status: 202,
        description: 'A larger file, queued: the job; poll its Location after Retry-After seconds',
        schema: ImportJobSchema,
        headers: ['Location', 'Retry-After'],
      },
    ],
    errors: {
      400:
        'IMPORT.EMPTY_FILE; IMPORT.INVALID_HEADER (fields name the bad columns); IMPORT.TOO_MANY_COLUMNS (a record ' +
        'has more than 1,000 columns; details {limit, max, record}), refused while uploading',
      413:
        'REQUEST.TOO_LARGE: the file is larger than 50 MB; IMPORT.RECORD_TOO_LARGE: one record takes more than ' +
        '1 MiB (details {limit, max, record}), refused while uploading',
      415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE: send text/csv',
      429:
        'REQUEST.RATE_LIMITED; IMPORT.TOO_MANY_AT_ONCE (2 imports a person in flight), IMPORT.SERVER_BUSY (4 in ' +
        'the server), IMPORT.QUEUE_FULL (the workspace has 4 imports unfinished) or IMPORT.SPOOL_FULL (the server ' +
        'has no room for another file now); Retry-After says when to try again',
    },
  },
  {
    method: 'get',
    path: IMPORT_JOB_PATH,
    tag: 'leads',
    operationId: 'getImportJob',
    summary: "Read an import job's progress",
    description:
      'The job importLeads queued for a large file: status queued, running, completed or failed, rows processed ' +
      'of total, created, duplicates and rejected rows (first 1,000 of each). Poll while it runs (Retry-After: 1); finished jobs are kept 7 days.',
    success: { status: 200, description: 'The job', schema: ImportJobSchema },
    errors: { 404: 'No such import in this workspace (IMPORT.NOT_FOUND), or no such workspace' },
  },
  ...Object.keys(EXPORTS).map(exportOperation),
];
