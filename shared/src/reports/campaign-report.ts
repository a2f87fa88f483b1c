import type { Campaign } from '../campaign/campaign';
import type { AmountsByCurrency } from '../common/money-totals';
import type { Currency, Id } from '../common/types';
import type { Lead } from '../lead/lead';
import type { Opportunity } from '../opportunity/opportunity';
import { DEAL_ROW, LEAD_ROW, recountFigures } from './figure-contributions';
import { amountOf, entriesUnder, type FigureSet } from './figures';

export type CampaignResults = {
  readonly campaignId: Id;
  /** The campaign's currency: costs, expected revenue and ROI are in it. */
  readonly currency: Currency;
  readonly leads: number;
  readonly convertedLeads: number;
  readonly opportunities: number;
  readonly wonDeals: number;
  /** Per currency, never added together. */
  readonly wonAmount: AmountsByCurrency;
  readonly actualCost: number | null;
  /**
   * (won amount − actual cost) / actual cost, from won deals in the campaign's currency only;
   * null without an actual cost (or a cost of 0, which has no return ratio).
   */
  readonly roi: number | null;
};

export type CampaignReportRow = CampaignResults &
  Pick<Campaign, 'name' | 'type' | 'status' | 'startDate' | 'endDate'>;

/** The figure rows campaign results read (with the campaigns themselves). */
export const CAMPAIGN_FIGURES = [LEAD_ROW, DEAL_ROW] as const;

/**
 * What a campaign brought, from the maintained figures: its leads (and how many converted) and the
 * deals that name it. A deal names its campaign itself; one created from a lead takes the lead's
 * campaign when it is not told another (conversion and `createOpportunity` both do).
 */
export function campaignResultsFromFigures(campaign: Campaign, figures: FigureSet): CampaignResults {
  let leads = 0;
  let convertedLeads = 0;
  for (const [[outcome], value] of entriesUnder(figures.get(LEAD_ROW), 'cmp', campaign.id)) {
    leads += Number(value);
    if (outcome === 'converted') convertedLeads += Number(value);
  }
  let opportunities = 0;
  let wonDeals = 0;
  const wonAmount: Record<Currency, number> = {};
  for (const [path, value] of entriesUnder(figures.get(DEAL_ROW), 'c', campaign.id)) {
    if (path[0] === 'n') opportunities += Number(value);
    else if (path[0] === 'won') wonDeals += Number(value);
    else if (path[1] === 'wa' && path[0] !== undefined) wonAmount[path[0]] = amountOf(value);
  }
  const cost = campaign.actualCost;
  return {
    campaignId: campaign.id,
    currency: campaign.currency,
    leads,
    convertedLeads,
    opportunities,
    wonDeals,
    wonAmount,
    actualCost: cost ?? null,
    roi: cost ? ((wonAmount[campaign.currency] ?? 0) - cost) / cost : null,
  };
}

/** The same over records. */
export const campaignResults = (
  campaign: Campaign,
  leads: readonly Lead[],
  opportunities: readonly Opportunity[],
): CampaignResults => campaignResultsFromFigures(campaign, recountFigures(leads, opportunities));

/** Every campaign's results, in the order the campaigns are given. */
export function campaignReportFromFigures(
  campaigns: readonly Campaign[],
  figures: FigureSet,
): CampaignReportRow[] {
  return campaigns.map((c) => ({
    name: c.name,
    type: c.type,
    status: c.status,
    ...(c.startDate ? { startDate: c.startDate } : {}),
    ...(c.endDate ? { endDate: c.endDate } : {}),
    ...campaignResultsFromFigures(c, figures),
  }));
}

/** The same over records. */
export const campaignReport = (
  campaigns: readonly Campaign[],
  leads: readonly Lead[],
  opportunities: readonly Opportunity[],
): CampaignReportRow[] => campaignReportFromFigures(campaigns, recountFigures(leads, opportunities));
