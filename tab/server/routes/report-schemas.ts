import { z } from 'zod';
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from '@crm/shared';
import type { ReportName } from '@crm/shared/application';
import { named } from '../openapi/component-schemas';
import { RECORD_FIELD_SCHEMAS } from './record-schemas';

/** Per ISO 4217 currency: amounts in different currencies are never added together. */
const byCurrency = <T extends z.ZodType>(value: T) =>
  z.record(z.string(), value).describe('By currency (ISO 4217): currencies are never added together');

export const DealTotalsSchema = named(
  'DealTotals',
  z.strictObject({ count: z.number().int(), amount: z.number(), weightedAmount: z.number() }),
);
const ForecastTotalsSchema = named(
  'ForecastTotals',
  DealTotalsSchema.extend({
    byCategory: z.strictObject({
      pipeline: z.number(),
      'best-case': z.number(),
      commit: z.number(),
      closed: z.number(),
    }),
  }),
);

/** What each report answers (shared/src/reports builds them). */
export const REPORT_SCHEMAS: { readonly [R in ReportName]: z.ZodType } = {
  pipeline: z.strictObject({
    stages: z.array(
      z.strictObject({
        stage: z.string(),
        label: z.string().optional(),
        byCurrency: byCurrency(DealTotalsSchema),
      }),
    ),
    totals: byCurrency(DealTotalsSchema),
  }),
  forecast: z.strictObject({
    months: z.array(
      z.strictObject({ month: z.string().describe('YYYY-MM'), byCurrency: byCurrency(ForecastTotalsSchema) }),
    ),
    undated: byCurrency(ForecastTotalsSchema).describe('Open deals without a close date'),
  }),
  conversion: z.strictObject({
    by: z.enum(['source', 'campaign', 'owner']),
    rows: z.array(
      z.strictObject({
        key: z.string().nullable().describe('The source, campaign id or owner id; null: no campaign'),
        leads: z.number().int(),
        converted: z.number().int(),
        disqualified: z.number().int(),
        open: z.number().int(),
        conversionRate: z.number().describe('converted / leads'),
      }),
    ),
  }),
  campaigns: z.strictObject({
    rows: z.array(
      z.strictObject({
        campaignId: z.string(),
        name: z.string(),
        type: z.enum(CAMPAIGN_TYPES),
        status: z.enum(CAMPAIGN_STATUSES),
        startDate: z.string().optional(),
        endDate: z.string().optional(),
        currency: z.string(),
        leads: z.number().int(),
        convertedLeads: z.number().int(),
        opportunities: z.number().int(),
        wonDeals: z.number().int(),
        wonAmount: byCurrency(z.number()),
        actualCost: z.number().nullable(),
        roi: z.number().nullable().describe('(won amount − actual cost) / actual cost; null without a cost'),
      }),
    ),
  }),
  'win-rate': z.strictObject({
    won: z.number().int(),
    lost: z.number().int(),
    winRate: z.number().nullable().describe('won / (won + lost); null when nothing closed'),
    wonAmount: byCurrency(z.number()).describe('What the deals won in the period brought, per currency'),
  }),
  'sales-cycle': z.strictObject({
    wonDeals: z.number().int(),
    averageDays: z.number().nullable().describe('Mean days from creation to win; null without won deals'),
  }),
  'stale-deals': z.strictObject({
    staleAfterDays: z.number().int(),
    deals: z.array(
      z.strictObject({
        opportunity: RECORD_FIELD_SCHEMAS.opportunity,
        lastTouchAt: z.string(),
        lastTouch: z.enum(['activity', 'stage-change']),
        daysInactive: z.number().int(),
      }),
    ),
    nextCursor: z.string().optional().describe('Pass as `cursor` for the next page; absent on the last'),
  }),
  'no-next-step': z.strictObject({
    deals: z.array(RECORD_FIELD_SCHEMAS.opportunity),
    nextCursor: z.string().optional().describe('Pass as `cursor` for the next page; absent on the last'),
  }),
};
