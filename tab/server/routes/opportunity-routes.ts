import { z } from 'zod';
import { ok } from '@crm/shared';
import { moreBoardCards, openBoard, type BoardCards } from '@crm/shared/application';
import { opportunityHistory } from '@crm/shared/application';
import { named } from '../openapi/component-schemas';
import { limitOf, single } from './query';
import { RECORD_SCHEMAS } from './record-schemas';
import { DealTotalsSchema } from './report-schemas';
import { representation } from './representation';
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

const totalsSchema = z.record(z.string(), DealTotalsSchema);

const cardsSchema = {
  items: z.array(RECORD_SCHEMAS.opportunity).describe('The deals, newest first, each with its ETag'),
  nextCursor: z.string().nullable().describe('Pass as `cursor` to /board/{stage} for more; null on the last'),
  stale: z
    .record(z.string(), z.number().int())
    .describe('Days since the last touch of each listed deal that is stale, by id'),
};

const BoardColumnSchema = named(
  'BoardColumn',
  z.strictObject({
    stage: z.string(),
    label: z.string().optional(),
    count: z.number().int().describe('Every deal in the stage'),
    totals: totalsSchema.describe('Every deal in the stage, per currency (ISO 4217)'),
    ...cardsSchema,
  }),
);

const limitQuery = z.number().int().min(1).max(200).optional().describe('Deals per column (default 20)');
const ownerQuery = z
  .string()
  .optional()
  .describe("Only this member's deals (a user id, or `me` for the caller); absent: everyone's");

const cardsOf = (cards: BoardCards) => ({
  items: cards.items.map((item) => representation('opportunity', item)),
  nextCursor: cards.nextCursor ?? null,
  stale: cards.stale,
});

export const opportunityRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/workspaces/:ws/board',
    tag: 'opportunities',
    operationId: 'getBoard',
    summary: 'Open the pipeline board',
    description:
      'Per stage of the workspace, in its order: the first deals (newest first, `limit` each, default 20), ' +
      'how many deals the stage holds and their totals per currency (from maintained figures), and which ' +
      'listed deals are stale; `pipeline`: the open stages together, per currency. With `owner`, only ' +
      "that member's deals, counts and totals. More of a column: /board/{stage} with its `nextCursor`.",
    query: z.object({ limit: limitQuery, owner: ownerQuery }),
    success: {
      status: 200,
      description: 'The board',
      schema: z.strictObject({
        staleAfterDays: z.number().int(),
        owner: z.string().optional().describe('The member whose deals are shown; absent: everyone'),
        pipeline: z
          .strictObject({
            count: z.number().int(),
            totals: totalsSchema.describe('Per currency (ISO 4217), never added across currencies'),
          })
          .describe('Every deal in an open stage'),
        columns: z.array(BoardColumnSchema),
      }),
    },
    errors: { 400: 'VALIDATION.FAILED: limit out of range, or limit or owner given twice' },
    handle: async (deps, { params, query, caller }) => {
      const limit = limitOf(query);
      if (!limit.ok) return limit;
      const owner = single(query, 'owner');
      if (!owner.ok) return owner;
      const board = await openBoard(deps, caller, params.ws, {
        ...(limit.value !== undefined ? { limit: limit.value } : {}),
        ...(owner.value ? { owner: owner.value } : {}),
      });
      if (!board.ok) return board;
      const { columns, ...rest } = board.value;
      const body = {
        ...rest,
        columns: columns.map(({ items, nextCursor, stale, ...column }) => ({
          ...column,
          ...cardsOf({ items, stale, ...(nextCursor ? { nextCursor } : {}) }),
        })),
      };
      return ok({ status: 200, body });
    },
  }),
  route({
    method: 'get',
    path: '/workspaces/:ws/board/:stage',
    tag: 'opportunities',
    operationId: 'getBoardColumn',
    summary: 'List more deals of a board column',
    description:
      'The deals of one stage after `cursor` (a column’s `nextCursor`), newest first; of one member with `owner`.',
    query: z.object({ limit: limitQuery, cursor: z.string().optional(), owner: ownerQuery }),
    success: { status: 200, description: 'A page of the column', schema: z.strictObject(cardsSchema) },
    errors: {
      400: 'VALIDATION.FAILED: limit out of range or a parameter given twice; OPPORTUNITY.UNKNOWN_STAGE',
    },
    handle: async (deps, { params, query, caller }) => {
      const limit = limitOf(query);
      if (!limit.ok) return limit;
      const cursor = single(query, 'cursor');
      if (!cursor.ok) return cursor;
      const owner = single(query, 'owner');
      if (!owner.ok) return owner;
      const page = await moreBoardCards(deps, caller, params.ws, params.stage, {
        ...(limit.value !== undefined ? { limit: limit.value } : {}),
        ...(cursor.value ? { cursor: cursor.value } : {}),
        ...(owner.value ? { owner: owner.value } : {}),
      });
      return page.ok ? ok({ status: 200, body: cardsOf(page.value) }) : page;
    },
  }),
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
