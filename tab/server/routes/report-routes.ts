import { z } from 'zod';
import { ok } from '@crm/shared';
import { REPORTS, runReport, type ReportName, type ReportParams } from '@crm/shared/application';
import { single } from './query';
import { REPORT_SCHEMAS } from './report-schemas';
import { route, type RouteSpec } from './route-spec';

const PARAMS: readonly (keyof ReportParams)[] = ['from', 'to', 'months', 'by', 'limit', 'cursor'];

const page = z.object({
  limit: z.number().int().min(1).max(200).optional().describe('Deals per page (default 50)'),
  cursor: z.string().optional().describe('The `nextCursor` of the page before'),
});

/** A report over a period: both bounds optional and inclusive. */
const PERIOD = z.object({
  from: z.string().optional().describe('The period’s first day, YYYY-MM-DD (inclusive)'),
  to: z.string().optional().describe('The period’s last day, YYYY-MM-DD (inclusive)'),
});

/** The query each report reads; the use case checks the values. */
const QUERY: { [R in ReportName]: z.ZodObject } = {
  pipeline: z.object({}),
  forecast: z.object({
    from: z.string().optional().describe('First month, YYYY-MM; default this month'),
    months: z.number().int().min(1).max(24).optional().describe('How many months (default 6)'),
  }),
  conversion: z.object({ by: z.enum(['source', 'campaign', 'owner']).optional() }),
  campaigns: z.object({}),
  'win-rate': PERIOD,
  'sales-cycle': PERIOD,
  'stale-deals': page,
  'no-next-step': page,
};

/** operationId, summary and description of each report. */
const DOCS: { [R in ReportName]: readonly [string, string, string] } = {
  pipeline: [
    'getPipelineReport',
    'Report the open pipeline by stage',
    'Open opportunities per stage, in the workspace order: count, amount and weighted amount (amount × probability), per currency, and totals.',
  ],
  forecast: [
    'getForecastReport',
    'Report expected sales by close month',
    'Deals by expected close month and forecast category (pipeline, best-case, commit, closed) per currency, ' +
      'from the month `from` (YYYY-MM, default this month) for `months` months (1–24, default 6); open deals without a close date apart.',
  ],
  conversion: [
    'getConversionReport',
    'Report lead conversion rates',
    'Leads, converted, disqualified and open counts and the conversion rate, grouped by source (default), campaign or owner (`by`), ' +
      'over every lead of the workspace (from its maintained figures).',
  ],
  campaigns: [
    'getCampaignReport',
    'Report what each campaign brought',
    'Per campaign: leads, converted leads, opportunities, won deals and won amount per currency, actual cost and ROI ((won − cost) / cost).',
  ],
  'win-rate': [
    'getWinRateReport',
    'Report the win rate',
    'Deals won and lost, won / (won + lost), and the amount won per currency, for deals closed between `from` and `to` ' +
      '(YYYY-MM-DD, both optional, inclusive).',
  ],
  'sales-cycle': [
    'getSalesCycleReport',
    'Report the average sales cycle',
    'Deals won between `from` and `to` (YYYY-MM-DD, both optional, inclusive) and the mean days from a deal’s creation to its win.',
  ],
  'stale-deals': [
    'getStaleDealsReport',
    'Report deals with no recent activity',
    'Open deals whose last activity or stage change is older than the workspace’s staleAfterDays, with the days since, ' +
      'longest untouched first, a page at a time (`limit`, `cursor`).',
  ],
  'no-next-step': [
    'getNoNextStepReport',
    'Report open deals without a next step',
    'Open deals with no planned activity (no `nextActivity`), newest first, a page at a time (`limit`, `cursor`).',
  ],
};

export const reportRoutes: RouteSpec[] = REPORTS.map((name) =>
  route({
    method: 'get',
    path: `/workspaces/:ws/reports/${name}`,
    tag: 'reports',
    operationId: DOCS[name][0],
    summary: DOCS[name][1],
    description: DOCS[name][2],
    query: QUERY[name],
    success: {
      status: 200,
      description: 'The report (amounts in different currencies are never added)',
      schema: REPORT_SCHEMAS[name],
    },
    errors: { 400: 'VALIDATION.FAILED: a query parameter out of range or given twice' },
    handle: async (deps, { params, query, caller }) => {
      const read: Record<string, string> = {};
      for (const key of PARAMS) {
        const value = single(query, key);
        if (!value.ok) return value;
        if (value.value !== undefined) read[key] = value.value;
      }
      const report = await runReport(deps, caller, params.ws, name, read);
      return report.ok ? ok({ status: 200, body: report.value }) : report;
    },
  }),
);
