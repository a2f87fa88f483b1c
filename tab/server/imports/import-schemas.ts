import { z } from 'zod';
import { named } from '../openapi/component-schemas';

const instant = z.string().describe('ISO 8601 instant, UTC');

/** How far an import got (shared's ImportTally); the lists keep the first 1,000 entries. */
const tally = {
  processedRows: z.number().int().describe('Data rows settled so far: created, duplicate or rejected'),
  created: z.number().int(),
  duplicateCount: z.number().int(),
  errorCount: z.number().int().describe('Rows rejected'),
  duplicates: z.array(
    named(
      'ImportDuplicate',
      z.strictObject({
        row: z.number().int().describe('Spreadsheet row (the header is row 1)'),
        email: z.string(),
        existingLeadId: z.string().optional().describe('The lead that already has this email'),
        duplicateOfRow: z.number().int().optional().describe('An earlier row of the same file with it'),
      }),
    ),
  ),
  errors: z.array(
    named(
      'ImportRowError',
      z.strictObject({
        row: z.number().int(),
        field: z.string().describe('A column name, or (row) for the whole row'),
        code: z.enum([
          'required',
          'invalid',
          'too-long',
          'unknown-source',
          'unknown-campaign',
          'ambiguous-campaign',
          'too-many-cells',
          'not-saved',
        ]),
        message: z.string(),
      }),
    ),
  ),
  total: z.number().int().describe('Non-blank data rows in the file'),
  ignoredColumns: z.array(z.string()).describe('Known export columns present in the file and skipped'),
};

/** A small file's import, done within the request. */
export const ImportResultSchema = named(
  'ImportResult',
  z.strictObject(tally).describe('created + duplicateCount + errorCount = total'),
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
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    startedAt: instant.optional(),
    finishedAt: instant.optional().describe('completed or failed'),
    failure: z
      .strictObject({ code: z.string(), message: z.string() })
      .optional()
      .describe('failed only: why (IMPORT.FILE_GONE, IMPORT.UNEXPECTED)'),
  }),
);
