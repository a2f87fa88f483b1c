import * as z from 'zod';
import { absentIfBlank, clearIfBlank } from '../common/record-change';
import {
  amountSchema,
  currencySchema,
  idSchema,
  isoDateSchema,
  percentSchema,
  shortText,
  userIdSchema,
} from '../common/schemas';
import { stageIdSchema } from './stage.schema';

const text = (max: number) => z.string().max(max);
/** A blank reason passes here so the rule can answer with OPPORTUNITY.LOST_REASON_REQUIRED. */
const lostReason = z.string().trim().max(1000);

export const OpportunityCreateInputSchema = z.strictObject({
  name: shortText(200),
  organisationId: idSchema,
  amount: amountSchema.optional(),
  /** Defaults to the workspace's currency. */
  currency: currencySchema.optional(),
  closeDate: isoDateSchema.optional(),
  /** Defaults to the workspace's first open stage. */
  stage: stageIdSchema.optional(),
  /** A hand-set probability: it no longer follows the stage. */
  probability: percentSchema.optional(),
  /** Defaults to the actor. */
  ownerId: userIdSchema.optional(),
  primaryContactId: idSchema.optional(),
  leadId: idSchema.optional(),
  campaignId: idSchema.optional(),
  description: absentIfBlank(text(10_000)),
  nextStep: absentIfBlank(text(500)),
  lostReason: lostReason.optional(),
});
export type OpportunityCreateInput = z.infer<typeof OpportunityCreateInputSchema>;

/**
 * Every field optional; `null` (or a blank string) clears an optional field, and `probability: null`
 * goes back to following the stage. `reopen: true` is the deliberate act that lets a closed deal
 * change stage. The originating lead is not editable: it is a fact of the deal's origin.
 */
export const OpportunityPatchInputSchema = z.strictObject({
  name: shortText(200).optional(),
  organisationId: idSchema.optional(),
  amount: amountSchema.nullable().optional(),
  currency: currencySchema.optional(),
  closeDate: isoDateSchema.nullable().optional(),
  stage: stageIdSchema.optional(),
  probability: percentSchema.nullable().optional(),
  ownerId: userIdSchema.optional(),
  primaryContactId: idSchema.nullable().optional(),
  campaignId: idSchema.nullable().optional(),
  description: clearIfBlank(text(10_000)),
  nextStep: clearIfBlank(text(500)),
  lostReason: lostReason.nullable().optional(),
  reopen: z.boolean().optional(),
});
export type OpportunityPatchInput = z.infer<typeof OpportunityPatchInputSchema>;
