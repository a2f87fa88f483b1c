import { z } from 'zod';
import { ok } from '@crm/shared';
import { listRecycleBin, purgeRecord, type RecordKind } from '@crm/shared/application';
import { limitOf, single } from './query';
import { route, type RouteSpec } from './route-spec';
import { PageQuerySchema, RecordSchema } from './schemas';

const DeletedSchema = z.object({
  kind: z.string(),
  record: RecordSchema,
  deletedAt: z.string(),
  deletedBy: z.string(),
});

const PLURALS: Record<RecordKind, string> = {
  lead: 'leads',
  organisation: 'organisations',
  contact: 'contacts',
  opportunity: 'opportunities',
  campaign: 'campaigns',
  activity: 'activities',
};

/** `DELETE .../recycle-bin/{kind}/{id}`: purge one record for good (owners only). */
const purgeRoutes: RouteSpec[] = (Object.entries(PLURALS) as [RecordKind, string][]).map(([kind, plural]) =>
  route({
    method: 'delete',
    path: `/workspaces/:ws/recycle-bin/${plural}/:id`,
    tag: 'recycle bin',
    summary: `Purge a deleted ${kind} for good (workspace owners only)`,
    success: { status: 204, description: 'Purged' },
    errors: [403, 404, 409],
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
    summary: 'Deleted records waiting to be restored (POST .../{kind}/{id}/restore) or purged',
    query: PageQuerySchema,
    success: {
      status: 200,
      description: 'One page',
      schema: z.object({ items: z.array(DeletedSchema), nextCursor: z.string().nullable() }),
    },
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
