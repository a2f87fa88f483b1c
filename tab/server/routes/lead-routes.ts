import { z } from 'zod';
import { ConvertLeadInputSchema, DisqualifyInputSchema, ok } from '@crm/shared';
import { conversionMatches, convertLead, disqualifyLead, reopenLead } from '@crm/shared/application';
import { representation } from './representation';
import { route, type RouteSpec } from './route-spec';
import { RECORD_SCHEMAS } from './record-schemas';

const { lead: LeadSchema, organisation: OrganisationSchema, contact: ContactSchema } = RECORD_SCHEMAS;
const OpportunitySchema = RECORD_SCHEMAS.opportunity;

/** The lead's deliberate actions beyond editing (convert, disqualify, reopen), and what conversion may reuse. */
export const leadRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/workspaces/:ws/leads/:id/matches',
    tag: 'leads',
    operationId: 'listLeadMatches',
    summary: 'Find existing records a lead may convert into',
    description:
      'Possible duplicates to offer before convertLead: organisations whose name or website matches the ' +
      "lead's company (matches names which), and contacts with the lead's email. Pass the chosen ids to convertLead.",
    success: {
      status: 200,
      description: 'Suggestions, best first',
      schema: z.strictObject({
        organisations: z.array(
          z.strictObject({
            organisation: OrganisationSchema,
            matches: z.array(z.string()).describe('What matched: name, website'),
          }),
        ),
        contacts: z.array(ContactSchema),
      }),
    },
    errors: { 404: 'No such lead (LEAD.NOT_FOUND) or workspace' },
    handle: async (deps, { params, caller }) => {
      const found = await conversionMatches(deps, caller, params.ws, params.id);
      if (!found.ok) return found;
      return ok({
        status: 200,
        body: {
          organisations: found.value.organisations.map((m) => ({
            organisation: representation('organisation', m.organisation),
            matches: m.matches,
          })),
          contacts: found.value.contacts.map((c) => representation('contact', c)),
        },
      });
    },
  }),
  route({
    method: 'post',
    path: '/workspaces/:ws/leads/:id/convert',
    tag: 'leads',
    operationId: 'convertLead',
    summary: 'Convert (qualify) a lead into an organisation, contact and opportunity',
    description:
      'Qualifies an open lead: creates its organisation (or fills the empty fields of an existing one, organisationId), ' +
      'its contact (or an existing one of that organisation, contactId) and, unless createOpportunity is false, an ' +
      'opportunity (name, amount, currency, closeDate, stage optional). An optional qualification (the BANT checklist, ' +
      'merged as in an update) is saved with it. All or nothing; the lead becomes closed-converted ' +
      'and read-only. Send an Idempotency-Key: a retry answers the same result.',
    body: ConvertLeadInputSchema,
    idempotent: true,
    success: {
      status: 200,
      description: 'What the conversion produced, each record with its etag',
      schema: z.strictObject({
        lead: LeadSchema,
        organisation: OrganisationSchema,
        contact: ContactSchema,
        opportunity: OpportunitySchema.optional(),
      }),
    },
    errors: {
      400: 'VALIDATION.FAILED with fields; CONVERSION.ORGANISATION_NOT_FOUND, CONVERSION.CONTACT_NOT_FOUND, CONVERSION.CONTACT_NOT_IN_ORGANISATION, OPPORTUNITY.UNKNOWN_STAGE',
      404: 'No such lead (LEAD.NOT_FOUND) or workspace',
      409: 'LEAD.ALREADY_CONVERTED; LEAD.INVALID_TRANSITION (a disqualified lead: reopen it first); IDEMPOTENCY.KEY_REUSED',
    },
    handle: async (deps, { params, body, caller }) => {
      const converted = await convertLead(deps, caller, params.ws, params.id, body);
      if (!converted.ok) return converted;
      const { lead, organisation, contact, opportunity } = converted.value;
      return ok({
        status: 200,
        body: {
          lead: representation('lead', lead),
          organisation: representation('organisation', organisation),
          contact: representation('contact', contact),
          ...(opportunity ? { opportunity: representation('opportunity', opportunity) } : {}),
        },
      });
    },
  }),
  route({
    method: 'post',
    path: '/workspaces/:ws/leads/:id/disqualify',
    tag: 'leads',
    operationId: 'disqualifyLead',
    summary: 'Disqualify a lead with a reason',
    description:
      'Closes an open lead as not converted (closed-not-converted) with {reason}; it is kept, and can be reopened ' +
      'later (reopenLead). If-Match is optional: send it to refuse acting on a stale view.',
    body: DisqualifyInputSchema,
    ifMatch: 'optional',
    success: { status: 200, description: 'The disqualified lead', schema: LeadSchema, headers: ['ETag'] },
    errors: {
      400: 'VALIDATION.FAILED; LEAD.REASON_REQUIRED (a blank reason)',
      404: 'No such lead (LEAD.NOT_FOUND) or workspace',
      409: 'LEAD.INVALID_TRANSITION or LEAD.READ_ONLY: the lead is not open',
    },
    handle: async (deps, { params, body, caller, expected }) => {
      const lead = await disqualifyLead(deps, caller, params.ws, params.id, expected, body);
      return lead.ok
        ? ok({ status: 200, body: representation('lead', lead.value), version: lead.value.version })
        : lead;
    },
  }),
  route({
    method: 'post',
    path: '/workspaces/:ws/leads/:id/reopen',
    tag: 'leads',
    operationId: 'reopenLead',
    summary: 'Reopen a disqualified lead',
    description:
      'Takes a disqualified (closed-not-converted) lead back to working-contacted and drops its reason: someone ' +
      'is talking to them again. Allowed when its capabilities say reopen. No body. (updateLead with status ' +
      'working-contacted does the same.)',
    ifMatch: 'required',
    success: { status: 200, description: 'The reopened lead', schema: LeadSchema, headers: ['ETag'] },
    errors: {
      404: 'No such lead (LEAD.NOT_FOUND) or workspace',
      409: 'LEAD.INVALID_TRANSITION (the lead is open) or LEAD.READ_ONLY (converted): only a disqualified lead reopens',
    },
    handle: async (deps, { params, caller, expected }) => {
      const lead = await reopenLead(deps, caller, params.ws, params.id, expected);
      return lead.ok
        ? ok({ status: 200, body: representation('lead', lead.value), version: lead.value.version })
        : lead;
    },
  }),
];
