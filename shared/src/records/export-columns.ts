import type { Id } from '../common/types';
import type { Contact } from '../contact/contact';
import type { Lead } from '../lead/lead';
import type { Opportunity } from '../opportunity/opportunity';
import type { Organisation } from '../organisation/organisation';

export const EXPORT_KINDS = ['lead', 'organisation', 'contact', 'opportunity'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Names shown beside ids, so a spreadsheet reads without lookups. */
export type ExportNames = {
  readonly campaigns: ReadonlyMap<Id, string>;
  readonly organisations: ReadonlyMap<Id, string>;
};

type Cell = string | number | boolean | undefined;
type Column<T> = readonly [name: string, cell: (record: T, names: ExportNames) => Cell];
/** A field of any variant (a lead's conversion ids exist only once it is converted). */
type FieldOf<T> = T extends unknown ? keyof T & string : never;

const fields = <T>(...names: FieldOf<T>[]): Column<T>[] =>
  names.map((name) => [name, (record: T) => (record as Readonly<Record<string, unknown>>)[name] as Cell]);

/**
 * The columns of each export, in a stable order (append new ones at the end of a group). Lead
 * exports start with the columns an import reads, so an exported file imports back.
 */
export const EXPORT_COLUMNS: { readonly [K in ExportKind]: readonly Column<ExportRecord[K]>[] } = {
  lead: [
    ...fields<Lead>('id', 'firstName', 'lastName', 'email', 'company', 'title', 'phone', 'source'),
    [
      'campaign',
      (r, names) => (r.campaignId ? (names.campaigns.get(r.campaignId) ?? r.campaignId) : undefined),
    ],
    ...fields<Lead>('website', 'industry', 'description', 'status', 'ownerId', 'campaignId'),
    ['budget', (r) => r.qualification.budget],
    ['authority', (r) => r.qualification.authority],
    ['need', (r) => r.qualification.need],
    ['timeline', (r) => r.qualification.timeline],
    ['qualificationNotes', (r) => r.qualification.notes],
    ...fields<Lead>(
      'disqualificationReason',
      'createdAt',
      'updatedAt',
      'convertedAt',
      'convertedOrganisationId',
      'convertedContactId',
      'convertedOpportunityId',
    ),
  ],
  organisation: fields<Organisation>(
    'id',
    'name',
    'status',
    'website',
    'industry',
    'size',
    'phone',
    'email',
    'address',
    'city',
    'country',
    'description',
    'ownerId',
    'createdAt',
    'updatedAt',
  ),
  contact: [
    ...fields<Contact>('id', 'firstName', 'lastName', 'email', 'phone', 'mobile', 'title', 'organisationId'),
    ['organisation', (r, names) => names.organisations.get(r.organisationId)],
    ...fields<Contact>('relationship', 'isDecisionMaker', 'description', 'ownerId', 'createdAt', 'updatedAt'),
  ],
  opportunity: [
    ...fields<Opportunity>('id', 'name', 'organisationId'),
    ['organisation', (r, names) => names.organisations.get(r.organisationId)],
    ...fields<Opportunity>(
      'stage',
      'probability',
      'forecastCategory',
      'amount',
      'currency',
      'closeDate',
      'ownerId',
      'primaryContactId',
      'leadId',
      'campaignId',
    ),
    ['campaign', (r, names) => (r.campaignId ? names.campaigns.get(r.campaignId) : undefined)],
    ...fields<Opportunity>('lostReason', 'closedAt', 'nextStep', 'description', 'createdAt', 'updatedAt'),
  ],
};

export type ExportRecord = {
  lead: Lead;
  organisation: Organisation;
  contact: Contact;
  opportunity: Opportunity;
};

/** Numbers without locale (a dot for decimals), booleans as true/false, absent as an empty cell. */
export const cellText = (cell: Cell): string => (cell === undefined ? '' : String(cell));

export function exportRow<K extends ExportKind>(
  kind: K,
  record: ExportRecord[K],
  names: ExportNames,
): string[] {
  const columns = EXPORT_COLUMNS[kind] as readonly Column<ExportRecord[K]>[];
  return columns.map(([, cell]) => cellText(cell(record, names)));
}

export const exportHeader = (kind: ExportKind): string[] => EXPORT_COLUMNS[kind].map(([name]) => name);
