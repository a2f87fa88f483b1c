import { z } from 'zod';

/**
 * Shapes the API adds around the domain's own input schemas, for the OpenAPI document. Records are
 * described loosely: their fields are the domain types, plus the `etag` If-Match wants.
 */
export const RecordSchema = z.looseObject({ id: z.string(), workspaceId: z.string(), etag: z.string() });

export const ListQuerySchema = z.object({
  limit: z.number().int().min(1).max(1000).default(50).optional(),
  cursor: z.string().optional(),
  q: z.string().max(200).optional(),
});

export const PageQuerySchema = ListQuerySchema.omit({ q: true });

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  requestId: z.string(),
});

export const DevTokenRequestSchema = z.strictObject({
  tenantId: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'letters, digits, . _ -; at most 100'),
  userId: z.string().regex(/^[A-Za-z0-9._:@-]{1,128}$/, 'letters, digits, . _ : @ -; at most 128'),
  name: z.string().trim().min(1).max(200).optional(),
});

export const DevTokenResponseSchema = z.object({ token: z.string() });
