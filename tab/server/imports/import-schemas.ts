import { z } from 'zod';
import { DUPLICATE_POLICIES, IMPORT_KINDS } from '@crm/shared';
import { named } from '../openapi/component-schemas';

const instant = z.string().describe('ISO 8601 instant, UTC');
const row = z.number().int().describe('Spreadsheet row (the header is row 1)');

const ImportRowErrorSchema = named(
  'ImportRowError',
  z.strictObject({
    row,
    field: z.string().describe('The field, or (row) for the whole row'),
    code: z.enum([
      'required',
      'invalid',
      'too-long',
      'invalid-email',
      'invalid-number',
      'invalid-date',
      'invalid-boolean',
      'invalid-id',
      'organisation-not-found',
      'organisation-ambiguous',
      'too-many-cells',
      'not-saved',
    ]),
    message: z.string().describe('In English, for logs; clients translate `code`'),
    column: z.string().optional().describe("The file's header of the cell"),
    value: z.string().optional().describe('What the cell said'),
  }),
);

const ImportSkipSchema = named(
  'ImportSkip',
  z.strictObject({
    row,
    reason: z
      .enum(['duplicate', 'converted', 'deleted', 'email-in-use', 'unchanged'])
      .describe(
        'duplicate: matches a record or an earlier row; converted: a lead converted in the old system (import its ' +
          'organisation, contact and deal instead); deleted: marked deleted in the file; email-in-use: "create anyway" ' +
          'but another lead has the email; unchanged: "update" found nothing empty to fill',
      ),
    message: z.string(),
    existingId: z.string().optional().describe('The record it matched'),
    duplicateOfRow: z.number().int().optional().describe('The earlier row of the file it matched'),
    matchedBy: z.enum(['id', 'externalId', 'email', 'name', 'domain']).optional(),
    email: z.string().optional(),
  }),
);

const howSchema = z.enum(['synonym', 'fallback', 'chosen', 'ask']);

const ValueMappingSchema = named(
  'ImportValueMapping',
  z.strictObject({
    field: z.string(),
    value: z.string().describe("The file's text"),
    to: z.string().optional().describe('What it became; absent: the field stays empty'),
    how: howSchema.describe(
      "synonym: a known word of another CRM; fallback: unknown, so `other` (or the field's default) with the text kept " +
        'on the record; chosen: the mapping said so; ask: a stage the workspace does not have',
    ),
    count: z.number().int().describe('Rows it applied to'),
  }),
);

const kind = z.enum(IMPORT_KINDS);
export const duplicatePolicySchema = z.enum(DUPLICATE_POLICIES);

/** How far an import got (shared's ImportTally, with the earlier names); the lists keep their first 500 rows. */
const tally = {
  kind,
  processedRows: z.number().int().describe('Data rows settled so far: imported, skipped or in error'),
  imported: z.number().int().describe('Rows that created a record or filled one in: created + updated'),
  created: z.number().int(),
  updated: z
    .number()
    .int()
    .describe('Existing records whose empty fields a row filled in (duplicates: update)'),
  skipped: z.number().int().describe('Rows deliberately not written; skippedRows says why'),
  duplicateCount: z.number().int().describe('Of the skipped rows, the duplicates'),
  errors: z.number().int().describe('Rows that could not be imported; errorRows says why'),
  skippedRows: z.array(ImportSkipSchema),
  errorRows: z
    .array(ImportRowErrorSchema)
    .describe('Every problem of the first rows in error (a row may have several)'),
  valueMappings: z
    .array(ValueMappingSchema)
    .describe('Each value mapped to ours, with how many rows (first 200)'),
  ignoredColumns: z.array(z.string()).describe("The file's columns that are not imported"),
  errorCount: z.number().int().describe('Deprecated: errors'),
  duplicates: z
    .array(
      named(
        'ImportDuplicate',
        z.strictObject({
          row,
          email: z.string(),
          existingLeadId: z.string().optional(),
          duplicateOfRow: z.number().int().optional(),
        }),
      ),
    )
    .describe('Deprecated: the duplicate rows of skippedRows that have an email'),
};

/** A small file's import, done within the request. */
export const ImportResultSchema = named(
  'ImportResult',
  z
    .strictObject({
      ...tally,
      total: z.number().int().describe('Non-blank data rows in the file'),
    })
    .describe('imported + skipped + errors = total'),
);

/** A larger file's import, run in the background and polled. */
export const ImportJobSchema = named(
  'ImportJob',
  z.strictObject({
    ...tally,
    id: z.string(),
    workspaceId: z.string(),
    createdBy: z.string(),
    createdAt: instant,
    total: z.number().int().describe('Non-blank data rows in the file, counted on upload'),
    duplicatePolicy: duplicatePolicySchema.describe('What a row matching an existing record does'),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    startedAt: instant.optional(),
    finishedAt: instant.optional().describe('completed or failed'),
    failure: z
      .strictObject({ code: z.string(), message: z.string() })
      .optional()
      .describe('failed only: why (IMPORT.FILE_GONE, IMPORT.UNEXPECTED)'),
  }),
);

const fieldName = z.string().describe('A field of the kind (see `fields`)');

/** What a file would import as, nothing written. */
export const ImportPreviewSchema = named(
  'ImportPreview',
  z.strictObject({
    id: z.string().describe('Import it with startImport { previewId }'),
    expiresAt: instant.describe('The file is kept until then (an hour)'),
    kind,
    total: z.number().int().describe('Non-blank data rows in the file'),
    columns: z.array(
      z.strictObject({
        index: z.number().int(),
        header: z.string(),
        field: fieldName.nullable().describe('The field it feeds (null: not imported)'),
        detected: fieldName.nullable().describe('What its header alone says'),
        samples: z.array(z.string()).describe('Its first non-blank values'),
      }),
    ),
    ignoredColumns: z.array(z.string()),
    missing: z
      .array(fieldName)
      .describe(
        'Required fields no column feeds yet (lastName also takes a whole name); startImport refuses until one does',
      ),
    values: z.array(
      z.strictObject({
        field: fieldName,
        value: z.string(),
        count: z.number().int(),
        to: z.string().optional(),
        how: z.enum(['exact', 'synonym', 'fallback', 'chosen', 'ask']),
      }),
    ),
    dateOrder: z.enum(['dmy', 'mdy']),
    dateOrderDetected: z.boolean().describe("Whether the file's own dates showed the order"),
    rows: z.array(
      z.strictObject({
        row,
        cells: z.array(z.string()),
        outcome: z.enum(['create', 'update', 'skip', 'error']),
        errors: z.array(ImportRowErrorSchema).optional(),
        skip: ImportSkipSchema.optional(),
      }),
    ),
    fields: z.array(z.strictObject({ name: z.string(), type: z.string() })),
    sheet: z
      .strictObject({ name: z.string(), count: z.number().int() })
      .optional()
      .describe('An .xlsx upload: only its first sheet is read (`name`), of the `count` the workbook has'),
    choices: z
      .array(
        z.strictObject({
          field: fieldName,
          options: z.array(
            z.strictObject({
              value: z.string().describe('Give it as mapping.values[field][file value]'),
              label: z.string().optional().describe("The workspace's label (stages)"),
            }),
          ),
        }),
      )
      .describe(
        'Per picklist or stage field listed in `values`: the values of ours a file value may be mapped to ' +
          '(mapping.values); a value whose how is `ask` (a stage the workspace lacks) is answered so',
      ),
  }),
);
