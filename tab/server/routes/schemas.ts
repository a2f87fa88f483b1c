import { z } from 'zod';

/** Query and service shapes the API adds around the domain's own input schemas (records: record-schemas.ts). */
export const ListQuerySchema = z.object({
  limit: z.number().int().min(1).max(1000).default(50).optional().describe('Page size, 1–1000 (default 50)'),
  cursor: z.string().optional().describe('The nextCursor of the previous page'),
  q: z.string().max(200).optional().describe('Search text: names, email, company; not with sort'),
});

export const PageQuerySchema = ListQuerySchema.omit({ q: true });

export const DevTokenRequestSchema = z.strictObject({
  tenantId: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'letters, digits, . _ -; at most 100'),
  userId: z.string().regex(/^[A-Za-z0-9._:@-]{1,128}$/, 'letters, digits, . _ : @ -; at most 128'),
  name: z.string().trim().min(1).max(200).optional(),
});

export const DevTokenResponseSchema = z.strictObject({
  token: z.string().describe('A JWT for Authorization: Bearer'),
});
