import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { annotate, inSpan } from '../telemetry/telemetry';

/**
 * One span per storage call (outside the retry policy: its retries are inside it), a child of the
 * request's or relay's span: `storage <METHOD> <table>`, with the workspace when the call names a
 * partition, and the final status.
 */
export function storageTracingPolicy(): PipelinePolicy {
  return {
    name: 'crmStorageTracing',
    sendRequest: (request, next) => {
      const url = new URL(request.url);
      // `/<table>(…)` in Azure, `/<account>/<table>(…)` on Azurite; `$batch` is a transaction.
      const last = decodeURIComponent(url.pathname.split('/').pop() ?? '').replace(/\(.*$/, '');
      const table = last === '$batch' ? 'transaction' : last || 'storage';
      const partition = /PartitionKey='([^']+)'/.exec(decodeURIComponent(url.pathname + url.search))?.[1];
      return inSpan(
        `storage ${request.method} ${table}`,
        {
          'http.request.method': request.method,
          'crm.storage.table': table,
          ...(partition ? { 'crm.workspace.id': partition } : {}),
        },
        async () => {
          try {
            const response = await next(request);
            annotate({ 'http.response.status_code': response.status });
            return response;
          } catch (error) {
            // A policy inside may throw for an answer (a 404 read, a 409 transaction): still its status.
            const status = (error as { statusCode?: unknown; response?: { status?: unknown } }) ?? {};
            const code = status.statusCode ?? status.response?.status;
            if (typeof code === 'number') annotate({ 'http.response.status_code': code });
            throw error;
          }
        },
      );
    },
  };
}
