import * as z from 'zod';
import { absentIfBlank, clearIfBlank } from '../common/record-change';
import { emailSchema, idSchema, shortText, userIdSchema } from '../common/schemas';
import { CONTACT_RELATIONSHIPS } from './contact';

const text = (max: number) => z.string().max(max);

export const ContactCreateInputSchema = z
  .object({
    organisationId: idSchema,
    firstName: absentIfBlank(text(100)),
    lastName: shortText(100),
    email: absentIfBlank(emailSchema),
    phone: absentIfBlank(text(50)),
    mobile: absentIfBlank(text(50)),
    title: absentIfBlank(text(100)),
    relationship: z.enum(CONTACT_RELATIONSHIPS).default('customer'),
    isDecisionMaker: z.boolean().default(false),
    description: absentIfBlank(text(10_000)),
    /** Defaults to the actor. */
    ownerId: userIdSchema.optional(),
  })
  .strict();
export type ContactCreateInput = z.infer<typeof ContactCreateInputSchema>;

/** `null` (or a blank string) clears an optional field. A contact may move to another organisation. */
export const ContactPatchInputSchema = z
  .object({
    organisationId: idSchema.optional(),
    firstName: clearIfBlank(text(100)),
    lastName: shortText(100).optional(),
    email: clearIfBlank(emailSchema),
    phone: clearIfBlank(text(50)),
    mobile: clearIfBlank(text(50)),
    title: clearIfBlank(text(100)),
    relationship: z.enum(CONTACT_RELATIONSHIPS).optional(),
    isDecisionMaker: z.boolean().optional(),
    description: clearIfBlank(text(10_000)),
    ownerId: userIdSchema.optional(),
  })
  .strict();
export type ContactPatchInput = z.infer<typeof ContactPatchInputSchema>;
