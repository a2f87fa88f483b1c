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
  activity: ['type', 'ownerId'],
} as const satisfies { [K in RecordKind]: readonly FilterableField<K>[] };

/** Any field of any variant (a lead's converted ids exist only on converted leads). */
type FilterableField<K extends RecordKind> = RecordOf[K] extends infer R
  ? R extends unknown
    ? keyof R & string
    : never
  : never;

export type RecordFilter<K extends RecordKind> = (typeof RECORD_FILTERS)[K][number];
