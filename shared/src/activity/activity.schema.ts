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
  /** ISO instant with an offset, stored in UTC; defaults to now. When it is due, or when it happened. */
  occurredAt: instantSchema.optional(),
  outcome: absentIfBlank(text(1000)),
  /** Done or not; defaults to done for anything but a task at or before now, open otherwise. */
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

/** Marking done may say how it went. */
export const ActivityCompleteInputSchema = z.strictObject({ outcome: absentIfBlank(text(1000)) });
export type ActivityCompleteInput = z.infer<typeof ActivityCompleteInputSchema>;

/** Moving an open activity: the new due instant (with an offset; stored in UTC). */
export const ActivityRescheduleInputSchema = z.strictObject({ dueAt: instantSchema });
export type ActivityRescheduleInput = z.infer<typeof ActivityRescheduleInputSchema>;
