import * as z from 'zod';
import { percentSchema } from '../common/schemas';
import { FORECAST_CATEGORIES } from './stage';

/** Stage ids are lowercase kebab-case: they travel in URLs, filters and Table keys. */
export const stageIdSchema = z
  .string()
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case stage id');

/** One stage as a workspace owner sends it; `kind` is derived from the id when absent. */
export const StageInputSchema = z.strictObject({
  id: stageIdSchema,
  label: z.string().trim().min(1).max(60).optional(),
  probability: percentSchema,
  forecastCategory: z.enum(FORECAST_CATEGORIES),
  kind: z.enum(['open', 'won', 'lost']).optional(),
});
export type StageInput = z.infer<typeof StageInputSchema>;

export const MAX_STAGES = 30;

export const StageConfigInputSchema = z.array(StageInputSchema).min(1).max(MAX_STAGES);
