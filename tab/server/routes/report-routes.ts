import { z } from 'zod';
import { ok } from '@crm/shared';
import { REPORTS, runReport, type ReportName, type ReportParams } from '@crm/shared/application';
import { single } from './query';
import { route, type RouteSpec } from './route-spec';

const PARAMS: readonly (keyof ReportParams)[] = ['from', 'to', 'months', 'by'];

/** The query each report reads; the use case checks the values. */
const QUERY: { [R in ReportName]: z.ZodObject } = {
  pipeline: z.object({}),
  forecast: z.object({
    from: z.string().optional().describe('First month, YYYY-MM; default this month'),
    months: z.number().int().min(1).max(24).optional().describe('How many months (default 6)'),
  }),
  conversion: z.object({ by: z.enum(['source', 'campaign', 'owner']).optional() }),
  campaigns: z.object({}),
  'win-rate': z.object({ from: z.string().optional(), to: z.string().optional() }),
  'sales-cycle': z.object({}),
  'stale-deals': z.object({}),
};

const SUMMARY: { [R in ReportName]: string } = {
  pipeline: 'Open pipeline by stage: count, amount and weighted amount per currency',
  forecast: 'Expected sales by close month and forecast category',
  conversion: 'Lead conversion rate by source, campaign or owner',
  campaigns: 'What each campaign brought: leads, conversions, deals, won amount, ROI',
  'win-rate': 'Won against lost deals in a period',
  'sales-cycle': 'Average days from creation to close',
  'stale-deals': 'Open deals with no activity for longer than the workspace allows',
};

export const reportRoutes: RouteSpec[] = REPORTS.map((name) =>
  route({
    method: 'get',
    path: `/workspaces/:ws/reports/${name}`,
    tag: 'reports',
    summary: SUMMARY[name],
    query: QUERY[name],
    success: {
      status: 200,
      description: 'The report (amounts in different currencies are never added)',
      schema: z.looseObject({}),
    },
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
