import type { Lead } from '../lead/lead';
import { inPeriod, type Period } from './period';

export type ConversionGrouping = 'source' | 'campaign' | 'owner';

export type ConversionRow = {
  /** The source, campaign id or owner id; null for leads without a campaign. */
  readonly key: string | null;
  readonly leads: number;
  readonly converted: number;
  readonly disqualified: number;
  /** Not yet decided: open-not-contacted or working-contacted. */
  readonly open: number;
  /**
   * converted / leads: the share of all leads that became customers' records, as Salesforce
   * reports it. Open leads count against the rate until decided; a fair rate for a recent campaign
   * reads it together with `open`.
   */
  readonly conversionRate: number;
};

const keyOf = (lead: Lead, by: ConversionGrouping): string | null => {
  switch (by) {
    case 'source':
      return lead.source;
    case 'campaign':
      return lead.campaignId ?? null;
    case 'owner':
      return lead.ownerId;
    default: {
      const _exhaustive: never = by;
      return _exhaustive;
    }
  }
};

type Counts = { leads: number; converted: number; disqualified: number; open: number };

/**
 * Lead conversion per source, campaign or owner, over the leads that came in during the period (by
 * the UTC day they were created; default: every lead); the biggest groups first.
 */
export function conversionReport(
  leads: readonly Lead[],
  by: ConversionGrouping,
  period: Period = {},
): ConversionRow[] {
  const groups = new Map<string | null, Counts>();
  for (const lead of leads) {
    if (!inPeriod(lead.createdAt, period)) continue;
    const key = keyOf(lead, by);
    const c = groups.get(key) ?? { leads: 0, converted: 0, disqualified: 0, open: 0 };
    c.leads += 1;
    c[outcomeOf(lead)] += 1;
    groups.set(key, c);
  }
  return [...groups.entries()]
    .map(([key, c]) => ({ key, ...c, conversionRate: c.converted / c.leads }))
    .sort((a, b) => b.leads - a.leads || String(a.key).localeCompare(String(b.key)));
}

function outcomeOf(lead: Lead): 'converted' | 'disqualified' | 'open' {
  switch (lead.status) {
    case 'closed-converted':
      return 'converted';
    case 'closed-not-converted':
      return 'disqualified';
    case 'open-not-contacted':
    case 'working-contacted':
      return 'open';
    default: {
      const _exhaustive: never = lead;
      return _exhaustive;
    }
  }
}
