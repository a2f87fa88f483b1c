import { z } from 'zod';
import { ok } from '@crm/shared';
import { opportunityHistory } from '@crm/shared/application';
import { route, type RouteSpec } from './route-spec';

const StageChangeSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  from: z.string().optional(),
  to: z.string(),
  by: z.string(),
  at: z.string(),
  reopened: z.boolean().optional(),
});

export const opportunityRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/workspaces/:ws/opportunities/:id/history',
    tag: 'opportunities',
    summary: "An opportunity's stage changes (from, to, who, when)",
    success: {
      status: 200,
      description: 'The history',
      schema: z.object({ items: z.array(StageChangeSchema) }),
    },
    handle: async (deps, { params, caller }) => {
      const history = await opportunityHistory(deps, caller, params.ws, params.id);
      return history.ok ? ok({ status: 200, body: { items: history.value } }) : history;
    },
  }),
];
