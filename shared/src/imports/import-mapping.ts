import * as z from 'zod';
import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import { fieldOfHeader } from './import-headers';
import { importFieldsOf, type ImportKind } from './import-fields';
import type { DateOrder } from './import-parse';

/** What each column of a file feeds, and the user's answers for values. */
export type ImportMapping = {
  readonly kind: ImportKind;
  /** Per column of the file (by position), the field it feeds, or null: not imported. */
  readonly columns: readonly (string | null)[];
  /** Per field, a file's value → ours (a picklist id, a stage id, a member's or campaign's id). */
  readonly values: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** How `/` dates are read. */
  readonly dateOrder: DateOrder;
};

/** One column as detected from its header. */
export type DetectedColumn = {
  readonly index: number;
  readonly header: string;
  /** The field it feeds (detected, or chosen in a mapping), or null. */
  readonly field: string | null;
  /** What the header alone says (null: not recognised, or it names a field an earlier column took). */
  readonly detected: string | null;
};

/**
 * Columns → fields from their headers alone. A field is fed by one column: a later column naming it
 * again is not imported (HubSpot's "Email" and "Email 2" are different columns; two "Email"s are one too many).
 */
export function detectColumns(kind: ImportKind, header: readonly string[]): DetectedColumn[] {
  const taken = new Set<string>();
  return header.map((cell, index) => {
    const field = cell.trim() === '' ? undefined : fieldOfHeader(kind, cell);
    const detected = field && !taken.has(field) ? field : null;
    if (detected) taken.add(detected);
    return { index, header: cell.replace(/^\uFEFF/, '').trim(), field: detected, detected };
  });
}

/** A mapping given through the API: the detected one, changed where it says so. */
export const MappingInputSchema = z.strictObject({
  columns: z
    .record(z.string().max(1000), z.string().max(100).nullable())
    .optional()
    .describe('Header → field, or null for "do not import"; columns not named keep the detected field'),
  values: z
    .record(z.string().max(100), z.record(z.string().max(1000), z.string().max(200)))
    .optional()
    .describe('Field → (value in the file → our value: a picklist id, stage id, member or campaign id)'),
  dateOrder: z.enum(['dmy', 'mdy']).optional().describe('How dates written with / read: day or month first'),
});
export type MappingInput = z.infer<typeof MappingInputSchema>;

/** The fields a kind cannot do without, each satisfied by any one of its alternatives. */
const REQUIRED: Readonly<Record<ImportKind, readonly (readonly string[])[]>> = {
  lead: [['lastName', 'name']],
  organisation: [['name']],
  contact: [
    ['lastName', 'name'],
    ['organisation', 'organisationId', 'organisationExternalId'],
  ],
  opportunity: [['name'], ['organisation', 'organisationId', 'organisationExternalId']],
};

/**
 * The mapping an import uses: the detected columns with the caller's changes. A field a caller names
 * must be one of the kind's; a field fed twice keeps its first column; every kind needs its name
 * (and contacts and deals their organisation) from some column.
 */
export function resolveMapping(
  kind: ImportKind,
  header: readonly string[],
  input: MappingInput = {},
  dateOrder: DateOrder = 'mdy',
): Result<{ mapping: ImportMapping; columns: DetectedColumn[] }> {
  const fields = new Set(importFieldsOf(kind));
  const problems: Record<string, string> = {};
  for (const [column, field] of Object.entries(input.columns ?? {})) {
    if (field !== null && !fields.has(field)) problems[column] = `${field} is not a field of ${kind}`;
  }
  for (const field of Object.keys(input.values ?? {})) {
    if (!fields.has(field)) problems[`values.${field}`] = `${field} is not a field of ${kind}`;
  }
  if (Object.keys(problems).length > 0) {
    return err(
      domainError('IMPORT.INVALID_MAPPING', 'The mapping names fields this kind does not have.', {
        fields: problems,
        details: { fields: [...fields] },
      }),
    );
  }
  const detected = detectColumns(kind, header);
  const taken = new Set<string>();
  const columns = detected.map((column) => {
    const chosen = input.columns && column.header in input.columns ? input.columns[column.header] : undefined;
    const wanted = chosen === undefined ? column.detected : chosen;
    const field = wanted && !taken.has(wanted) ? wanted : null;
    if (field) taken.add(field);
    return { ...column, field };
  });
  const missing = REQUIRED[kind].filter((any) => !any.some((f) => taken.has(f)));
  if (missing.length > 0) {
    return err(
      domainError(
        'IMPORT.INVALID_HEADER',
        `No column gives ${missing.map((any) => any.join(' or ')).join(', nor ')}; name one in the header or the mapping.`,
        {
          fields: Object.fromEntries(missing.map((any) => [any[0]!, 'no column gives it'])),
          details: { knownColumns: [...fields], columns: header },
        },
      ),
    );
  }
  return ok({
    columns,
    mapping: {
      kind,
      columns: columns.map((c) => c.field),
      values: input.values ?? {},
      dateOrder: input.dateOrder ?? dateOrder,
    },
  });
}

/** The file's columns that are not imported (blank headers aside), as the job reports them. */
export const ignoredColumns = (columns: readonly DetectedColumn[]): string[] =>
  columns.filter((c) => c.field === null && c.header !== '').map((c) => c.header);
