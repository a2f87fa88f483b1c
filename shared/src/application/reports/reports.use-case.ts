import type { Activity } from '../../activity/activity';
import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { WorkspaceId } from '../../common/types';
import {
  campaignReport,
  conversionReport,
  forecastReport,
  pipelineReport,
  salesCycleReport,
  staleDealsReport,
  winRateReport,
  type ActivityTouch,
  type Period,
} from '../../reports';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import type { RecordKind, RecordOf } from '../../records/records';

export const REPORTS = [
  'pipeline',
  'forecast',
  'conversion',
  'campaigns',
  'win-rate',
  'sales-cycle',
  'stale-deals',
] as const;
export type ReportName = (typeof REPORTS)[number];

export type ReportParams = {
  /**
   * forecast: first month (YYYY-MM or YYYY-MM-DD), default this month; win-rate, sales-cycle,
   * conversion: the period's first day (YYYY-MM-DD).
   */
  readonly from?: string;
  /** win-rate, sales-cycle, conversion: the period's last day (YYYY-MM-DD). */
  readonly to?: string;
  /** forecast: how many months, 1–24, default 6. */
  readonly months?: string;
  /** conversion: source | campaign | owner, default source. */
  readonly by?: string;
};

const invalid = (field: string, message: string) =>
  err(domainError('VALIDATION.FAILED', message, { fields: { [field]: message } }));

const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Runs one report over the workspace's live records. Reports read everything of the kinds they need;
 * they are computed by the pure functions in reports/, so tab and bot show the same numbers.
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
  const load = <K extends RecordKind>(kind: K) => collect(deps, ws, kind);
  switch (report) {
    case 'pipeline':
      return ok(pipelineReport(await load('opportunity'), settings.stages));
    case 'forecast': {
      const from = params.from ?? deps.clock.now().slice(0, 7);
      if (!DATE.test(from)) return invalid('from', 'must be YYYY-MM or YYYY-MM-DD');
      const months = params.months === undefined ? 6 : Number(params.months);
      if (!Number.isInteger(months) || months < 1 || months > 24)
        return invalid('months', 'must be a whole number from 1 to 24');
      return ok(
        forecastReport(await load('opportunity'), settings.stages, {
          from: from.slice(0, 7) + '-01',
          months,
        }),
      );
    }
    case 'conversion': {
      const by = params.by ?? 'source';
      if (by !== 'source' && by !== 'campaign' && by !== 'owner')
        return invalid('by', 'one of source, campaign, owner');
      const period = periodOf(params);
      if (!period.ok) return period;
      return ok({ by, rows: conversionReport(await load('lead'), by, period.value) });
    }
    case 'campaigns': {
      const [campaigns, leads, opportunities] = await Promise.all([
        load('campaign'),
        load('lead'),
        load('opportunity'),
      ]);
      return ok({ rows: campaignReport(campaigns, leads, opportunities) });
    }
    case 'win-rate': {
      const period = periodOf(params);
      if (!period.ok) return period;
      return ok(winRateReport(await load('opportunity'), period.value));
    }
    case 'sales-cycle': {
      const period = periodOf(params);
      if (!period.ok) return period;
      return ok(salesCycleReport(await load('opportunity'), period.value));
    }
    case 'stale-deals': {
      const [opportunities, logged] = await Promise.all([load('opportunity'), load('activity')]);
      const activities = followToDeals(logged, opportunities);
      return ok({
        staleAfterDays: settings.staleAfterDays,
        deals: staleDealsReport({
          opportunities,
          activities,
          now: deps.clock.now(),
          staleAfterDays: settings.staleAfterDays,
        }),
      });
    }
    default: {
      const _exhaustive: never = report;
      return _exhaustive;
    }
  }
}

/** `from` and `to` (YYYY-MM-DD, both optional, inclusive) as a report period. */
function periodOf(params: ReportParams): Result<Period> {
  for (const [field, value] of [
    ['from', params.from],
    ['to', params.to],
  ] as const) {
    if (value !== undefined && !DAY.test(value)) return invalid(field, 'must be YYYY-MM-DD');
  }
  return ok({ ...(params.from ? { from: params.from } : {}), ...(params.to ? { to: params.to } : {}) });
}

async function collect<K extends RecordKind>(
  deps: AppDeps,
  ws: WorkspaceId,
  kind: K,
): Promise<RecordOf[K][]> {
  const all: RecordOf[K][] = [];
  for await (const item of deps.records.scan(ws, kind)) all.push(item.record);
  return all;
}

/** Activities logged on a lead count for the deal it was converted into. */
function followToDeals(
  activities: readonly Activity[],
  opportunities: readonly RecordOf['opportunity'][],
): ActivityTouch[] {
  const dealOfLead = new Map(opportunities.filter((o) => o.leadId).map((o) => [o.leadId as string, o.id]));
  return activities.map((a) => {
    const deal = a.regarding.type === 'lead' ? dealOfLead.get(a.regarding.id) : undefined;
    return deal ? { ...a, regarding: { type: 'opportunity' as const, id: deal } } : a;
  });
}
