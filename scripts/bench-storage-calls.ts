/**
 * Counts what each API operation costs the storage account, as Azure would bill it, with a pipeline
 * policy on the SDK's clients (`additionalPolicies`): every HTTP request is one call; a point read
 * that finds its row reads one entity, a query reads the entities its answer holds; an
 * entity-group transaction is billed one transaction per operation in it (Azure bills each entity
 * of a batch), everything else one per request.
 */
import type { TableServiceClientOptions } from '@azure/data-tables';

type Policy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

export type StorageCalls = {
  /** HTTP requests to the table service. */
  calls: number;
  /** What Azure bills: requests, with each operation of a transaction counted on its own. */
  transactions: number;
  /** Entities the answers carried (point reads and query pages). */
  entitiesRead: number;
  /** Entities written, updated or deleted (transactions' operations and single writes). */
  entitiesWritten: number;
};

export const noCalls = (): StorageCalls => ({
  calls: 0,
  transactions: 0,
  entitiesRead: 0,
  entitiesWritten: 0,
});

export const minus = (a: StorageCalls, b: StorageCalls): StorageCalls => ({
  calls: a.calls - b.calls,
  transactions: a.transactions - b.transactions,
  entitiesRead: a.entitiesRead - b.entitiesRead,
  entitiesWritten: a.entitiesWritten - b.entitiesWritten,
});

/** The operations of a `$batch` body: one `application/http` part each. */
const operationsIn = (body: unknown): number =>
  typeof body === 'string' ? (body.match(/content-type: application\/http/gi) ?? []).length : 1;

/** A policy adding every request it sees to `counter`. */
export function countingPolicy(counter: StorageCalls): Policy {
  return {
    name: 'bench-storage-calls',
    async sendRequest(request, next) {
      const response = await next(request);
      counter.calls += 1;
      const method = request.method.toUpperCase();
      if (request.url.includes('$batch')) {
        const operations = operationsIn(request.body);
        counter.transactions += operations;
        counter.entitiesWritten += operations;
        return response;
      }
      counter.transactions += 1;
      if (method !== 'GET') {
        if (!/\/Tables(\(|$|\?)/.test(request.url)) counter.entitiesWritten += 1;
        return response;
      }
      if (response.status !== 200) return response;
      if (/\(PartitionKey='[^)]*',RowKey='[^)]*'\)/.test(decodeURIComponent(request.url))) {
        counter.entitiesRead += 1;
        return response;
      }
      try {
        const page = JSON.parse(response.bodyAsText ?? '{}') as { value?: unknown[] };
        counter.entitiesRead += page.value?.length ?? 0;
      } catch {
        // not a query answer (table listing and the like)
      }
      return response;
    },
  };
}
