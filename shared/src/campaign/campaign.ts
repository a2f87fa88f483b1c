import type { Audit, Currency, Id, IsoDate, UserId, WorkspaceId } from '../common/types';

export const CAMPAIGN_TYPES = [
  'trade-show',
  'webinar',
  'conference',
  'email',
  'advertisement',
  'direct-mail',
  'partner',
  'event',
  'other',
] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

export const CAMPAIGN_STATUSES = ['planned', 'active', 'completed', 'aborted'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export type CampaignDetails = {
  readonly name: string;
  readonly type: CampaignType;
  readonly startDate?: IsoDate;
  readonly endDate?: IsoDate;
  /** Costs and expected revenue are in `currency`. */
  readonly currency: Currency;
  readonly budgetedCost?: number;
  readonly actualCost?: number;
  readonly expectedRevenue?: number;
  readonly description?: string;
  readonly ownerId: UserId;
};

export type Campaign = CampaignDetails &
  Audit & { readonly id: Id; readonly workspaceId: WorkspaceId; readonly status: CampaignStatus };
