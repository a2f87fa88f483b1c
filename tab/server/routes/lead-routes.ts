import { z } from 'zod';
import {
  ConvertLeadInputSchema,
  DisqualifyInputSchema,
  MATCH_REASONS,
  ok,
  recordDisplayName,
  type RecordOf,
} from '@crm/shared';
import {
  conversionMatches,
  convertLead,
  disqualifyLead,
  reopenLead,
  duplicatesOfLead,
  findDuplicates,
  type Matched,
} from '@crm/shared/application';
import { named } from '../openapi/component-schemas';
import { single } from './query';
import { representation } from './representation';
import type { RecordKindApi } from './record-routes';
import { route, type RouteSpec } from './route-spec';
import { RECORD_SCHEMAS } from './record-schemas';

const { lead: LeadSchema, organisation: OrganisationSchema, contact: ContactSchema } = RECORD_SCHEMAS;
const OpportunitySchema = RECORD_SCHEMAS.opportunity;

const MatchSchema = named(
  'DuplicateMatch',
  z.strictObject({
    reason: z.enum(MATCH_REASONS),
    strength: z.enum(['strong', 'possible']),
    suffix: z
      .string()
      .optional()
      .describe('same-name-but-suffix: the legal form that differs, as written ("AS"); "" when it has none'),
  }),
);
/** Why a record matched, and how strongly (its strongest match's). */
const matchFields = {
  matches: z.array(MatchSchema).describe('Why it matches, strongest first'),
  strength: z.enum(['strong', 'possible']).describe('strong: almost surely the same; possible: worth a look'),
};

const PossibleDuplicateSchema = named(
  'PossibleDuplicate',
  z.strictObject({
    kind: z.enum(['lead', 'contact', 'organisation']),
    id: z.string().describe('With kind, the link: /workspaces/{ws}/{kind}s/{id}'),
    name: z.string().describe('Its display name'),
    ...matchFields,
  }),
);

/**
 * What createLead's answer adds: `possibleDuplicates`, the leads and contacts with its e-mail and the
 * organisations its company may be (strong matches first), so the form can show and link to them.
 */
export const leadCreated: NonNullable<RecordKindApi<'lead'>['created']> = {
  name: 'LeadCreated',
  shape: {
    possibleDuplicates: z
      .array(PossibleDuplicateSchema)
      .describe(
        'Records the new lead may duplicate (the same e-mail; its company by name, legal form aside, or domain), ' +
          'strong first; empty when none. Nothing was refused: this is for showing and linking.',
      ),
  },
  add: async (deps, ws, created) => {
    const found = await duplicatesOfLead(deps, ws, created.record);
    const entries = [
      ...found.leads.map((m) => ({
        kind: 'lead' as const,
        m,
        name: recordDisplayName('lead', m.record.record),
      })),
      ...found.contacts.map((m) => ({
        kind: 'contact' as const,
        m,
        name: recordDisplayName('contact', m.record.record),
      })),
      ...found.organisations.map((m) => ({ kind: 'organisation' as const, m, name: m.record.record.name })),
    ];
    return {
      possibleDuplicates: entries
        .sort((a, b) => (a.m.strength === b.m.strength ? 0 : a.m.strength === 'strong' ? -1 : 1))
        .map(({ kind, m, name }) => ({
          kind,
          id: m.record.record.id,
          name,
          matches: m.matches,
          strength: m.strength,
        })),
    };
  },
};

/** The lead's deliberate actions beyond editing (convert, disqualify, reopen), and what conversion may reuse. */
export const leadRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/workspaces/:ws/leads/:id/matches',
    tag: 'leads',
    operationId: 'listLeadMatches',
    summary: 'Find existing records a lead may convert into',
    description:
      'Possible duplicates to offer before convertLead: organisations by name (case, accents, punctuation and the ' +
      'legal form aside: "Jansen Transport BV" finds "Jansen Transport B.V."), by web or company e-mail domain (free ' +
      "mail never counts), or whose contact has the lead's e-mail; contacts with the lead's e-mail. Strong matches " +
      'first; `suggested` marks what the dialog selects by default (the best strong organisation, and a strong ' +
      'contact of it), with why in `matches`. Pass the chosen ids to convertLead; "create new" stays a choice.',
    success: {
      status: 200,
      description: 'Suggestions, best first',
      schema: z.strictObject({
        organisations: z.array(
          z.strictObject({
            organisation: OrganisationSchema,
            ...matchFields,
            suggested: z.boolean().describe('Select it by default (at most one)'),
          }),
        ),
        contacts: z.array(
          z.strictObject({
            contact: ContactSchema,
            ...matchFields,
            suggested: z
              .boolean()
              .describe('Select it by default (at most one; it works at the suggested organisation)'),
          }),
        ),
      }),
    },
    errors: { 404: 'No such lead (LEAD.NOT_FOUND) or workspace' },
    handle: async (deps, { params, caller }) => {
      const found = await conversionMatches(deps, caller, params.ws, params.id);
      if (!found.ok) return found;
      return ok({
        status: 200,
        body: {
          organisations: found.value.organisations.map(({ record, ...why }) => ({
            organisation: representation('organisation', record),
            ...why,
          })),
          contacts: found.value.contacts.map(({ record, ...why }) => ({
            contact: representation('contact', record),
            ...why,
          })),
        },
      });
    },
  }),
  route({
    method: 'get',
    path: '/workspaces/:ws/duplicates',
    tag: 'leads',
    operationId: 'findDuplicates',
    summary: 'Find possible duplicates of a record about to be created',
    description:
      'What a new lead (or contact, or organisation) may duplicate, for its form to show and link to: leads and ' +
      'contacts with the e-mail (case ignored), organisations by company name (legal form aside), website or company ' +
      'e-mail domain. Give at least one of email, company, website. Nothing is refused: creating stays a choice.',
    query: z.object({
      email: z.string().optional(),
      company: z.string().optional().describe("A lead's company, or the organisation's name"),
      website: z.string().optional(),
    }),
    success: {
      status: 200,
      description: 'Possible duplicates, strong ones first',
      schema: named(
        'Duplicates',
        z.strictObject({
          leads: z.array(z.strictObject({ lead: LeadSchema, ...matchFields })),
          contacts: z.array(z.strictObject({ contact: ContactSchema, ...matchFields })),
          organisations: z.array(z.strictObject({ organisation: OrganisationSchema, ...matchFields })),
        }),
      ),
    },
    errors: { 400: 'VALIDATION.FAILED: none of email, company, website; one too long or given twice' },
    handle: async (deps, { params, query, caller }) => {
      const read: Record<string, string> = {};
      for (const name of ['email', 'company', 'website']) {
        const value = single(query, name);
        if (!value.ok) return value;
        if (value.value !== undefined) read[name] = value.value;
      }
      const found = await findDuplicates(deps, caller, params.ws, read);
      if (!found.ok) return found;
      const each = <K extends 'lead' | 'contact' | 'organisation'>(
        kind: K,
        items: readonly Matched<RecordOf[K]>[],
      ) => items.map(({ record, ...why }) => ({ [kind]: representation(kind, record), ...why }));
      return ok({
        status: 200,
        body: {
          leads: each('lead', found.value.leads),
          contacts: each('contact', found.value.contacts),
          organisations: each('organisation', found.value.organisations),
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
