import { z } from 'zod';
import { ok } from '@crm/shared';
import { REASSIGN_MAX, reassignRecords, type Reassignable } from '@crm/shared/application';
import { toEtag, versionFromIfMatch } from '../http/etag';
import { named } from '../openapi/component-schemas';
import { route, type RouteSpec } from './route-spec';
import { capital } from './wording';

const PLURALS: { readonly [K in Reassignable]: string } = {
  lead: 'leads',
  organisation: 'organisations',
  contact: 'contacts',
  opportunity: 'opportunities',
};

const ReassignBodySchema = named(
  'ReassignRequest',
  z.strictObject({
    ownerId: z.string().describe('The new owner: a member of the workspace'),
    items: z
      .array(
        z.strictObject({
          id: z.string(),
          etag: z
            .string()
            .optional()
            .describe('The ETag you read (If-Match for this record); without one it fails alone'),
        }),
      )
      .min(1)
      .max(REASSIGN_MAX),
  }),
);

const ReassignResultSchema = named(
  'ReassignResult',
  z.strictObject({
    ownerId: z.string(),
    results: z.array(
      z.discriminatedUnion('ok', [
        z.strictObject({ id: z.string(), ok: z.literal(true), etag: z.string().describe('Its new ETag') }),
        z.strictObject({
          id: z.string(),
          ok: z.literal(false),
          code: z
            .string()
            .describe(
              'Why it was left as it was: CONCURRENCY.STALE, CONCURRENCY.VERSION_REQUIRED, <KIND>.NOT_FOUND, LEAD.READ_ONLY...',
            ),
          detail: z.string(),
        }),
      ]),
    ),
  }),
);

/** Bulk reassign of leads, organisations, contacts and deals: one commit per record, each with its ETag. */
export const reassignRoutes: RouteSpec[] = (Object.keys(PLURALS) as Reassignable[]).map((kind) => {
  const plural = PLURALS[kind];
  return route({
    method: 'post',
    path: `/workspaces/:ws/${plural}/reassign`,
    tag: plural,
    operationId: `reassign${capital(plural)}`,
    summary: `Give ${plural} to another owner`,
    description:
      `Makes ownerId (a member) the owner of up to ${REASSIGN_MAX} ${plural}, each named with the ETag you read. Each ` +
      'record is changed on its own, as updating its owner would (a deal tells its new owner in their personal chat); ' +
      'one that fails (changed since you read it, no ETag, gone, a converted lead) is listed with its code and the ' +
      'others still change. A new owner who is not a member changes nothing (OWNER.NOT_A_MEMBER).',
    body: ReassignBodySchema,
    success: {
      status: 200,
      description: 'What happened to each record, in the order asked',
      schema: ReassignResultSchema,
    },
    errors: {
      400: 'VALIDATION.FAILED (no items, more than 100, a record named twice); OWNER.NOT_A_MEMBER',
    },
    handle: async (deps, { params, body, caller }) => {
      const parsed = ReassignBodySchema.safeParse(body);
      // The use case names what is wrong; only well-formed items are mapped from ETags to versions.
      const input = parsed.success
        ? {
            ownerId: parsed.data.ownerId,
            items: parsed.data.items.map(({ id, etag }) => ({
              id,
              ...(etag !== undefined ? { version: versionFromIfMatch(etag) } : {}),
            })),
          }
        : body;
      const done = await reassignRecords(deps, caller, params.ws, kind, input);
      if (!done.ok) return done;
      return ok({
        status: 200,
        body: {
          ownerId: done.value.ownerId,
          results: done.value.results.map((r) =>
            r.ok
              ? { id: r.id, ok: true, etag: toEtag(r.version) }
              : { id: r.id, ok: false, code: r.error.code, detail: r.error.message },
          ),
        },
      });
    },
  });
});
