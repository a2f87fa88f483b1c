import { z } from 'zod';
import { ok, RECORD_VIEW, type RecordKind } from '@crm/shared';
import { listRecycleBin, purgeRecord } from '@crm/shared/application';
import { limitOf, single } from './query';
import { route, type RouteSpec } from './route-spec';
import { named } from '../openapi/component-schemas';
import { pageSchema, RECORD_FIELD_SCHEMAS } from './record-schemas';
import { PageQuerySchema } from './schemas';
import { article, capital } from './wording';

/**
 * One deleted record: its kind says which shape `record` has. It carries no `etag`: nothing in the
 * recycle bin takes If-Match (restore and purge need none), and restore answers the record with one.
 */
const DeletedSchema = named(
  'RecycleBinItem',
  z.discriminatedUnion(
    'kind',
    (Object.keys(RECORD_FIELD_SCHEMAS) as RecordKind[]).map((kind) =>
      z.strictObject({
        kind: z.literal(kind),
        record: RECORD_FIELD_SCHEMAS[kind],
        deletedAt: z.string().describe('ISO 8601 instant'),
        deletedBy: z.string().describe('Who deleted it (user id)'),
      }),
    ) as unknown as [z.ZodObject, ...z.ZodObject[]],
  ),
);

/** A kind's plural in the API's paths: the tab's view of that kind. */
const PLURALS: Record<RecordKind, string> = RECORD_VIEW;

/** `DELETE .../recycle-bin/{kind}/{id}`: purge one record for good (owners only). */
const purgeRoutes: RouteSpec[] = (Object.entries(PLURALS) as [RecordKind, string][]).map(([kind, plural]) =>
  route({
    method: 'delete',
    path: `/workspaces/:ws/recycle-bin/${plural}/:id`,
    tag: 'recycle bin',
    operationId: `purge${capital(kind)}`,
    summary: `Purge a deleted ${kind} for good`,
    description:
      `Removes ${article(kind)} from the recycle bin for good: nothing brings it back. ` +
      'Workspace owners only. Records are also purged 30 days after deletion.',
    success: { status: 204, description: 'Purged' },
    errors: {
      403: 'WORKSPACE.OWNER_REQUIRED: only owners purge',
      404: `No such ${kind} in the recycle bin (${kind.toUpperCase()}.NOT_FOUND), or no such workspace`,
      409: `RECORD.NOT_DELETED: the ${kind} is live, not in the recycle bin`,
    },
    handle: async (deps, { params, caller }) => {
      const purged = await purgeRecord(deps, caller, params.ws, kind, params.id);
      return purged.ok ? ok({ status: 204 }) : purged;
    },
  }),
);

export const recycleBinRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/workspaces/:ws/recycle-bin',
    tag: 'recycle bin',
    operationId: 'listRecycleBin',
    summary: 'List deleted records',
    description:
      'The records deleted in the last 30 days, of every kind, with who deleted them and when; restore one with ' +
      'restore<Kind> (restoreLead...) or purge it with purge<Kind> (owners).',
    query: PageQuerySchema,
    success: { status: 200, description: 'One page', schema: pageSchema(DeletedSchema) },
    errors: { 400: 'VALIDATION.FAILED: a bad limit or cursor' },
    handle: async (deps, { params, query, caller }) => {
      const limit = limitOf(query);
      if (!limit.ok) return limit;
      const cursor = single(query, 'cursor');
      if (!cursor.ok) return cursor;
      const page = await listRecycleBin(deps, caller, params.ws, {
        ...(limit.value !== undefined ? { limit: limit.value } : {}),
        ...(cursor.value ? { cursor: cursor.value } : {}),
      });
      if (!page.ok) return page;
      return ok({
        status: 200,
        body: {
          items: page.value.items.map(({ kind, record, deletedAt, deletedBy }) => ({
            kind,
            record,
            deletedAt,
            deletedBy,
          })),
          nextCursor: page.value.nextCursor ?? null,
        },
      });
    },
  }),
  ...purgeRoutes,
];
