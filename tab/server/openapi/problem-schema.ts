import { z } from 'zod';
import { named } from './component-schemas';

/** RFC 9457 problem details with our stable `code` (tab/server/http/problem.ts builds them). */
export const ProblemSchema = named(
  'Problem',
  z
    .strictObject({
      type: z.string().describe('urn:pipeline-crm:problem:<code in lower case>'),
      title: z.string(),
      status: z.number().int(),
      code: z.string().describe('Stable error code, e.g. LEAD.ALREADY_CONVERTED; clients translate it'),
      detail: z.string(),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .describe('Invalid input: field (or header, or query parameter) → what is wrong with it'),
      details: z.record(z.string(), z.unknown()).optional(),
      requestId: z.string().describe('Quote it to support'),
    })
    .describe('A failure, as application/problem+json'),
);
