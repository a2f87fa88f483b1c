import * as z from 'zod';
import { absentIfBlank, clearIfBlank } from '../common/record-change';
import { addressFields, addressPatchFields } from '../common/address';
import { RATINGS } from '../common/rating';
import {
  emailSchema,
  employeesSchema,
  revenueSchema,
  shortText,
  urlSchema,
  userIdSchema,
} from '../common/schemas';
import { ORGANISATION_SIZES, ORGANISATION_STATUSES } from './organisation';

const text = (max: number) => z.string().max(max);

export const OrganisationCreateInputSchema = z
  .object({
    name: shortText(200),
    status: z.enum(ORGANISATION_STATUSES).default('prospect'),
    website: absentIfBlank(urlSchema),
    industry: absentIfBlank(text(100)),
    size: z.enum(ORGANISATION_SIZES).optional(),
    phone: absentIfBlank(text(50)),
    email: absentIfBlank(emailSchema),
    ...addressFields,
    description: absentIfBlank(text(10_000)),
    annualRevenue: revenueSchema.optional(),
    employees: employeesSchema.optional(),
    rating: z.enum(RATINGS).optional(),
    /** Defaults to the actor. */
    ownerId: userIdSchema.optional(),
  })
  .strict();
export type OrganisationCreateInput = z.infer<typeof OrganisationCreateInputSchema>;

/** `null` (or a blank string) clears an optional field. */
export const OrganisationPatchInputSchema = z
  .object({
    name: shortText(200).optional(),
    status: z.enum(ORGANISATION_STATUSES).optional(),
    website: clearIfBlank(urlSchema),
    industry: clearIfBlank(text(100)),
    size: z.enum(ORGANISATION_SIZES).nullable().optional(),
    phone: clearIfBlank(text(50)),
    email: clearIfBlank(emailSchema),
    ...addressPatchFields,
    description: clearIfBlank(text(10_000)),
    annualRevenue: revenueSchema.nullable().optional(),
    employees: employeesSchema.nullable().optional(),
    rating: z.enum(RATINGS).nullable().optional(),
    ownerId: userIdSchema.optional(),
  })
  .strict();
export type OrganisationPatchInput = z.infer<typeof OrganisationPatchInputSchema>;
