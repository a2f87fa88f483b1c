import { z } from 'zod';
import { COMMIT_CAPACITY, ok } from '@crm/shared';
import { mergeRecords, MERGEABLE, type Mergeable } from '@crm/shared/application';
import { versionFromIfMatch } from '../http/etag';
import { named } from '../openapi/component-schemas';
import { RECORD_SCHEMAS } from './record-schemas';
import { representation } from './representation';
import { route, type RouteSpec } from './route-spec';
import { capital } from './wording';

const PLURALS: { readonly [K in Mergeable]: string } = {
  organisation: 'organisations',
  contact: 'contacts',
};

const MergeSide = z.strictObject({
  id: z.string(),
  etag: z.string().optional().describe('The ETag you read (its If-Match); without one nothing is merged'),
});

const MergeBodySchema = named(
  'MergeRequest',
  z.strictObject({
    survivor: MergeSide.describe('The record that stays'),
    loser: MergeSide.describe('The record merged into the survivor, then moved to the recycle bin'),
  }),
);

const MovedSchema = named(
  'MergeMoved',
  z.strictObject({
    contacts: z.number().int().describe("The loser's contacts (organisations)"),
    opportunities: z
      .number()
      .int()
      .describe('Deals of the organisation, or naming the contact as primary contact'),
    activities: z.number().int(),
    leads: z.number().int().describe('Converted leads that named the loser'),
  }),
);

/** Merging two organisations or two contacts: one commit, both named with their ETags. */
export const mergeRoutes: RouteSpec[] = MERGEABLE.map((kind) => {
  const plural = PLURALS[kind];
  return route({
    method: 'post',
    path: `/workspaces/:ws/${plural}/merge`,
    tag: plural,
    operationId: `merge${capital(plural)}`,
    summary: `Merge two ${plural}`,
    description:
      `Merges the loser into the survivor, both named with the ETag you read. The survivor keeps its values and ` +
      "fills only its empty fields from the loser's (as lead conversion does); " +
      (kind === 'organisation'
        ? "a prospect takes the loser's status when it is a customer, partner... The loser's contacts, deals, "
        : 'a decision maker in either stays one. Deals naming the loser as primary contact, its ') +
      'activities and the converted leads that name it now point at the survivor, and the loser goes to the recycle ' +
      `bin: all in ONE transaction, so a change to any of them meanwhile fails the whole merge (412, nothing ` +
      `written). A merge that would need more than ${COMMIT_CAPACITY} rows is refused (MERGE.TOO_LARGE), never split.`,
    body: MergeBodySchema,
    success: {
      status: 200,
      description: 'The survivor as merged (with its new ETag), and how many records now point at it',
      schema: z.strictObject({ survivor: RECORD_SCHEMAS[kind], moved: MovedSchema }),
    },
    errors: {
      400: 'VALIDATION.FAILED (the body); MERGE.SAME_RECORD (survivor and loser are one record)',
      404: `${kind.toUpperCase()}.NOT_FOUND: the survivor or the loser (deleted ones too), or no such workspace`,
      409:
        (kind === 'contact'
          ? 'MERGE.DIFFERENT_ORGANISATIONS: the contacts work at two organisations (merge those first); '
          : '') +
        `MERGE.TOO_LARGE: more than ${COMMIT_CAPACITY} rows to move in one transaction (details.rows)`,
      412: 'CONCURRENCY.STALE: the survivor, the loser or a record to move changed since read',
      428: 'CONCURRENCY.VERSION_REQUIRED: an etag is missing',
    },
    handle: async (deps, { params, body, caller }) => {
      const parsed = MergeBodySchema.safeParse(body);
      const versioned = (s: z.infer<typeof MergeSide>) => ({
        id: s.id,
        ...(s.etag !== undefined ? { version: versionFromIfMatch(s.etag) } : {}),
      });
      // The use case names what is wrong with a bad body; only a good one is mapped from ETags.
      const input = parsed.success
        ? { survivor: versioned(parsed.data.survivor), loser: versioned(parsed.data.loser) }
        : body;
      const merged = await mergeRecords(deps, caller, params.ws, kind, input);
      if (!merged.ok) return merged;
      return ok({
        status: 200,
        body: { survivor: representation(kind, merged.value.survivor), moved: merged.value.moved },
      });
    },
  });
});
