import type { Currency, Id } from '../common/types';
import type { Lead } from '../lead/lead';
import type { Opportunity } from '../opportunity/opportunity';
import { WON } from '../opportunity/stage';
import { sumByCurrency, type AmountsByCurrency } from '../common/money-totals';
import type { Campaign } from './campaign';

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

/**
 * What a campaign brought. A deal counts for the campaign it names; a deal naming none counts for
 * the campaign of the lead it came from, so a conversion that did not copy the campaign is not lost.
 */
export function campaignResults(
  campaign: Campaign,
  leads: readonly Lead[],
  opportunities: readonly Opportunity[],
): CampaignResults {
  const campaignLeads = leads.filter((l) => l.campaignId === campaign.id);
  const leadIds = new Set(campaignLeads.map((l) => l.id));
  const deals = opportunities.filter((o) =>
    o.campaignId !== undefined
      ? o.campaignId === campaign.id
      : o.leadId !== undefined && leadIds.has(o.leadId),
  );
  const won = deals.filter((o) => o.stage === WON);
  const wonAmount = sumByCurrency(won, (o) => ({ currency: o.currency, amount: o.amount ?? 0 }));
  const cost = campaign.actualCost;
  return {
    campaignId: campaign.id,
    currency: campaign.currency,
    leads: campaignLeads.length,
    convertedLeads: campaignLeads.filter((l) => l.status === 'closed-converted').length,
    opportunities: deals.length,
    wonDeals: won.length,
    wonAmount,
    actualCost: cost ?? null,
    roi: cost ? ((wonAmount[campaign.currency] ?? 0) - cost) / cost : null,
  };
}
