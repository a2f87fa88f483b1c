import { z } from 'zod';
import { ok } from '@crm/shared';
import { opportunityHistory } from '@crm/shared/application';
import { named } from '../openapi/component-schemas';
import { route, type RouteSpec } from './route-spec';

const StageChangeSchema = z.strictObject({
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
    operationId: 'getOpportunityHistory',
    summary: "List an opportunity's stage changes",
    description:
      'Every stage change of the deal, oldest first: from (absent on the first), to, by (user id), at, and ' +
      'reopened when a closed deal was moved back to an open stage.',
    success: {
      status: 200,
      description: 'The history',
      schema: z.strictObject({ items: z.array(named('StageChange', StageChangeSchema)) }),
    },
    errors: { 404: 'No such opportunity (OPPORTUNITY.NOT_FOUND) or workspace' },
    handle: async (deps, { params, caller }) => {
      const history = await opportunityHistory(deps, caller, params.ws, params.id);
      return history.ok ? ok({ status: 200, body: { items: history.value } }) : history;
    },
  }),
];
