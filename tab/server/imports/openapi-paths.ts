import { z } from 'zod';
import { IMPORT_FILE_LIMITS, IMPORT_KINDS, wholeMegabytes } from '@crm/shared';
import type { OperationDoc } from '../openapi/operation-doc';
import { capital } from '../routes/wording';
import { IMPORT_JOB_PATH, IMPORTS, importPath } from './import-routes';
import {
  ImportJobSchema,
  ImportPreviewSchema,
  ImportResultSchema,
  duplicatePolicySchema,
} from './import-schemas';
import {
  PREVIEW_PATH,
  PREVIEWS_PATH,
  RecheckPreviewSchema,
  START_IMPORT_PATH,
  StartImportSchema,
} from './preview-routes';
import { EXPORTS, exportPath } from './export-routes';
import { WORKBOOK_SHEET_PATH } from './workbook-routes';
import { XLSX_TYPE } from './xlsx-file';

/** The CSV routes, described for the OpenAPI document (the JSON routes carry theirs in their RouteSpec). */
const exportOperation = (plural: string): OperationDoc => ({
  method: 'get',
  path: exportPath(plural),
  tag: plural,
  operationId: `export${capital(plural)}`,
  summary: `Export every ${EXPORTS[plural]} as CSV`,
  description:
    `Downloads all the workspace's ${plural} as one CSV file (UTF-8 with BOM, comma separated, header row of ` +
    "field names). Cells a spreadsheet could run as a formula start with ' (the import takes it off again). " +
    `import${capital(plural)} reads the file back unchanged: ids, links, statuses and dates included.`,
  success: {
    status: 200,
    description: 'The CSV file',
    contentType: 'text/csv',
    schema: z.string(),
    headers: ['Content-Disposition'],
  },
});

const n = (value: number) => value.toLocaleString('en');
const MB = `${wholeMegabytes(IMPORT_FILE_LIMITS.maxBytes)} MB`;
const COLUMNS = n(IMPORT_FILE_LIMITS.maxColumns);

const FORMATS =
  'UTF-8 (with or without BOM), UTF-16 LE or BE with BOM (Excel\'s "Unicode text") or Windows-1252; comma, ' +
  'semicolon or tab separated (found from the header line); quoted cells may hold line breaks. An Excel ' +
  `workbook goes as ${XLSX_TYPE} (.xlsx): its first sheet only (at most ` +
  `${n(IMPORT_FILE_LIMITS.maxSheetRows)} rows), Excel dates as dates, read as the CSV would be.`;

const LIMITS_400 =
  'IMPORT.EMPTY_FILE; IMPORT.INVALID_HEADER (no column gives a required field: fields name it); ' +
  `IMPORT.TOO_MANY_COLUMNS (a record has more than ${COLUMNS} columns; details {limit, max, record}), refused while uploading; ` +
  'IMPORT.UNREADABLE_WORKBOOK (sent as .xlsx, not a workbook); ' +
  'VALIDATION.FAILED (a query parameter)';
const LIMITS_413 =
  `REQUEST.TOO_LARGE: the file is larger than ${MB}; IMPORT.RECORD_TOO_LARGE: one record takes more than ` +
  `${wholeMegabytes(IMPORT_FILE_LIMITS.maxRecordBytes)} MB (details {limit, max, record}), refused while uploading; IMPORT.WORKBOOK_TOO_LARGE: an .xlsx over a ` +
  'limit inside (details {limit: entries | uncompressed-bytes | shared-strings-bytes | rows | columns | csv-bytes, max}: ' +
  'a zip bomb is refused so)';
const LIMITS_429 =
  'REQUEST.RATE_LIMITED; IMPORT.TOO_MANY_AT_ONCE (2 imports a person in flight), IMPORT.SERVER_BUSY (4 in ' +
  'the server), IMPORT.QUEUE_FULL (the workspace has 4 imports unfinished) or IMPORT.SPOOL_FULL (the server ' +
  'has no room for another file now); Retry-After says when to try again';

const answers = [
  {
    status: 200,
    description: 'A small file (≤ 1,000 rows), imported: what was imported, skipped or in error, and why',
    schema: ImportResultSchema,
  },
  {
    status: 202,
    description: 'A larger file, queued: the job; poll its Location after Retry-After seconds',
    schema: ImportJobSchema,
    headers: ['Location', 'Retry-After'] as const,
  },
];

const duplicatesQuery = z.object({
  duplicates: duplicatePolicySchema
    .optional()
    .describe('A row matching an existing record: skip (default), update its empty fields, or create anyway'),
});

const importOperation = (plural: string): OperationDoc => ({
  method: 'post',
  path: importPath(plural),
  tag: plural,
  operationId: `import${capital(plural)}`,
  summary: `Import ${plural} from a CSV file`,
  description:
    `Send the file as text/csv. ${FORMATS} Columns are recognised by their headers, without a mapping: our own ` +
    "export's, Salesforce's (report labels and the Data Export's API names), HubSpot's and Pipedrive's; a column " +
    'not recognised is not imported and is listed in ignoredColumns. Picklist values map to ours (a known synonym, ' +
    "else `other` or the field's default, the original kept on the record in importedValues) and are counted in " +
    'valueMappings: never a reason to refuse a row. Each data row is imported, skipped (a duplicate; a lead converted ' +
    'or a record deleted in the old system) or in error, with its row number and why: imported + skipped + errors = ' +
    "total. Contacts and opportunities link to organisations (and deals to contacts) by our id, the export's own id " +
    'or the name. To see and change the mapping first, use previewImport. Up to 1,000 rows are imported within the ' +
    `request (200); a larger file becomes a job (202, Location to poll with getImportJob). At most ${MB} a file; 4 ` +
    'unfinished jobs a workspace.',
  body: z.string(),
  bodyType: 'text/csv',
  query: duplicatesQuery,
  success: answers,
  errors: {
    400: LIMITS_400,
    413: LIMITS_413,
    415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE: send text/csv or .xlsx',
    429: LIMITS_429,
  },
});

export const CSV_OPERATIONS: readonly OperationDoc[] = [
  ...Object.keys(IMPORTS).map(importOperation),
  {
    method: 'post',
    path: PREVIEWS_PATH,
    tag: 'imports',
    operationId: 'previewImport',
    summary: 'Upload a CSV file and see how it would import',
    description:
      `Send the file as text/csv with ?kind=${IMPORT_KINDS.join('|')}. ${FORMATS} Nothing is written: the answer ` +
      'shows the field each column feeds (detected from its header; null: not imported), each distinct picklist, ' +
      'stage, owner, campaign or currency value and what it becomes (how: ask = a stage the workspace lacks), how ' +
      'dates are read, and the first rows checked (create, update, skip or error, with why). The file is kept an ' +
      'hour for startImport (Location: recheckImportPreview); a person keeps 2 previews at most.',
    body: z.string(),
    bodyType: 'text/csv',
    query: z.object({
      kind: z.enum(IMPORT_KINDS).optional().describe('What the rows are (default lead)'),
      duplicates: duplicatesQuery.shape.duplicates,
    }),
    success: {
      status: 201,
      description: 'The preview; startImport imports the file',
      schema: ImportPreviewSchema,
      headers: ['Location'],
    },
    errors: {
      400: LIMITS_400,
      413: LIMITS_413,
      415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE: send text/csv or .xlsx',
      429: LIMITS_429,
    },
  },
  {
    method: 'post',
    path: PREVIEW_PATH,
    tag: 'imports',
    operationId: 'recheckImportPreview',
    summary: 'Check a previewed file again with a changed mapping',
    description:
      'The same preview with `mapping` applied: columns: {header: field or null}, values: {field: {file value: ' +
      'our value}} (a picklist id, a stage id, a member or campaign id: one of `choices`), dateOrder dmy or mdy. ' +
      'Nothing is written.',
    body: RecheckPreviewSchema,
    success: { status: 200, description: 'The preview with the mapping', schema: ImportPreviewSchema },
    errors: {
      400:
        'VALIDATION.FAILED; IMPORT.INVALID_MAPPING (a field the kind does not have, or a value answer that is not ' +
        'one of ours: `fields` names each as values.<field>.<file value>, `details.allowed` lists ours)',
      404: "IMPORT.PREVIEW_NOT_FOUND: imported already, expired, another person's, or the server restarted",
    },
  },
  {
    method: 'post',
    path: START_IMPORT_PATH,
    tag: 'imports',
    operationId: 'startImport',
    summary: 'Import a previewed file with a mapping',
    description:
      'Imports the file previewImport kept, with the mapping settled on (the detected one, changed as `mapping` ' +
      'says) and what duplicates do. As importLeads and its siblings answer: ≤ 1,000 rows within the request ' +
      '(200), else a job (202). `mapping.values` gives a file value our value explicitly ({"source": {"Seminar - ' +
      'Internal": "trade-show"}, "stage": {"Verbal": "negotiation"}}); every row with that value gets it. The ' +
      'preview is used up, unless the import is refused for its mapping or a full queue.',
    body: StartImportSchema,
    success: answers,
    errors: {
      400:
        'VALIDATION.FAILED; IMPORT.INVALID_MAPPING (a field the kind does not have, or a value answer that is not ' +
        'one of ours, named in `fields` as values.<field>.<file value>); IMPORT.INVALID_HEADER (no column gives a ' +
        'required field)',
      404: "IMPORT.PREVIEW_NOT_FOUND: imported already, expired, another person's, or the server restarted",
      429: LIMITS_429,
    },
  },
  {
    method: 'post',
    path: WORKBOOK_SHEET_PATH,
    tag: 'imports',
    operationId: 'readWorkbookSheet',
    summary: "Read an .xlsx workbook's first sheet as the CSV an import reads",
    description:
      `Send the workbook as ${XLSX_TYPE}. The answer is its first sheet as the CSV that previewImport and ` +
      'the imports read from it (UTF-8, comma separated, CRLF; Excel dates as dates, a formula as its value): ' +
      'record n is the sheet row n, so the row numbers an import reports point into it, and a client can repeat ' +
      "those rows as the user's sheet had them (the tab's file of rows not imported). The limits and refusals " +
      'are those of an import; nothing is kept.',
    body: z.string(),
    bodyType: XLSX_TYPE,
    success: { status: 200, description: 'The sheet as CSV', contentType: 'text/csv', schema: z.string() },
    errors: {
      400:
        'IMPORT.EMPTY_FILE (the sheet is empty); IMPORT.UNREADABLE_WORKBOOK (not a workbook); ' +
        `IMPORT.TOO_MANY_COLUMNS (a row has more than ${COLUMNS} cells; details {limit, max, record})`,
      413: LIMITS_413,
      415: `REQUEST.UNSUPPORTED_MEDIA_TYPE: send ${XLSX_TYPE}`,
      429:
        'REQUEST.RATE_LIMITED; IMPORT.TOO_MANY_AT_ONCE, IMPORT.SERVER_BUSY or IMPORT.SPOOL_FULL, as for an ' +
        'import; Retry-After says when to try again',
    },
  },
  {
    method: 'get',
    path: IMPORT_JOB_PATH,
    tag: 'imports',
    operationId: 'getImportJob',
    summary: "Read an import job's progress",
    description:
      'The job an import queued for a large file: status queued, running, completed or failed, rows processed of ' +
      'total, imported / skipped / errors with the first 500 rows of each listed, the value mappings. Poll while it ' +
      'runs (Retry-After: 1); finished jobs are kept 7 days.',
    success: { status: 200, description: 'The job', schema: ImportJobSchema },
    errors: { 404: 'No such import in this workspace (IMPORT.NOT_FOUND), or no such workspace' },
  },
  ...Object.keys(EXPORTS).map(exportOperation),
];
