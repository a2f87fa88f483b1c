import { z } from 'zod';
import {
  ok,
  RECORD_FILTERS,
  sortFields,
  type Id,
  type Page,
  type RecordKind,
  type RecordOf,
  type Result,
  type Version,
  type Versioned,
  type WorkspaceId,
} from '@crm/shared';
import {
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  restoreRecord,
  updateRecord,
  type AnyEntity,
  type AppDeps,
  type Caller,
} from '@crm/shared/application';
import { named } from '../openapi/component-schemas';
import { listParams, type ListParams } from './query';
import { pageOf, representation } from './representation';
import { route, type HttpReply, type RouteSpec } from './route-spec';
import { pageSchema, RECORD_SCHEMAS } from './record-schemas';
import { ListQuerySchema } from './schemas';
import { article, capital } from './wording';

/**
 * What the API adds to an entity's description (its schemas and rules come from shared's
 * descriptor); everything else is the same route set for all six kinds.
 */
export type RecordKindApi<K extends RecordKind> = {
  readonly entity: AnyEntity<K>;
  /** The URL segment: `leads`, `opportunities`. */
  readonly plural: string;
  /** Kinds whose deletion has a guard (an organisation with dependents) bring their own use case. */
  readonly remove?: (
    deps: AppDeps,
    caller: Caller,
    ws: WorkspaceId,
    id: Id,
    expected: Version | undefined,
  ) => Promise<Result<void>>;
  /** Kinds whose lists take more than the common filters (activities: regardingType + regardingId). */
  readonly list?: (
    deps: AppDeps,
    caller: Caller,
    ws: WorkspaceId,
    params: ListParams,
  ) => Promise<Result<Page<Versioned<RecordOf[K]>>>>;
  readonly listQuery?: z.ZodObject;
  /** How one record of the kind reads in an answer (activities: with the name of what they are about). */
  readonly view?: (
    deps: AppDeps,
    ws: WorkspaceId,
    item: Versioned<RecordOf[K]>,
  ) => Promise<Versioned<RecordOf[K]>>;
  /**
   * What a create's answer carries beside the record (a lead: what it may duplicate), read after the
   * commit: `shape` documents it, `add` reads it.
   */
  readonly created?: {
    readonly name: string;
    readonly shape: z.ZodRawShape;
    readonly add: (
      deps: AppDeps,
      ws: WorkspaceId,
      item: Versioned<RecordOf[K]>,
    ) => Promise<Readonly<Record<string, unknown>>>;
  };
  /** What the kind's own rules add to the generic descriptions (what a change can do, what refuses it). */
  readonly notes?: {
    readonly create?: string;
    readonly update?: string;
    readonly remove?: string;
  };
  /** Errors the kind's rules add, by operation and status, each naming its codes. */
  readonly errors?: {
    readonly create?: Readonly<Partial<Record<number, string>>>;
    readonly update?: Readonly<Partial<Record<number, string>>>;
    readonly remove?: Readonly<Partial<Record<number, string>>>;
  };
};

const LIST_ERRORS = {
  400:
    'VALIDATION.FAILED (a bad limit, cursor or filter value, or an unknown query parameter), LIST.UNKNOWN_SORT, ' +
    'LIST.SORT_WITH_SEARCH (sort with q), LIST.TOO_MANY_TO_SORT (narrow the filter)',
};
const NOT_FOUND = (kind: string) =>
  `No such ${kind} in this workspace (${kind.toUpperCase()}.NOT_FOUND; a deleted one too), or no such workspace`;

const itemReply = <K extends RecordKind>(
  kind: K,
  status: number,
  versioned: Versioned<RecordOf[K]>,
  location?: string,
  extra: Readonly<Record<string, unknown>> = {},
): HttpReply => ({
  status,
  body: { ...representation(kind, versioned), ...extra },
  version: versioned.version,
  ...(location ? { location } : {}),
});

export function recordRoutes<K extends RecordKind>(api: RecordKindApi<K>): RouteSpec[] {
  const { entity, plural } = api;
  const { kind } = entity;
  const collection = `/workspaces/:ws/${plural}` as const;
  const item = `${collection}/:id` as const;
  const filters = Object.fromEntries(
    RECORD_FILTERS[kind].map((name) => [
      name,
      z
        .string()
        .optional()
        .describe(`Only the ${plural} whose ${name} is this (an id, or one of the field's values)`),
    ]),
  );
  const sorts = sortFields(kind).flatMap((field) => [field, `-${field}`]);
  const sort = z
    .enum(sorts as [string, ...string[]])
    .optional()
    .describe('Server-side sort, `-` for descending; not with q; at most SORT_CAP (10,000) matching records');
  const tag = plural;
  const Kind = capital(kind);
  const Plural = capital(plural);
  const schema = RECORD_SCHEMAS[kind];
  const etagNote = 'Send its ETag (header, or the `etag` field of a read) as If-Match.';
  const view = (deps: AppDeps, ws: WorkspaceId, item: Versioned<RecordOf[K]>) =>
    api.view ? api.view(deps, ws, item) : Promise.resolve(item);
  return [
    route({
      method: 'get',
      path: collection,
      tag,
      operationId: `list${Plural}`,
      summary: `List or search ${plural}`,
      description:
        `One page of the workspace's ${plural}, newest first unless sort says otherwise. Search with q ` +
        `(names, emails, company), filter by ${RECORD_FILTERS[kind].join(', ')}` +
        `${api.listQuery ? `, ${Object.keys(api.listQuery.shape).join(', ')}` : ''}` +
        `, sort by ${sortFields(kind).join(', ')} (prefix - for descending). Page on with cursor = nextCursor.`,
      query: ListQuerySchema.extend(filters)
        .extend({ sort })
        .extend(api.listQuery?.shape ?? {}),
      success: { status: 200, description: 'One page', schema: pageSchema(schema) },
      errors: LIST_ERRORS,
      handle: async (deps, { params, query, caller }) => {
        const parsed = listParams(query);
        if (!parsed.ok) return parsed;
        const page = api.list
          ? await api.list(deps, caller, params.ws, parsed.value)
          : await listRecords(deps, caller, params.ws, kind, parsed.value);
        return page.ok ? ok({ status: 200, body: pageOf(kind, page.value) }) : page;
      },
    }),
    route({
      method: 'post',
      path: collection,
      tag,
      operationId: `create${Kind}`,
      summary: `Create ${article(kind)}`,
      description:
        `Creates ${article(kind)} in the workspace; the owner defaults to you. ${api.notes?.create ?? ''} ` +
        'Answers the new record with its ETag and Location. Send an Idempotency-Key to make a retry safe.',
      body: entity.createSchema,
      idempotent: true,
      success: {
        status: 201,
        description: `The new ${kind}`,
        schema: api.created ? named(api.created.name, schema.extend(api.created.shape)) : schema,
        headers: ['ETag', 'Location'],
      },
      ...(api.errors?.create ? { errors: api.errors.create } : {}),
      handle: async (deps, { params, body, caller }) => {
        const created = await createRecord(deps, caller, params.ws, entity, body);
        if (!created.ok) return created;
        return ok(
          itemReply(
            kind,
            201,
            await view(deps, params.ws, created.value),
            `/api/v1/workspaces/${params.ws}/${plural}/${created.value.record.id}`,
            api.created ? await api.created.add(deps, params.ws, created.value) : {},
          ),
        );
      },
    }),
    route({
      method: 'get',
      path: item,
      tag,
      operationId: `get${Kind}`,
      summary: `Read ${article(kind)}`,
      description: `Reads one ${kind} by id, with its ETag (what If-Match wants to change or delete it).`,
      success: { status: 200, description: `The ${kind}`, schema, headers: ['ETag'] },
      errors: { 404: NOT_FOUND(kind) },
      handle: async (deps, { params, caller }) => {
        const found = await getRecord(deps, caller, params.ws, kind, params.id);
        return found.ok ? ok(itemReply(kind, 200, await view(deps, params.ws, found.value))) : found;
      },
    }),
    route({
      method: 'patch',
      path: item,
      tag,
      operationId: `update${Kind}`,
      summary: `Change ${article(kind)}`,
      description:
        `Changes the fields sent and keeps the others; null (or a blank string) clears an optional field. ` +
        `${api.notes?.update ?? ''} ${etagNote} Answers the changed ${kind} with its new ETag.`,
      body: entity.patchSchema,
      ifMatch: 'required',
      success: { status: 200, description: `The changed ${kind}`, schema, headers: ['ETag'] },
      errors: { 404: NOT_FOUND(kind), ...api.errors?.update },
      handle: async (deps, { params, body, caller, expected }) => {
        const updated = await updateRecord(deps, caller, params.ws, entity, params.id, expected, body);
        return updated.ok ? ok(itemReply(kind, 200, await view(deps, params.ws, updated.value))) : updated;
      },
    }),
    route({
      method: 'delete',
      path: item,
      tag,
      operationId: `delete${Kind}`,
      summary: `Move ${article(kind)} to the recycle bin`,
      description:
        `Deletes ${article(kind)}: it reads as 404 from then on and waits in the recycle bin for 30 days ` +
        `(restore${Kind}, or purge${Kind} for good). ${api.notes?.remove ?? ''} ${etagNote}`,
      ifMatch: 'required',
      success: { status: 204, description: 'Deleted (restorable from the recycle bin)' },
      errors: { 404: NOT_FOUND(kind), ...api.errors?.remove },
      handle: async (deps, { params, caller, expected }) => {
        const removed = api.remove
          ? await api.remove(deps, caller, params.ws, params.id, expected)
          : await deleteRecord(deps, caller, params.ws, kind, params.id, expected);
        return removed.ok ? ok({ status: 204 }) : removed;
      },
    }),
    route({
      method: 'post',
      path: `${item}/restore`,
      tag: 'recycle bin',
      operationId: `restore${Kind}`,
      summary: `Restore a deleted ${kind}`,
      description: `Brings ${article(kind)} back from the recycle bin as it was deleted, with a new ETag.`,
      success: { status: 200, description: `The restored ${kind}`, schema, headers: ['ETag'] },
      errors: {
        404: `No such ${kind} in the recycle bin (${kind.toUpperCase()}.NOT_FOUND), or no such workspace`,
        409: `RECORD.NOT_DELETED: the ${kind} is not in the recycle bin`,
        412: 'CONCURRENCY.STALE: restored or purged by someone else at the same moment',
      },
      handle: async (deps, { params, caller }) => {
        const restored = await restoreRecord(deps, caller, params.ws, kind, params.id);
        return restored.ok ? ok(itemReply(kind, 200, await view(deps, params.ws, restored.value))) : restored;
      },
    }),
  ];
}
