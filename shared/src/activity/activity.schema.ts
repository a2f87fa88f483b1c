import * as z from 'zod';
import { absentIfBlank, clearIfBlank } from '../common/record-change';
import { idSchema, instantSchema, shortText, userIdSchema } from '../common/schemas';
import { ACTIVITY_TYPES, REGARDING_TYPES } from './activity';

const text = (max: number) => z.string().max(max);

export const RegardingSchema = z.strictObject({ type: z.enum(REGARDING_TYPES), id: idSchema });

export const ActivityCreateInputSchema = z.strictObject({
  type: z.enum(ACTIVITY_TYPES),
  subject: shortText(200),
  notes: absentIfBlank(text(10_000)),
  regarding: RegardingSchema,
  /** ISO instant with an offset, stored in UTC; defaults to now. */
  occurredAt: instantSchema.optional(),
  outcome: absentIfBlank(text(1000)),
  /** Tasks only. */
  completed: z.boolean().optional(),
  /** Defaults to the actor. */
  ownerId: userIdSchema.optional(),
});
export type ActivityCreateInput = z.infer<typeof ActivityCreateInputSchema>;

/** Every field optional; `null` (or blank text) clears notes and outcome. */
export const ActivityPatchInputSchema = z.strictObject({
  type: z.enum(ACTIVITY_TYPES).optional(),
  subject: shortText(200).optional(),
  notes: clearIfBlank(text(10_000)),
  regarding: RegardingSchema.optional(),
  occurredAt: instantSchema.optional(),
  outcome: clearIfBlank(text(1000)),
  completed: z.boolean().optional(),
  ownerId: userIdSchema.optional(),
});
export type ActivityPatchInput = z.infer<typeof ActivityPatchInputSchema>;
