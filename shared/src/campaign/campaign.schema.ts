import * as z from 'zod';
import { absentIfBlank, clearIfBlank } from '../common/record-change';
import { amountSchema, currencySchema, isoDateSchema, shortText, userIdSchema } from '../common/schemas';
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from './campaign';

const text = (max: number) => z.string().max(max);

export const CampaignCreateInputSchema = z.strictObject({
  name: shortText(200),
  type: z.enum(CAMPAIGN_TYPES),
  /** Defaults to planned; a campaign already running (or over) may be recorded as it is. */
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  startDate: isoDateSchema.optional(),
  endDate: isoDateSchema.optional(),
  /** Defaults to the workspace's currency; costs and expected revenue are in it. */
  currency: currencySchema.optional(),
  budgetedCost: amountSchema.optional(),
  actualCost: amountSchema.optional(),
  expectedRevenue: amountSchema.optional(),
  description: absentIfBlank(text(10_000)),
  /** Defaults to the actor. */
  ownerId: userIdSchema.optional(),
});
export type CampaignCreateInput = z.infer<typeof CampaignCreateInputSchema>;

/** Every field optional; `null` (or blank text) clears an optional one. */
export const CampaignPatchInputSchema = z.strictObject({
  name: shortText(200).optional(),
  type: z.enum(CAMPAIGN_TYPES).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  startDate: isoDateSchema.nullable().optional(),
  endDate: isoDateSchema.nullable().optional(),
  currency: currencySchema.optional(),
  budgetedCost: amountSchema.nullable().optional(),
  actualCost: amountSchema.nullable().optional(),
  expectedRevenue: amountSchema.nullable().optional(),
  description: clearIfBlank(text(10_000)),
  ownerId: userIdSchema.optional(),
});
export type CampaignPatchInput = z.infer<typeof CampaignPatchInputSchema>;
