/** The stretches of time the dashboard's figures can cover. */
export const DASHBOARD_PERIODS = ['month', 'quarter', 'year', 'last-12-months', 'all'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

export const DEFAULT_PERIOD: DashboardPeriod = 'month';

/** A report period: its first and last day (YYYY-MM-DD, UTC, inclusive); open on both ends for "all". */
export type PeriodRange = { readonly from?: string; readonly to?: string };

const day = (date: Date): string => date.toISOString().slice(0, 10);

/** The address's `period`, when it names one. */
export const parsePeriod = (value: string | undefined): DashboardPeriod =>
  (DASHBOARD_PERIODS as readonly string[]).includes(value ?? '')
    ? (value as DashboardPeriod)
    : DEFAULT_PERIOD;

/**
 * The days a period covers, up to and including `today` (an instant; days are UTC days, as the
 * reports count them): this month, this quarter, this year, the last 12 months (from the same day a
 * year ago, the day after), or everything.
 */
export function periodRange(period: DashboardPeriod, today: Date): PeriodRange {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const to = day(today);
  switch (period) {
    case 'month':
      return { from: day(new Date(Date.UTC(y, m, 1))), to };
    case 'quarter':
      return { from: day(new Date(Date.UTC(y, m - (m % 3), 1))), to };
    case 'year':
      return { from: day(new Date(Date.UTC(y, 0, 1))), to };
    case 'last-12-months':
      return { from: day(new Date(Date.UTC(y - 1, m, today.getUTCDate() + 1))), to };
    case 'all':
      return {};
    default: {
      const _exhaustive: never = period;
      return _exhaustive;
    }
  }
}
