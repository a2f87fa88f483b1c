import type { Lead } from '../lead/lead';
import { LEAD_ROW, recountFigures } from './figure-contributions';
import { entriesUnder, type FigureSet } from './figures';

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

type Counts = { leads: number; converted: number; disqualified: number; open: number };

/** Where each grouping's counters live in the `lead` figure row. */
const PATH: Readonly<Record<ConversionGrouping, string>> = { source: 'src', campaign: 'cmp', owner: 'own' };

/** Lead conversion per source, campaign or owner, from the maintained figures; the biggest groups first. */
export function conversionFromFigures(figures: FigureSet, by: ConversionGrouping): ConversionRow[] {
  const groups = new Map<string | null, Counts>();
  for (const [[key, outcome], value] of entriesUnder(figures.get(LEAD_ROW), PATH[by])) {
    if (key === undefined || (outcome !== 'converted' && outcome !== 'disqualified' && outcome !== 'open'))
      continue;
    const group = by === 'campaign' && key === '' ? null : key;
    const c = groups.get(group) ?? { leads: 0, converted: 0, disqualified: 0, open: 0 };
    c.leads += Number(value);
    c[outcome] += Number(value);
    groups.set(group, c);
  }
  return [...groups.entries()]
    .filter(([, c]) => c.leads > 0)
    .map(([key, c]) => ({ key, ...c, conversionRate: c.converted / c.leads }))
    .sort((a, b) => b.leads - a.leads || String(a.key).localeCompare(String(b.key)));
}

/** The same over records. */
export const conversionReport = (leads: readonly Lead[], by: ConversionGrouping): ConversionRow[] =>
  conversionFromFigures(recountFigures(leads, []), by);
