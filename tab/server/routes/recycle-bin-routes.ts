import { z } from 'zod';
import { ok } from '@crm/shared';
import { listRecycleBin } from '@crm/shared/application';
import { limitOf, single } from './query';
import type { RouteSpec } from './route-spec';
import { PageQuerySchema, RecordSchema } from './schemas';

const DeletedSchema = z.object({
  kind: z.string(),
  record: RecordSchema,
  deletedAt: z.string(),
  deletedBy: z.string(),
});

export const recycleBinRoutes: RouteSpec[] = [
  {
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
      const page = await listRecycleBin(deps, caller, params.ws!, {
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
  },
];
