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
