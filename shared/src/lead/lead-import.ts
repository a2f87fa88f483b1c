import type { z } from 'zod';
import { unescapeFormula } from '../common/csv';
import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id } from '../common/types';
import { LEAD_SOURCES, type LeadSource } from './lead';
import { LeadCreateInputSchema, type LeadCreateInput } from './lead.schema';

/** The columns a lead import reads, in the order a template lists them. */
export const IMPORT_COLUMNS = [
  'firstName',
  'lastName',
  'email',
  'company',
  'title',
  'phone',
  'source',
  'campaign',
  'website',
  'industry',
  'description',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns of our own lead export that an import accepts and skips, so an exported file imports back. */
export const IGNORED_IMPORT_COLUMNS = [
  'id',
  'status',
  'ownerId',
  'campaignId',
  'budget',
  'authority',
  'need',
  'timeline',
  'qualificationNotes',
  'disqualificationReason',
  'createdAt',
  'updatedAt',
  'convertedAt',
  'convertedOrganisationId',
  'convertedContactId',
  'convertedOpportunityId',
] as const;

/** Header row → which column each cell position feeds (undefined: a skipped or unnamed column). */
export type ImportHeader = {
  readonly columns: readonly (ImportColumn | undefined)[];
  /** Known export columns present in the file and not imported. */
  readonly ignored: readonly string[];
};

export type ImportErrorCode =
  | 'required'
  | 'invalid'
  | 'too-long'
  | 'unknown-source'
  | 'unknown-campaign'
  | 'ambiguous-campaign'
  | 'too-many-cells'
  | 'not-saved';

/** `row` is the spreadsheet row (the header is row 1); `field` a column name, or `(row)` for the whole row. */
export type ImportRowError = {
  readonly row: number;
  readonly field: string;
  readonly code: ImportErrorCode;
  readonly message: string;
};

export type RowOutcome =
  | { readonly type: 'blank' }
  | { readonly type: 'valid'; readonly row: number; readonly input: LeadCreateInput }
  | { readonly type: 'invalid'; readonly row: number; readonly errors: readonly ImportRowError[] };

/** "First Name", "first_name", " FIRSTNAME " all name `firstName`. */
const headerKey = (cell: string): string =>
  cell
    .replace(/^\uFEFF/, '')
    .replace(/[\s_-]+/g, '')
    .toLowerCase();

const BY_KEY = new Map<string, ImportColumn>(IMPORT_COLUMNS.map((c) => [headerKey(c), c]));
const IGNORED_BY_KEY = new Map<string, string>(IGNORED_IMPORT_COLUMNS.map((c) => [headerKey(c), c]));

/** Checks the header row: lastName is required, every named column must be known and appear once. */
export function readImportHeader(cells: readonly string[]): Result<ImportHeader> {
  const fields: Record<string, string> = {};
  const columns: (ImportColumn | undefined)[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    const key = headerKey(cell);
    const column = BY_KEY.get(key);
    const skipped = IGNORED_BY_KEY.get(key);
    if (key === '' || skipped) {
      if (skipped) ignored.push(skipped);
      columns.push(undefined);
      continue;
    }
    if (!column) {
      fields[cell.trim()] = `unknown column; use ${IMPORT_COLUMNS.join(', ')}`;
    } else if (seen.has(column)) {
      fields[cell.trim()] = `${column} appears twice`;
    }
    if (column) seen.add(column);
    columns.push(column);
  }
  if (!seen.has('lastName')) fields.lastName = 'required column';
  if (Object.keys(fields).length > 0) {
    return err(
      domainError(
        'IMPORT.INVALID_HEADER',
        'The first row must name the columns: lastName and any of the others.',
        {
          fields,
          details: { knownColumns: IMPORT_COLUMNS },
        },
      ),
    );
  }
  return ok({ columns, ignored });
}

/** Campaigns by id and by name (case- and space-insensitive) for the `campaign` column. */
export type CampaignIndex = {
  readonly ids: ReadonlySet<Id>;
  readonly byName: ReadonlyMap<string, readonly Id[]>;
};

const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

export function indexCampaigns(
  campaigns: readonly { readonly id: Id; readonly name: string }[],
): CampaignIndex {
  const byName = new Map<string, Id[]>();
  for (const c of campaigns) byName.set(nameKey(c.name), [...(byName.get(nameKey(c.name)) ?? []), c.id]);
  return { ids: new Set(campaigns.map((c) => c.id)), byName };
}

/** "Trade show", "TRADE_SHOW" and "trade-show" are all `trade-show`; blank is `other`. */
const sourceOf = (text: string): LeadSource | undefined | 'unknown' => {
  const id = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (id === '') return undefined;
  return (LEAD_SOURCES as readonly string[]).includes(id) ? (id as LeadSource) : 'unknown';
};

/** A row with nothing in it: skipped, and not counted (though it keeps its row number). */
export const isBlankRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** One data row → a lead's create input, or every problem it has. `row` is its spreadsheet row number. */
export function readImportRow(
  header: ImportHeader,
  cells: readonly string[],
  row: number,
  campaigns: CampaignIndex,
): RowOutcome {
  if (isBlankRow(cells)) return { type: 'blank' };
  const errors: ImportRowError[] = [];
  const fail = (field: string, code: ImportErrorCode, message: string) =>
    errors.push({ row, field, code, message });
  const extra = cells.slice(header.columns.length).filter((c) => c.trim() !== '').length;
  if (extra > 0) fail('(row)', 'too-many-cells', `The row has ${extra} more cell(s) than the header names.`);

  const values: Partial<Record<ImportColumn, string>> = {};
  header.columns.forEach((column, i) => {
    if (column) values[column] = unescapeFormula(cells[i] ?? '');
  });
  const { source: sourceText = '', campaign: campaignText = '', ...details } = values;

  const source = sourceOf(sourceText);
  if (source === 'unknown')
    fail('source', 'unknown-source', `Unknown source; use ${LEAD_SOURCES.join(', ')}.`);
  const campaign = campaignOf(campaignText, campaigns);
  if (!campaign.ok) fail('campaign', campaign.error.code, campaign.error.message);

  const parsed = LeadCreateInputSchema.safeParse({
    ...details,
    lastName: details.lastName ?? '',
    ...(source && source !== 'unknown' ? { source } : {}),
    ...(campaign.ok && campaign.value ? { campaignId: campaign.value } : {}),
  });
  if (!parsed.success) for (const issue of parsed.error.issues) fail(...fieldError(issue));
  if (errors.length > 0 || !parsed.success) return { type: 'invalid', row, errors };
  return { type: 'valid', row, input: parsed.data };
}

type CampaignProblem = { code: 'unknown-campaign' | 'ambiguous-campaign'; message: string };

function campaignOf(text: string, campaigns: CampaignIndex): Result<Id | undefined, CampaignProblem> {
  const wanted = text.trim();
  if (wanted === '') return ok(undefined);
  if (campaigns.ids.has(wanted)) return ok(wanted);
  const named = campaigns.byName.get(nameKey(wanted)) ?? [];
  if (named.length === 1) return ok(named[0]);
  return named.length === 0
    ? err({ code: 'unknown-campaign', message: 'No campaign has this name or id.' })
    : err({ code: 'ambiguous-campaign', message: 'Several campaigns have this name; use the campaign id.' });
}

function fieldError(issue: z.core.$ZodIssue): [string, ImportErrorCode, string] {
  const field = String(issue.path[0] ?? '(row)');
  switch (issue.code) {
    case 'too_small':
      return [field, 'required', `${field} is required.`];
    case 'too_big':
      return [field, 'too-long', `${field} is longer than ${String(issue.maximum)} characters.`];
    default:
      return [field, 'invalid', `${field} is not valid: ${issue.message}.`];
  }
}
