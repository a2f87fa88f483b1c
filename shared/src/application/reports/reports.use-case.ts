import type { Campaign } from '../../campaign/campaign';
import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { WorkspaceId } from '../../common/types';
import { staleBefore } from '../../opportunity/deal-touch';
import {
  CAMPAIGN_FIGURES,
  campaignReportFromFigures,
  CLOSED_PREFIX,
  closedRowRange,
  conversionFromFigures,
  FORECAST_PREFIX,
  FORECAST_UNDATED,
  forecastFromFigures,
  forecastRow,
  monthKeys,
  PIPELINE_FIGURES,
  pipelineFromFigures,
  salesCycleFromFigures,
  staleDeal,
  winRateFromFigures,
  LEAD_ROW,
  type Period,
} from '../../reports';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';

export const REPORTS = [
  'pipeline',
  'forecast',
  'conversion',
  'campaigns',
  'win-rate',
  'sales-cycle',
  'stale-deals',
  'no-next-step',
] as const;
export type ReportName = (typeof REPORTS)[number];

export type ReportParams = {
  /** forecast: first month (YYYY-MM or YYYY-MM-DD), default this month; win-rate, sales-cycle: period start. */
  readonly from?: string;
  /** win-rate, sales-cycle: period end (YYYY-MM-DD). */
  readonly to?: string;
  /** forecast: how many months, 1–24, default 6. */
  readonly months?: string;
  /** conversion: source | campaign | owner, default source. */
  readonly by?: string;
  /** stale-deals, no-next-step: deals per page, 1–200, default 50. */
  readonly limit?: string;
  /** stale-deals, no-next-step: the page after this one. */
  readonly cursor?: string;
};

const invalid = (field: string, message: string) =>
  err(domainError('VALIDATION.FAILED', message, { fields: { [field]: message } }));

const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

/**
 * Runs one report. Reports read the workspace's maintained figures (reports/figures.ts), which every
 * commit keeps equal to a recount of the records, and lists of deals read key ranges: what a report
 * reads is bounded by stages, months, sources and campaigns, never by the number of records. The
 * pure functions in reports/ build the answers, so tab and bot show the same numbers.
 */
export async function runReport(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  name: string,
  params: ReportParams = {},
): Promise<Result<unknown>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const settings = access.value.workspace.record.settings;
  const report = name as ReportName;
  if (!REPORTS.includes(report)) return invalid('report', `one of ${REPORTS.join(', ')}`);
  const figures = deps.records.readFigures.bind(deps.records, ws);
  switch (report) {
    case 'pipeline':
      return ok(pipelineFromFigures(await figures({ rows: PIPELINE_FIGURES }), settings.stages));
    case 'forecast': {
      const from = params.from ?? deps.clock.now().slice(0, 7);
      if (!DATE.test(from)) return invalid('from', 'must be YYYY-MM or YYYY-MM-DD');
      const months = params.months === undefined ? 6 : Number(params.months);
      if (!Number.isInteger(months) || months < 1 || months > 24)
        return invalid('months', 'must be a whole number from 1 to 24');
      const period = { from: from.slice(0, 7) + '-01', months };
      const keys = monthKeys(period.from, months);
      // The months are one key range; the undated deals one row beside it.
      const [dated, undated] = await Promise.all([
        figures({
          prefix: FORECAST_PREFIX,
          from: forecastRow(keys[0] ?? ''),
          to: forecastRow(keys.at(-1) ?? ''),
        }),
        figures({ rows: [FORECAST_UNDATED] }),
      ]);
      return ok(forecastFromFigures(new Map([...dated, ...undated]), settings.stages, period));
    }
    case 'conversion': {
      const by = params.by ?? 'source';
      if (by !== 'source' && by !== 'campaign' && by !== 'owner')
        return invalid('by', 'one of source, campaign, owner');
      return ok({ by, rows: conversionFromFigures(await figures({ rows: [LEAD_ROW] }), by) });
    }
    case 'campaigns': {
      const campaigns: Campaign[] = [];
      const [figureSet] = await Promise.all([
        figures({ rows: CAMPAIGN_FIGURES }),
        (async () => {
          for await (const { record } of deps.records.scan(ws, 'campaign')) campaigns.push(record);
        })(),
      ]);
      return ok({ rows: campaignReportFromFigures(campaigns, figureSet) });
    }
    case 'win-rate':
    case 'sales-cycle': {
      const period = readPeriod(params);
      if (!period.ok) return period;
      const closures = await figures({ prefix: CLOSED_PREFIX, ...closedRowRange(period.value) });
      return ok(
        report === 'win-rate'
          ? winRateFromFigures(closures, period.value)
          : salesCycleFromFigures(closures, period.value),
      );
    }
    case 'stale-deals': {
      const page = readPage(params);
      if (!page.ok) return page;
      const now = deps.clock.now();
      const found = await deps.records.staleDeals(ws, staleBefore(now, settings.staleAfterDays), page.value);
      return ok({
        staleAfterDays: settings.staleAfterDays,
        deals: found.items.map((deal) => staleDeal(deal, now)),
        ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}),
      });
    }
    case 'no-next-step': {
      const page = readPage(params);
      if (!page.ok) return page;
      const found = await deps.records.dealsWithoutNextStep(ws, page.value);
      return ok({ deals: found.items, ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}) });
    }
    default: {
      const _exhaustive: never = report;
      return _exhaustive;
    }
  }
}

function readPeriod(params: ReportParams): Result<Period> {
  for (const [field, value] of [
    ['from', params.from],
    ['to', params.to],
  ] as const) {
    if (value !== undefined && !DAY.test(value)) return invalid(field, 'must be YYYY-MM-DD');
  }
  return ok({ ...(params.from ? { from: params.from } : {}), ...(params.to ? { to: params.to } : {}) });
}

function readPage(params: ReportParams): Result<{ limit: number; cursor?: string }> {
  const limit = params.limit === undefined ? DEFAULT_PAGE : Number(params.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
    return invalid('limit', `must be a whole number from 1 to ${MAX_PAGE}`);
  return ok({ limit, ...(params.cursor ? { cursor: params.cursor } : {}) });
}
