import type { Campaign } from '../campaign/campaign';
import { campaignResults, type CampaignResults } from '../campaign/campaign-results';
import type { Lead } from '../lead/lead';
import type { Opportunity } from '../opportunity/opportunity';

export type CampaignReportRow = CampaignResults &
  Pick<Campaign, 'name' | 'type' | 'status' | 'startDate' | 'endDate'>;

/** Every campaign's results, in the order the campaigns are given. */
export function campaignReport(
  campaigns: readonly Campaign[],
  leads: readonly Lead[],
  opportunities: readonly Opportunity[],
): CampaignReportRow[] {
  return campaigns.map((c) => ({
    name: c.name,
    type: c.type,
    status: c.status,
    ...(c.startDate ? { startDate: c.startDate } : {}),
    ...(c.endDate ? { endDate: c.endDate } : {}),
    ...campaignResults(c, leads, opportunities),
  }));
}
