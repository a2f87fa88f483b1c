import { z } from 'zod';
import { jsonSchemaOf } from './component-schemas';
import { successesOf, type HeaderName, type OperationDoc } from './operation-doc';
import { ProblemSchema } from './problem-schema';
import { RESPONSE_HEADERS, SHARED_RESPONSES, type SharedResponse } from './shared-responses';

type JsonObject = Record<string, unknown>;

const STATUS_RESPONSE: Readonly<Record<number, SharedResponse>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Gone',
  412: 'PreconditionFailed',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  428: 'PreconditionRequired',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
};

/**
 * The errors an operation has because of what it is, not what it does: every /api/v1 call can be
 * refused a token (401), rate limited (429), fail on our side (500) or find storage busy (503
 * STORAGE.BUSY with Retry-After); a path with an id can name
 * nothing (404); a body can be malformed (400), too large (413) or not the media type (415); an
 * Idempotency-Key can be malformed (400) or reused with another body (409); If-Match can be stale
 * (412) or missing (428).
 */
export function sharedErrors(doc: OperationDoc): readonly number[] {
  const api = (doc.scope ?? 'api') === 'api';
  return [
    ...(api ? [401, 429, 500, 503] : []),
    ...(/:\w+/.test(doc.path) ? [404] : []),
    ...(doc.body || doc.query || doc.idempotent ? [400] : []),
    ...(doc.body ? [413, 415] : []),
    ...(doc.idempotent ? [409] : []),
    ...(doc.ifMatch ? [412] : []),
    ...(doc.ifMatch === 'required' ? [428] : []),
  ];
}

/** The path as the document writes it: `/workspaces/:ws` → `/api/v1/workspaces/{ws}`. */
export const documentPath = (doc: Pick<OperationDoc, 'path' | 'scope'>): string =>
  `${(doc.scope ?? 'api') === 'api' ? '/api/v1' : ''}${doc.path.replace(/:(\w+)/g, '{$1}')}`;

const PATH_PARAMETERS: Readonly<Record<string, string>> = {
  ws: 'Workspace',
  id: 'RecordId',
  userId: 'UserId',
  conversationId: 'ConversationId',
  stage: 'StageId',
  eventId: 'EventId',
};

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

const headersOf = (names: readonly HeaderName[] | undefined) =>
  names?.length ? { headers: Object.fromEntries(names.map((h) => [h, ref('headers', h)])) } : {};

function operation(doc: OperationDoc, schemas: Record<string, JsonObject>): JsonObject {
  const api = (doc.scope ?? 'api') === 'api';
  const pathParams = [...doc.path.matchAll(/:(\w+)/g)].map((m) => {
    const name = PATH_PARAMETERS[m[1] ?? ''];
    if (!name) throw new Error(`No parameter component for :${m[1]} (${doc.operationId})`);
    return ref('parameters', name);
  });
  const query = doc.query ? jsonSchemaOf(doc.query, 'input', schemas) : undefined;
  const queryProps = (query?.properties ?? {}) as Record<string, JsonObject>;
  const queryParams = Object.entries(queryProps).map(([name, { description, ...schema }]) => ({
    name,
    in: 'query',
    required: false,
    ...(description ? { description } : {}),
    schema,
  }));
  const headerParams = [
    ...(doc.ifMatch ? [ref('parameters', doc.ifMatch === 'required' ? 'IfMatch' : 'IfMatchOptional')] : []),
    ...(doc.idempotent ? [ref('parameters', 'IdempotencyKey')] : []),
  ];
  const responses: Record<string, JsonObject> = {};
  for (const success of successesOf(doc)) {
    const contentType = success.contentType ?? 'application/json';
    responses[success.status] = {
      description: success.description,
      ...headersOf(success.headers),
      ...(success.schema
        ? { content: { [contentType]: { schema: jsonSchemaOf(success.schema, 'output', schemas) } } }
        : {}),
    };
  }
  const errors = new Set([...sharedErrors(doc), ...Object.keys(doc.errors ?? {}).map(Number)]);
  for (const status of [...errors].sort((a, b) => a - b)) {
    // A public endpoint's 503 is the readiness probe's; an API operation's is busy storage.
    const component = status === 503 && api ? 'StorageBusy' : STATUS_RESPONSE[status];
    if (!component) throw new Error(`No shared response for ${status} (${doc.operationId})`);
    const description = doc.errors?.[status];
    responses[status] = { ...ref('responses', component), ...(description ? { description } : {}) };
  }
  return {
    tags: [doc.tag],
    operationId: doc.operationId,
    summary: doc.summary,
    description: doc.description,
    ...(pathParams.length + queryParams.length + headerParams.length
      ? { parameters: [...pathParams, ...queryParams, ...headerParams] }
      : {}),
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            content: {
              [doc.bodyType ?? 'application/json']: { schema: jsonSchemaOf(doc.body, 'input', schemas) },
            },
          },
        }
      : {}),
    responses,
    security: api ? [{ bearer: [] }] : [],
  };
}

const PARAMETERS = {
  Workspace: {
    name: 'ws',
    in: 'path',
    required: true,
    description: "The workspace's id, as listWorkspaces gives it",
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
  },
  RecordId: {
    name: 'id',
    in: 'path',
    required: true,
    description: "The record's (or import job's) id",
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
  },
  UserId: {
    name: 'userId',
    in: 'path',
    required: true,
    description: "The member's user id (their Entra object id)",
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:@-]{1,128}$' },
  },
  ConversationId: {
    name: 'conversationId',
    in: 'path',
    required: true,
    description: "The Teams channel's conversation id (`19:…@thread.tacv2`), as listChannels gives it",
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:@;=-]{1,256}$' },
  },
  StageId: {
    name: 'stage',
    in: 'path',
    required: true,
    description: "One of the workspace's stage ids (kebab-case)",
    schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
  },
  EventId: {
    name: 'eventId',
    in: 'path',
    required: true,
    description: "The notification's event id, as listUndeliveredNotifications gives it",
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: true,
    description: 'The ETag you read (header or `etag` field); another one is a 412, none a 428',
    schema: { type: 'string' },
  },
  IfMatchOptional: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: 'The ETag you read: when sent, a record changed since is a 412',
    schema: { type: 'string' },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Makes a retry safe: the same key answers the first result again; the same key with another body is a 409 (IDEMPOTENCY.KEY_REUSED)',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._~:+=-]{1,128}$' },
  },
};

/**
 * The API described from the operations the server mounts: the RouteSpec table, the extensions' and
 * the service endpoints' own docs. Every response names its status, media type and schema.
 */
export function openApiDocument(operations: readonly OperationDoc[]): JsonObject {
  const schemas: Record<string, JsonObject> = {};
  // Named, so this declares components.schemas.Problem, which the shared responses refer to.
  jsonSchemaOf(ProblemSchema, 'output', schemas);
  const paths: Record<string, Record<string, JsonObject>> = {};
  const ids = new Set<string>();
  for (const doc of operations) {
    if (ids.has(doc.operationId)) throw new Error(`Two operations are called ${doc.operationId}`);
    ids.add(doc.operationId);
    const path = documentPath(doc);
    if (paths[path]?.[doc.method]) throw new Error(`${doc.method} ${path} is described twice`);
    paths[path] = { ...paths[path], [doc.method]: operation(doc, schemas) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pipeline CRM API',
      version: '1',
      description:
        "A sales team's CRM in Microsoft Teams: leads (qualify, convert, disqualify), organisations, contacts, " +
        'opportunities through their stages, campaigns, activities, reports, CSV import and export. ' +
        'Everything lives in a workspace (one team): list yours with listWorkspaces first. JSON, camelCase. ' +
        'Reads return an ETag; PATCH and DELETE need it back in If-Match (missing → 428, stale → 412). ' +
        'Errors are application/problem+json with a stable `code`. A path this document does not name ' +
        'answers 404 (RouteNotFound); a named path with another method answers 405 with Allow (MethodNotAllowed).',
    },
    tags: TAGS,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Teams SSO token for the tab (or, in local development, one from issueDevToken)',
        },
      },
      schemas,
      parameters: PARAMETERS,
      headers: RESPONSE_HEADERS,
      responses: SHARED_RESPONSES,
    },
    paths,
  };
}

const TAGS = [
  { name: 'workspaces', description: "Workspaces (one team's CRM) you belong to" },
  { name: 'members', description: "A workspace's members and their roles" },
  { name: 'leads', description: 'Leads: capture, qualify, convert, disqualify, import, export' },
  { name: 'organisations', description: 'Organisations (accounts)' },
  { name: 'contacts', description: 'Contacts at organisations' },
  { name: 'opportunities', description: 'Opportunities (deals) and their stage history' },
  { name: 'campaigns', description: 'Marketing campaigns' },
  { name: 'activities', description: 'Calls, emails, meetings, notes and tasks' },
  { name: 'recycle bin', description: 'Deleted records: restore or purge' },
  { name: 'reports', description: 'Pipeline, forecast, conversion, campaign and deal reports' },
  { name: 'service', description: 'Health, this document and local sign-in' },
];

/** `GET /api/openapi.json` itself. */
export const OPENAPI_OPERATION: OperationDoc = {
  method: 'get',
  path: '/api/openapi.json',
  scope: 'public',
  tag: 'service',
  operationId: 'getOpenApiDocument',
  summary: 'Read this API description',
  description: 'This OpenAPI 3.1 document, generated from the routes the server mounts. No token.',
  success: {
    status: 200,
    description: 'OpenAPI 3.1',
    schema: z.looseObject({
      openapi: z.literal('3.1.0'),
      info: z.looseObject({ title: z.string(), version: z.string() }),
      paths: z.record(z.string(), z.looseObject({})),
    }),
  },
};
