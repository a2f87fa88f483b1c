import type { TFunction } from 'i18next';
import { formatFor } from '../i18n/useFormat';
import { campaignRoiSeries, conversionSeries, forecastSeries, pipelineSeries } from './dashboard-series';

const t = ((key: string, values?: Record<string, string>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;
const f = { t, format: formatFor('en', t), language: 'en', stageName: (id: string) => `Stage ${id}` };
const total = (count: number, amount: number, weightedAmount: number) => ({ count, amount, weightedAmount });

describe('the dashboard’s series', () => {
  it('draw the pipeline per currency, the weighted amount inside each stage’s bar', () => {
    const { series, table } = pipelineSeries(
      {
        stages: [
          { stage: 'proposal', byCurrency: { EUR: total(1, 48_000, 36_000) } },
          { stage: 'negotiation', byCurrency: { NOK: total(2, 90_000, 81_000) } },
        ],
        totals: { EUR: total(1, 48_000, 36_000), NOK: total(2, 90_000, 81_000) },
      },
      f,
    );
    expect(series.map((s) => s.currency)).toEqual(['EUR', 'NOK']);
    expect(series[0]?.items).toEqual([
      { label: 'Stage proposal', value: 48_000, inner: 36_000, text: '€48K' },
      { label: 'Stage negotiation', value: 0, inner: 0, text: '€0' },
    ]);
    // Intl puts a no-break space between a currency code and the amount.
    expect(table.rows.map((row) => row.map((cell) => cell.replace(/\s/g, ' ')))).toEqual([
      ['Stage proposal', 'EUR', '1', '€48,000.00', '€36,000.00'],
      ['Stage negotiation', 'NOK', '2', 'NOK 90,000.00', 'NOK 81,000.00'],
    ]);
  });

  it('label months short, with the year under the first month of each year, the whole month on hover', () => {
    const month = (m: string, amount: number) => ({
      month: m,
      byCurrency: {
        EUR: {
          ...total(1, amount, amount),
          byCategory: { pipeline: amount, 'best-case': 0, commit: 0, closed: 0 },
        },
      },
    });
    const { series } = forecastSeries(
      { months: [month('2026-12', 1000), month('2027-01', 2500), month('2027-02', 0)], undated: {} },
      f,
    );
    expect(series[0]?.items.map((c) => [c.label, c.group, c.text, c.title])).toEqual([
      ['Dec', '2026', '€1K', 'December 2026'],
      ['Jan', '2027', '€2.5K', 'January 2027'],
      ['Feb', undefined, '€0', 'February 2027'],
    ]);
  });

  it('give each source its rate with how many of how many, and campaigns a loss left of zero', () => {
    const { bars } = conversionSeries(
      {
        by: 'source',
        rows: [{ key: 'web', leads: 4, converted: 1, disqualified: 0, open: 3, conversionRate: 0.25 }],
      },
      (key) => `source ${key}`,
      f,
    );
    expect(bars).toEqual([
      {
        label: 'source web',
        value: 0.25,
        text: 'dashboard.rateOf {"rate":"25%","converted":"1","leads":"4"}',
      },
    ]);
    const roi = campaignRoiSeries(
      {
        rows: [
          {
            campaignId: 'c',
            name: 'Fair',
            type: 'trade-show',
            status: 'completed',
            currency: 'EUR',
            leads: 2,
            convertedLeads: 1,
            opportunities: 1,
            wonDeals: 1,
            wonAmount: { EUR: 6000 },
            actualCost: 10_500,
            roi: -0.4286,
          },
        ],
      },
      f,
    );
    expect(roi.bars).toEqual([{ label: 'Fair', value: -0.4286, text: '-42.9%' }]);
  });
});
