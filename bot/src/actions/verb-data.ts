import { z } from 'zod';

/** What the cards' buttons carry (`Action.Execute` data), checked by each verb's schema. */
export const Ws = z.object({ ws: z.string().min(1).max(256) });
export const LeadRef = Ws.extend({ leadId: z.string().min(1).max(256) });
export const DealRef = Ws.extend({ dealId: z.string().min(1).max(256) });
/** A toggle: Teams sends `"true"`/`"false"` from an input, a boolean from the card's own data. */
export const flag = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
  .optional();
export const optionalText = z.string().trim().max(1000).optional();
/** A qualify card's Idempotency-Key: one per card, so its submit converts once. */
export const IdempotencyKey = z.string().min(1).max(200);

/**
 * The qualify card carries its Idempotency-Key as `idempotencyKey`. Cards posted before carry it as
 * `key`, a name the Agents Playground's card renderer reserves (pressing such a button fails there):
 * read as the new name, so those cards keep converting once.
 */
export const keyRenamed = (data: unknown): unknown => {
  if (typeof data !== 'object' || data === null || !('key' in data) || 'idempotencyKey' in data) return data;
  const { key, ...rest } = data as Record<string, unknown>;
  return { ...rest, idempotencyKey: key };
};
