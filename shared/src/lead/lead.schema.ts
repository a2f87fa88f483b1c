import * as z from 'zod';
import { absentIfBlank, clearIfBlank } from '../common/record-change';
import {
  amountSchema,
  currencySchema,
  emailSchema,
  employeesSchema,
  idSchema,
  isoDateSchema,
  revenueSchema,
  shortText,
  urlSchema,
  userIdSchema,
} from '../common/schemas';
import { addressFields, addressPatchFields } from '../common/address';
import { RATINGS } from '../common/rating';
import { stageIdSchema } from '../opportunity/stage.schema';
import { LEAD_SOURCES, LEAD_STATUSES, OPEN_LEAD_STATUSES } from './lead';

const text = (max: number) => z.string().max(max);

/** Every criterion is optional: a form or the bot may tick one at a time. `notes: null` clears them. */
export const QualificationPatchSchema = z
  .object({
    budget: z.boolean().optional(),
    authority: z.boolean().optional(),
    need: z.boolean().optional(),
    timeline: z.boolean().optional(),
    notes: clearIfBlank(text(2000)),
  })
  .strict();
export type QualificationPatch = z.infer<typeof QualificationPatchSchema>;

export const LeadCreateInputSchema = z
  .object({
    firstName: absentIfBlank(text(100)),
    lastName: shortText(100),
    email: absentIfBlank(emailSchema),
    phone: absentIfBlank(text(50)),
    mobile: absentIfBlank(text(50)),
    title: absentIfBlank(text(100)),
    company: absentIfBlank(text(200)),
    website: absentIfBlank(urlSchema),
    industry: absentIfBlank(text(100)),
    description: absentIfBlank(text(10_000)),
    ...addressFields,
    annualRevenue: revenueSchema.optional(),
    employees: employeesSchema.optional(),
    rating: z.enum(RATINGS).optional(),
    source: z.enum(LEAD_SOURCES).default('other'),
    campaignId: idSchema.optional(),
    /** Defaults to the actor. */
    ownerId: userIdSchema.optional(),
    qualification: QualificationPatchSchema.optional(),
    /** A new lead may start untouched or already being worked; closing it takes disqualify or convert. */
    status: z.enum(OPEN_LEAD_STATUSES).optional(),
  })
  .strict();
export type LeadCreateInput = z.infer<typeof LeadCreateInputSchema>;

/** `null` (or a blank string) clears an optional detail; required ones can only be replaced. */
export const LeadPatchInputSchema = z
  .object({
    firstName: clearIfBlank(text(100)),
    lastName: shortText(100).optional(),
    email: clearIfBlank(emailSchema),
    phone: clearIfBlank(text(50)),
    mobile: clearIfBlank(text(50)),
    title: clearIfBlank(text(100)),
    company: clearIfBlank(text(200)),
    website: clearIfBlank(urlSchema),
    industry: clearIfBlank(text(100)),
    description: clearIfBlank(text(10_000)),
    ...addressPatchFields,
    annualRevenue: revenueSchema.nullable().optional(),
    employees: employeesSchema.nullable().optional(),
    rating: z.enum(RATINGS).nullable().optional(),
    source: z.enum(LEAD_SOURCES).optional(),
    campaignId: idSchema.nullable().optional(),
    ownerId: userIdSchema.optional(),
    qualification: QualificationPatchSchema.optional(),
    status: z.enum(LEAD_STATUSES).optional(),
    /** Required (non-blank) when `status` becomes closed-not-converted; the rule says so with LEAD.REASON_REQUIRED. */
    disqualificationReason: z.string().trim().max(1000).optional(),
  })
  .strict();
export type LeadPatchInput = z.infer<typeof LeadPatchInputSchema>;

/** A blank reason passes here so the rule can answer with the specific LEAD.REASON_REQUIRED. */
export const DisqualifyInputSchema = z.object({ reason: z.string().trim().max(1000) }).strict();
export type DisqualifyInput = z.infer<typeof DisqualifyInputSchema>;

export const ConvertLeadInputSchema = z
  .object({
    /** An existing organisation to convert into; otherwise one is created from the lead. */
    organisationId: idSchema.optional(),
    /** An existing contact of that organisation; otherwise one is created from the lead. */
    contactId: idSchema.optional(),
    /**
     * The checklist as it stands when converting (qualify and convert in one step): merged into the
     * lead like an update's `qualification`, and committed in the conversion's transaction.
     */
    qualification: QualificationPatchSchema.optional(),
    createOpportunity: z.boolean().default(true),
    opportunity: z
      .object({
        name: absentIfBlank(text(200)),
        amount: amountSchema.optional(),
        currency: currencySchema.optional(),
        closeDate: isoDateSchema.optional(),
        stage: stageIdSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((input) => input.createOpportunity || input.opportunity === undefined, {
    path: ['opportunity'],
    message: 'only with createOpportunity',
  });
export type ConvertLeadInput = z.infer<typeof ConvertLeadInputSchema>;
