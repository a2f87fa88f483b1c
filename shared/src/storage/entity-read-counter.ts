import type { PipelinePolicy } from '@azure/core-rest-pipeline';

export type EntityReadCounter = {
  /** Add to a client's `additionalPolicies` (position `perCall`: counts what the caller finally got). */
  readonly policy: PipelinePolicy;
  /** Entities storage handed out: each row of a query page, each point read that found its row. */
  reads(): number;
  /** GET requests that answered 200. */
  requests(): number;
};

/**
 * Counts entity reads as Table Storage bills and throttles them: the rows a query page returns (its
 * `value`) and the row of a point read. For measurements (`scripts/relay-drain-reads.ts`) and tests.
 */
export function countEntityReads(): EntityReadCounter {
  let reads = 0;
  let requests = 0;
  return {
    policy: {
      name: 'countEntityReads',
      async sendRequest(request, next) {
        const response = await next(request);
        if (request.method === 'GET' && response.status === 200 && response.bodyAsText) {
          requests++;
          try {
            const body = JSON.parse(response.bodyAsText) as { value?: unknown };
            reads += Array.isArray(body.value) ? body.value.length : 1;
          } catch {
            // Not an entity answer (a table listing's XML, say): nothing to count.
          }
        }
        return response;
      },
    },
    reads: () => reads,
    requests: () => requests,
  };
}
