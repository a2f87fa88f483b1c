import { z } from 'zod';
import type { RouteSpec } from '../routes/route-spec';
import { DevTokenRequestSchema, DevTokenResponseSchema, ProblemSchema } from '../routes/schemas';

type JsonObject = Record<string, unknown>;

/** JSON Schema 2020-12 (what OpenAPI 3.1 speaks) of what a client sends. */
function schemaOf(schema: z.ZodType): JsonObject {
  const { $schema: _, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonObject;
  return json;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (VALIDATION.FAILED with `fields`), malformed JSON',
  401: 'No valid access token',
  403: 'Not allowed for your role',
  404: 'No such workspace or record, or not a member',
  405: 'Method not allowed',
  409: 'Conflicts with the current state',
  412: 'If-Match names an older version',
  413: 'Body too large',
  415: 'Body is not JSON',
  428: 'If-Match is required',
  429: 'Too many requests (see Retry-After)',
  500: 'Unexpected failure (no internals disclosed)',
};

const openApiPath = (path: string): string => `/api/v1${path.replace(/:(\w+)/g, '{$1}')}`;

function operation(route: RouteSpec): JsonObject {
  const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const queryJson = route.query ? schemaOf(route.query) : undefined;
  const queryProps = (queryJson?.properties ?? {}) as Record<string, JsonObject>;
  const queryParams = Object.entries(queryProps).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema,
  }));
  const headerParams = [
    ...(route.ifMatch
      ? [
          {
            name: 'If-Match',
            in: 'header',
            required: route.ifMatch === 'required',
            schema: { type: 'string' },
            description: 'The ETag you read',
          },
        ]
      : []),
    ...(route.idempotent
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', maxLength: 128 },
            description: 'Repeat-safe retries',
          },
        ]
      : []),
  ];
  const errorStatuses = [400, 401, 404, 429, 500, ...(route.body ? [413, 415] : []), ...(route.errors ?? [])];
  const { success } = route;
  return {
    tags: [route.tag],
    summary: route.summary,
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    parameters: [...pathParams, ...queryParams, ...headerParams],
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body) } } } }
      : {}),
    responses: {
      [success.status]: {
        description: success.description,
        ...(success.schema ? { content: { 'application/json': { schema: schemaOf(success.schema) } } } : {}),
      },
      ...Object.fromEntries(
        [...new Set(errorStatuses)]
          .sort((a, b) => a - b)
          .map((s) => [s, problem(ERROR_DESCRIPTIONS[s] ?? 'Error')]),
      ),
    },
    security: [{ bearer: [] }],
  };
}

/** The API described from the same route list (and zod schemas) the server mounts. */
export function openApiDocument(
  routes: readonly RouteSpec[],
  options: { readonly devTokens: boolean },
): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  const publicOp = (summary: string, extra: JsonObject = {}) => ({
    tags: ['service'],
    summary,
    security: [],
    ...extra,
  });
  paths['/healthz'] = {
    get: publicOp('Liveness', { responses: { 200: { description: 'The process answers' } } }),
  };
  paths['/readyz'] = {
    get: publicOp('Readiness', {
      responses: { 200: { description: 'Storage answers' }, 503: problem('Storage unreachable') },
    }),
  };
  paths['/api/openapi.json'] = {
    get: publicOp('This document', { responses: { 200: { description: 'OpenAPI 3.1' } } }),
  };
  if (options.devTokens) {
    paths['/api/dev/token'] = {
      post: publicOp('Local sign-in (AUTH_MODE=dev only): a token checked like a Teams SSO token', {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: schemaOf(DevTokenRequestSchema) } },
        },
        responses: {
          200: {
            description: 'The token',
            content: { 'application/json': { schema: schemaOf(DevTokenResponseSchema) } },
          },
          400: problem(ERROR_DESCRIPTIONS[400] ?? ''),
        },
      }),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pipeline CRM API',
      version: '1',
      description:
        'JSON, camelCase. Writes return ETag; PATCH and DELETE need If-Match (missing → 428, stale → 412). ' +
        'Errors are application/problem+json with a stable `code`.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (Teams SSO or dev token)' },
      },
      schemas: { Problem: schemaOf(ProblemSchema) },
    },
    paths,
  };
}
