import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  CONTACT_RELATIONSHIPS,
  FORECAST_CATEGORIES,
  LEAD_SOURCES,
  LEAD_STATUSES,
  ORGANISATION_SIZES,
  ORGANISATION_STATUSES,
  REGARDING_TYPES,
  type RecordKind,
} from '@crm/shared';
import { named } from '../openapi/component-schemas';
import { capital } from './wording';

/**
 * Records as the API answers them: every field the domain type has (closed, so the conformance test
 * catches a field the document does not name), plus `etag` where the record can be changed.
 */
const instant = z.string().describe('ISO 8601 instant, UTC');
const date = z.string().describe('YYYY-MM-DD');
const text = z.string();

const base = {
  id: z.string(),
  workspaceId: z.string(),
  ownerId: z.string().describe("The owning member's user id"),
  createdAt: instant,
  createdBy: z.string(),
  updatedAt: instant,
  updatedBy: z.string(),
};

export const NextActivitySchema = named(
  'NextActivity',
  z.strictObject({
    id: z.string(),
    type: z.enum(ACTIVITY_TYPES),
    subject: text,
    dueAt: instant.describe('When it is due'),
  }),
);

/** Maintained by every activity write about the record; never sent by a client. */
const activitySummary = (about: string) => ({
  nextActivity: NextActivitySchema.optional().describe(
    `The earliest open activity about the ${about}; absent: no next step`,
  ),
  lastActivityAt: instant.optional().describe(`When the latest done activity about the ${about} happened`),
});

const QualificationSchema = named(
  'Qualification',
  z.strictObject({
    budget: z.boolean(),
    authority: z.boolean(),
    need: z.boolean(),
    timeline: z.boolean(),
    notes: text.optional(),
  }),
);

const lead = {
  ...base,
  status: z.enum(LEAD_STATUSES),
  firstName: text.optional(),
  lastName: text,
  email: text.optional(),
  phone: text.optional(),
  title: text.optional(),
  company: text.optional(),
  website: text.optional(),
  industry: text.optional(),
  description: text.optional(),
  source: z.enum(LEAD_SOURCES),
  campaignId: z.string().optional(),
  qualification: QualificationSchema,
  disqualificationReason: text.optional().describe('closed-not-converted only'),
  disqualifiedAt: instant.optional(),
  convertedAt: instant.optional().describe('closed-converted only, as the converted* ids'),
  convertedBy: z.string().optional(),
  convertedOrganisationId: z.string().optional(),
  convertedContactId: z.string().optional(),
  convertedOpportunityId: z.string().optional(),
  ...activitySummary('lead'),
};

const organisation = {
  ...base,
  status: z.enum(ORGANISATION_STATUSES),
  name: text,
  website: text.optional(),
  industry: text.optional(),
  size: z.enum(ORGANISATION_SIZES).optional(),
  phone: text.optional(),
  email: text.optional(),
  address: text.optional(),
  city: text.optional(),
  country: text.optional(),
  description: text.optional(),
};

const contact = {
  ...base,
  organisationId: z.string(),
  firstName: text.optional(),
  lastName: text,
  email: text.optional(),
  phone: text.optional(),
  mobile: text.optional(),
  title: text.optional(),
  relationship: z.enum(CONTACT_RELATIONSHIPS),
  isDecisionMaker: z.boolean(),
  description: text.optional(),
};

const opportunity = {
  ...base,
  name: text,
  organisationId: z.string(),
  amount: z.number().optional(),
  currency: z.string().describe('ISO 4217'),
  closeDate: date.optional(),
  primaryContactId: z.string().optional(),
  leadId: z.string().optional(),
  campaignId: z.string().optional(),
  description: text.optional(),
  nextStep: text.optional(),
  stage: z.string().describe("One of the workspace's stage ids"),
  probability: z.number().int().min(0).max(100),
  probabilityOverridden: z.boolean(),
  forecastCategory: z.enum(FORECAST_CATEGORIES),
  lostReason: text.optional(),
  closedAt: instant.optional(),
  stageChangedAt: instant,
  ...activitySummary('deal (or the lead converted into it)'),
};

const campaign = {
  ...base,
  status: z.enum(CAMPAIGN_STATUSES),
  name: text,
  type: z.enum(CAMPAIGN_TYPES),
  startDate: date.optional(),
  endDate: date.optional(),
  currency: z.string(),
  budgetedCost: z.number().optional(),
  actualCost: z.number().optional(),
  expectedRevenue: z.number().optional(),
  description: text.optional(),
};

const activity = {
  ...base,
  type: z.enum(ACTIVITY_TYPES),
  subject: text,
  notes: text.optional(),
  regarding: z.strictObject({ type: z.enum(REGARDING_TYPES), id: z.string() }),
  occurredAt: instant.describe('While open: when it is due. Once done: when it happened'),
  outcome: text.optional(),
  completed: z.boolean().describe('Done (true) or still to do (false); any type'),
  completedAt: instant.optional().describe('When it was marked done; present exactly while completed'),
  regardingName: text
    .optional()
    .describe('The display name of the record it is about (absent when that record is deleted)'),
};

const FIELDS = { lead, organisation, contact, opportunity, campaign, activity } as const;
const etag = z.string().describe('Its ETag, for If-Match');

const can = (what: string) => z.boolean().describe(what);
const LeadCapabilitiesSchema = named(
  'LeadCapabilities',
  z
    .strictObject({
      edit: can('updateLead may change its details, checklist and status (not a converted lead)'),
      convert: can('convertLead accepts it (an open lead)'),
      disqualify: can('disqualifyLead closes it (an open lead)'),
      reopen: can('reopenLead takes it back to working-contacted (a disqualified lead)'),
      delete: can('deleteLead may move it to the recycle bin (not a converted lead)'),
    })
    .describe(
      'What can be done to the lead as it is now, from its status (the transition table in shared); a client ' +
        'shows the buttons this allows instead of reading the status itself.',
    ),
);

/** What a live record says beyond its fields (`DERIVED` in representation.ts makes the same). */
const DERIVED_FIELDS: { readonly [K in RecordKind]?: z.ZodRawShape } = {
  lead: { capabilities: LeadCapabilitiesSchema },
};

/** A live record of each kind, with what it derives and its `etag`. */
export const RECORD_SCHEMAS = Object.fromEntries(
  (Object.keys(FIELDS) as RecordKind[]).map((kind) => [
    kind,
    named(capital(kind), z.strictObject({ ...FIELDS[kind], ...DERIVED_FIELDS[kind], etag })),
  ]),
) as unknown as Readonly<Record<RecordKind, z.ZodObject>>;

/**
 * A record's fields without `etag` (nor what a live one derives): a deleted record in the recycle bin (nothing there takes
 * If-Match) and the deals a report lists.
 */
export const RECORD_FIELD_SCHEMAS = Object.fromEntries(
  (Object.keys(FIELDS) as RecordKind[]).map((kind) => [
    kind,
    named(`${capital(kind)}Fields`, z.strictObject(FIELDS[kind])),
  ]),
) as unknown as Readonly<Record<RecordKind, z.ZodObject>>;

/** `{items, nextCursor}`: one page of a list; `nextCursor` is null on the last page. */
export const pageSchema = (item: z.ZodType) =>
  z.strictObject({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
  });
