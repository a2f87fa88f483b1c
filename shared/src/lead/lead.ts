import type { ActivitySummary } from '../activity/activity-summary';
import type { Audit, Id, Instant, UserId, WorkspaceId } from '../common/types';

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

/** Person and company data held together until conversion splits them. */
export type LeadDetails = {
  readonly firstName?: string;
  readonly lastName: string;
  readonly email?: string;
  readonly phone?: string;
  readonly title?: string;
  readonly company?: string;
  readonly website?: string;
  readonly industry?: string;
  readonly description?: string;
  readonly source: LeadSource;
  readonly campaignId?: Id;
  readonly ownerId: UserId;
  readonly qualification: Qualification;
};

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
