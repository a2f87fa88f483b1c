import type { ActivitySummary } from '../activity/activity-summary';
import type { Rating } from '../common/rating';
import type { Audit, Id, ImportedFrom, Instant, UserId, WorkspaceId } from '../common/types';

export const LEAD_STATUSES = [
  'open-not-contacted',
  'working-contacted',
  'closed-converted',
  'closed-not-converted',
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/**
 * Open leads are still being worked: a new lead starts in one of these, and only these can be
 * converted or disqualified. Tab, bot and API all ask this list, never their own copy.
 */
export const OPEN_LEAD_STATUSES = ['open-not-contacted', 'working-contacted'] as const;
export type OpenLeadStatus = (typeof OPEN_LEAD_STATUSES)[number];

export const isOpenLeadStatus = (status: LeadStatus): status is OpenLeadStatus =>
  (OPEN_LEAD_STATUSES as readonly LeadStatus[]).includes(status);

export const LEAD_SOURCES = [
  'web',
  'phone-inquiry',
  'customer-referral',
  'partner-referral',
  'purchased-list',
  'trade-show',
  'event',
  'other',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** The four classic criteria (BANT) plus notes. */
export type Qualification = {
  readonly budget: boolean;
  readonly authority: boolean;
  readonly need: boolean;
  readonly timeline: boolean;
  readonly notes?: string;
};

export const EMPTY_QUALIFICATION: Qualification = {
  budget: false,
  authority: false,
  need: false,
  timeline: false,
};

/**
 * Person and company data held together until conversion splits them. The company's address,
 * revenue and head count go to the organisation on conversion, the mobile number to the contact.
 */
export type LeadDetails = {
  readonly firstName?: string;
  readonly lastName: string;
  readonly email?: string;
  readonly phone?: string;
  readonly mobile?: string;
  readonly title?: string;
  readonly company?: string;
  readonly website?: string;
  readonly industry?: string;
  readonly description?: string;
  /** Street and number. */
  readonly address?: string;
  readonly city?: string;
  readonly postalCode?: string;
  /** State, province or county. */
  readonly region?: string;
  readonly country?: string;
  /** The company's yearly revenue, in the workspace's currency's major unit. */
  readonly annualRevenue?: number;
  /** The company's number of employees. */
  readonly employees?: number;
  readonly rating?: Rating;
  readonly source: LeadSource;
  readonly campaignId?: Id;
  readonly ownerId: UserId;
  readonly qualification: Qualification;
  /**
   * Set when a person created (or moved) the lead to an email another lead of the workspace has:
   * they were shown the duplicate and kept both. Such a lead does not hold the email's unique row,
   * so imports and other writers still cannot add a third (KEYS.md).
   */
  readonly emailShared?: true;
} & ImportedFrom;

/**
 * What every lead has whatever its status. Its activity summary (next open, last done) is maintained
 * by activity writes about it and passed on to the opportunity it is converted into.
 */
export type LeadBase = LeadDetails &
  ActivitySummary &
  Audit & { readonly id: Id; readonly workspaceId: WorkspaceId };

export type OpenLead = LeadBase & { readonly status: 'open-not-contacted' };
export type WorkingLead = LeadBase & { readonly status: 'working-contacted' };
export type DisqualifiedLead = LeadBase & {
  readonly status: 'closed-not-converted';
  readonly disqualificationReason: string;
  readonly disqualifiedAt: Instant;
};
export type ConvertedLead = LeadBase & {
  readonly status: 'closed-converted';
  readonly convertedAt: Instant;
  readonly convertedBy: UserId;
  readonly convertedOrganisationId: Id;
  readonly convertedContactId: Id;
  readonly convertedOpportunityId?: Id;
};

/** A lead is a discriminated union on `status`: each state carries exactly the data it has. */
export type Lead = OpenLead | WorkingLead | DisqualifiedLead | ConvertedLead;

/** How a lead is named everywhere (tables, cards, events): first and last name, whichever are given. */
export const leadDisplayName = (lead: Pick<LeadDetails, 'firstName' | 'lastName'>): string =>
  [lead.firstName, lead.lastName].filter(Boolean).join(' ');
