import { z } from 'zod';
import { ConvertLeadInputSchema, DisqualifyInputSchema, ok } from '@crm/shared';
import { conversionMatches, convertLead, disqualifyLead } from '@crm/shared/application';
import { representation } from './representation';
import { route, type RouteSpec } from './route-spec';
import { RecordSchema } from './schemas';

/** The lead's two deliberate actions beyond editing (convert, disqualify), and what conversion may reuse. */
export const leadRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/workspaces/:ws/leads/:id/matches',
    tag: 'leads',
    summary:
      'Existing organisations (by name and website) and contacts (by email) this lead may convert into',
    success: {
      status: 200,
      description: 'Suggestions, best first',
      schema: z.object({
        organisations: z.array(z.object({ organisation: RecordSchema, matches: z.array(z.string()) })),
        contacts: z.array(RecordSchema),
      }),
    },
    handle: async (deps, { params, caller }) => {
      const found = await conversionMatches(deps, caller, params.ws, params.id);
      if (!found.ok) return found;
      return ok({
        status: 200,
        body: {
          organisations: found.value.organisations.map((m) => ({
            organisation: representation(m.organisation),
            matches: m.matches,
          })),
          contacts: found.value.contacts.map(representation),
        },
      });
    },
  }),
  route({
    method: 'post',
    path: '/workspaces/:ws/leads/:id/convert',
    tag: 'leads',
    summary: 'Convert a lead into an organisation, a contact and (by default) an opportunity, all or nothing',
    body: ConvertLeadInputSchema,
    idempotent: true,
    success: {
      status: 200,
      description: 'What the conversion produced',
      schema: z.object({
        lead: RecordSchema,
        organisation: RecordSchema,
        contact: RecordSchema,
        opportunity: RecordSchema.optional(),
      }),
    },
    errors: [409],
    handle: async (deps, { params, body, caller }) => {
      const converted = await convertLead(deps, caller, params.ws, params.id, body);
      if (!converted.ok) return converted;
      const { lead, organisation, contact, opportunity } = converted.value;
      return ok({
        status: 200,
        body: {
          lead: representation(lead),
          organisation: representation(organisation),
          contact: representation(contact),
          ...(opportunity ? { opportunity: representation(opportunity) } : {}),
        },
      });
    },
  }),
  route({
    method: 'post',
    path: '/workspaces/:ws/leads/:id/disqualify',
    tag: 'leads',
    summary: 'Disqualify a lead with a reason (If-Match optional: guards against acting on a stale view)',
    body: DisqualifyInputSchema,
    ifMatch: 'optional',
    success: { status: 200, description: 'The disqualified lead', schema: RecordSchema },
    errors: [409, 412],
    handle: async (deps, { params, body, caller, expected }) => {
      const lead = await disqualifyLead(deps, caller, params.ws, params.id, expected, body);
      return lead.ok
        ? ok({ status: 200, body: representation(lead.value), version: lead.value.version })
        : lead;
    },
  }),
];
