import type { Activity } from '../activity/activity';
import type { Campaign } from '../campaign/campaign';
import type { Contact } from '../contact/contact';
import type { Lead } from '../lead/lead';
import type { Opportunity } from '../opportunity/opportunity';
import type { Organisation } from '../organisation/organisation';

/** The record kinds that live in a workspace and share list/get/delete/restore behaviour. */
export const RECORD_KINDS = [
  'lead',
  'organisation',
  'contact',
  'opportunity',
  'campaign',
  'activity',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export type RecordOf = {
  lead: Lead;
  organisation: Organisation;
  contact: Contact;
  opportunity: Opportunity;
  campaign: Campaign;
  activity: Activity;
};
export type AnyRecord = RecordOf[RecordKind];

/** The filters each kind's list accepts (all exact matches on the record's field of the same name). */
export const RECORD_FILTERS = {
  lead: [
    'status',
    'source',
    'ownerId',
    'campaignId',
    'convertedOrganisationId',
    'convertedContactId',
    'convertedOpportunityId',
  ],
  organisation: ['status', 'ownerId', 'industry'],
  contact: ['organisationId', 'ownerId', 'relationship'],
  opportunity: ['stage', 'ownerId', 'organisationId', 'campaignId', 'forecastCategory'],
  campaign: ['status', 'type', 'ownerId'],
  activity: ['type', 'ownerId', 'completed'],
} as const satisfies { [K in RecordKind]: readonly FilterableField<K>[] };

/** Filters on a yes/no field: the list is asked `true` or `false`. */
export const BOOLEAN_FILTERS: ReadonlySet<string> = new Set(['completed']);

/**
 * Filters on a range of an instant field (which must be one of the kind's sort fields: storage
 * compares its sort column): `from` inclusive, `to` exclusive.
 */
export const RANGE_FILTERS = {
  dueFrom: { field: 'occurredAt', bound: 'from' },
  dueTo: { field: 'occurredAt', bound: 'to' },
} as const satisfies Record<string, { field: string; bound: 'from' | 'to' }>;
export type RangeFilter = keyof typeof RANGE_FILTERS;

export const RECORD_RANGE_FILTERS = {
  lead: [],
  organisation: [],
  contact: [],
  opportunity: [],
  campaign: [],
  activity: ['dueFrom', 'dueTo'],
} as const satisfies { [K in RecordKind]: readonly RangeFilter[] };

/** Every filter a kind's list takes: exact matches first, then ranges. */
export const recordFilterNames = (kind: RecordKind): readonly string[] => [
  ...RECORD_FILTERS[kind],
  ...RECORD_RANGE_FILTERS[kind],
];

/** Any field of any variant (a lead's converted ids exist only on converted leads). */
type FilterableField<K extends RecordKind> = RecordOf[K] extends infer R
  ? R extends unknown
    ? keyof R & string
    : never
  : never;

export type RecordFilter<K extends RecordKind> =
  (typeof RECORD_FILTERS)[K][number] | (typeof RECORD_RANGE_FILTERS)[K][number];
