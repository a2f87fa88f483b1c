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
import { listParams, type ListParams } from './query';
import { pageOf, representation } from './representation';
import { route, type HttpReply, type RouteSpec } from './route-spec';
import { ListQuerySchema, RecordSchema } from './schemas';

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
  readonly patchSummary?: string;
};

const itemReply = (status: number, versioned: Versioned<object>, location?: string): HttpReply => ({
  status,
  body: representation(versioned),
  version: versioned.version,
  ...(location ? { location } : {}),
});

export function recordRoutes<K extends RecordKind>(api: RecordKindApi<K>): RouteSpec[] {
  const { entity, plural } = api;
  const { kind } = entity;
  const collection = `/workspaces/:ws/${plural}` as const;
  const item = `${collection}/:id` as const;
  const filters = Object.fromEntries(RECORD_FILTERS[kind].map((name) => [name, z.string().optional()]));
  const sorts = sortFields(kind).flatMap((field) => [field, `-${field}`]);
  const sort = z
    .enum(sorts as [string, ...string[]])
    .optional()
    .describe('Server-side sort, `-` for descending; not with q; at most SORT_CAP (10,000) matching records');
  const tag = plural;
  return [
    route({
      method: 'get',
      path: collection,
      tag,
      summary: `List ${plural} (search with q, filter by ${RECORD_FILTERS[kind].join(', ')}, sort by ${sortFields(kind).join(', ')})`,
      query: ListQuerySchema.extend(filters)
        .extend({ sort })
        .extend(api.listQuery?.shape ?? {}),
      success: {
        status: 200,
        description: 'One page',
        schema: z.object({ items: z.array(RecordSchema), nextCursor: z.string().nullable() }),
      },
      handle: async (deps, { params, query, caller }) => {
        const parsed = listParams(query);
        if (!parsed.ok) return parsed;
        const page = api.list
          ? await api.list(deps, caller, params.ws, parsed.value)
          : await listRecords(deps, caller, params.ws, kind, parsed.value);
        return page.ok ? ok({ status: 200, body: pageOf(page.value) }) : page;
      },
    }),
    route({
      method: 'post',
      path: collection,
      tag,
      summary: `Create a ${kind}`,
      body: entity.createSchema,
      idempotent: true,
      success: { status: 201, description: `The new ${kind}, with ETag and Location`, schema: RecordSchema },
      errors: [409],
      handle: async (deps, { params, body, caller }) => {
        const created = await createRecord(deps, caller, params.ws, entity, body);
        if (!created.ok) return created;
        return ok(
          itemReply(
            201,
            created.value,
            `/api/v1/workspaces/${params.ws}/${plural}/${created.value.record.id}`,
          ),
        );
      },
    }),
    route({
      method: 'get',
      path: item,
      tag,
      summary: `Read a ${kind} (ETag = its version)`,
      success: { status: 200, description: `The ${kind}`, schema: RecordSchema },
      handle: async (deps, { params, caller }) => {
        const found = await getRecord(deps, caller, params.ws, kind, params.id);
        return found.ok ? ok(itemReply(200, found.value)) : found;
      },
    }),
    route({
      method: 'patch',
      path: item,
      tag,
      summary: api.patchSummary ?? `Change a ${kind}`,
      body: entity.patchSchema,
      ifMatch: 'required',
      success: { status: 200, description: `The changed ${kind}, with its new ETag`, schema: RecordSchema },
      errors: [409, 412, 428],
      handle: async (deps, { params, body, caller, expected }) => {
        const updated = await updateRecord(deps, caller, params.ws, entity, params.id, expected, body);
        return updated.ok ? ok(itemReply(200, updated.value)) : updated;
      },
    }),
    route({
      method: 'delete',
      path: item,
      tag,
      summary: `Move a ${kind} to the recycle bin`,
      ifMatch: 'required',
      success: { status: 204, description: 'Deleted (restorable from the recycle bin)' },
      errors: [409, 412, 428],
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
      summary: `Restore a deleted ${kind}`,
      success: { status: 200, description: `The restored ${kind}`, schema: RecordSchema },
      errors: [409],
      handle: async (deps, { params, caller }) => {
        const restored = await restoreRecord(deps, caller, params.ws, kind, params.id);
        return restored.ok ? ok(itemReply(200, restored.value)) : restored;
      },
    }),
  ];
}
