import type { Actor } from '@crm/shared';
import type { AppDeps } from '@crm/shared/application';
import { toEtag } from '../../server/http/etag';
import { domainProblem, transportProblem, type Problem } from '../../server/http/problem';
import { apiRoutes } from '../../server/routes/api-routes';
import { runRoute } from '../../server/routes/mount-routes';
import type { ApiFetch, ApiResponse } from '../api/api-client';

const API = '/api/v1';

/** An answer as the client reads it; the body goes through JSON, as over the wire. */
function answer(status: number, body: unknown, headers: Record<string, string>): ApiResponse {
  const text = body === undefined ? '' : JSON.stringify(body);
  const named = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name) => named.get(name.toLowerCase()) ?? null },
    json: async () => JSON.parse(text),
    blob: async () => new Blob([text]),
  };
}

const problemAnswer = (problem: Problem, headers: Record<string, string> = {}) =>
  answer(problem.status, problem, { 'content-type': 'application/problem+json', ...headers });

/** A route path's `:params` read from a request path, or undefined when it is another path. */
function paramsOf(pattern: string, path: string): Record<string, string> | undefined {
  const wanted = pattern.split('/');
  const given = path.split('/');
  if (wanted.length !== given.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of wanted.entries()) {
    const segment = given[i] ?? '';
    if (!part.startsWith(':')) {
      if (part !== segment) return undefined;
    } else if (segment === '') return undefined;
    else params[part.slice(1)] = decodeURIComponent(segment);
  }
  return params;
}

/** The query as Express reads it: a name sent twice becomes a list (which the routes refuse). */
function queryOf(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/**
 * The tab server's `/api/v1` routes in this process, for the tab's specs: the same route table,
 * path checks, If-Match and Idempotency-Key handling, handlers, use cases and problem map as the
 * server, over whatever storage `deps` holds, without Express, sockets or tokens (every request is
 * `actor`'s). The CSV routes (an Express extension spooling to disk) are not here.
 */
export function inProcessFetch(deps: AppDeps, actor: Actor): ApiFetch {
  const routes = apiRoutes();
  let requests = 0;
  return async (url, init) => {
    const requestId = `in-process-${++requests}`;
    const { pathname, searchParams } = new URL(url, 'http://tab.test');
    const path = pathname.startsWith(API) ? pathname.slice(API.length) : undefined;
    const matching = routes.flatMap((route) => {
      const params = path === undefined ? undefined : paramsOf(route.path, path);
      return params ? [{ route, params }] : [];
    });
    if (matching.length === 0)
      return problemAnswer(
        transportProblem('ROUTE.NOT_FOUND', 'There is nothing at this address.', requestId),
      );
    const method = (init.method ?? 'GET').toLowerCase();
    const found = matching.find((m) => m.route.method === method);
    if (!found) {
      const allowed = matching.map((m) => m.route.method.toUpperCase()).join(', ');
      return problemAnswer(transportProblem('ROUTE.METHOD_NOT_ALLOWED', `Use ${allowed} here.`, requestId), {
        allow: allowed,
      });
    }
    const headers = new Map(
      Object.entries(init.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
    );
    const idempotencyKey = headers.get('idempotency-key');
    try {
      const result = await runRoute(found.route, deps, {
        params: found.params,
        query: queryOf(searchParams),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        caller: idempotencyKey === undefined ? { actor } : { actor, idempotencyKey },
        ifMatch: headers.get('if-match'),
      });
      if (!result.ok) return problemAnswer(domainProblem(result.error, requestId));
      const reply = result.value;
      return answer(reply.status, reply.body, {
        'content-type': 'application/json',
        ...(reply.version ? { etag: toEtag(reply.version) } : {}),
        ...(reply.location ? { location: reply.location } : {}),
      });
    } catch (error) {
      // The server's last resort answers 500; here the spec also sees why.
      console.error(error);
      return problemAnswer(transportProblem('SERVER.INTERNAL', 'Something went wrong.', requestId));
    }
  };
}
