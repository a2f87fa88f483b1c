import * as z from 'zod';
import { currencySchema, shortText, userIdSchema } from '../common/schemas';
import { StageConfigInputSchema } from '../opportunity/stage.schema';
import { timeZoneSchema } from '../activity/zoned-time';
import { MEMBER_ROLES } from './workspace';
import { LEAD_ASSIGNMENT_MODES } from './lead-assignment';

/** The round-robin of new leads: its mode and, in turn order, the members who opted in. */
export const LeadAssignmentSchema = z.strictObject({
  mode: z.enum(LEAD_ASSIGNMENT_MODES),
  memberIds: z.array(userIdSchema).max(200).default([]),
});

/** A Teams team id ("19:…@thread.tacv2"): kept free of the characters Table keys forbid. */
export const teamIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .regex(/^[^\s/\\#?]+$/, 'must be a Teams team id');

/** The morning digest on or off; `timeZone` (kept when left out; UTC at first) for people the bot has not heard from. */
export const MorningDigestInputSchema = z.strictObject({
  enabled: z.boolean(),
  timeZone: timeZoneSchema.optional(),
});

export const MIN_STALE_DAYS = 1;
export const MAX_STALE_DAYS = 365;

export const WorkspaceCreateInputSchema = z
  .object({
    name: shortText(100),
    /** Binds the workspace to this team of the creator's tenant. */
    teamId: teamIdSchema.optional(),
    defaultCurrency: currencySchema.default('EUR'),
  })
  .strict();
export type WorkspaceCreateInput = z.infer<typeof WorkspaceCreateInputSchema>;

/** Renames the workspace or changes its settings; owners only. */
export const WorkspacePatchInputSchema = z
  .object({
    name: shortText(100).optional(),
    defaultCurrency: currencySchema.optional(),
    staleAfterDays: z.number().int().min(MIN_STALE_DAYS).max(MAX_STALE_DAYS).optional(),
    /** The whole list, or only the open stages; `validateStageConfig` has the rules. */
    stages: StageConfigInputSchema.optional(),
    /** Replaces the lead assignment; every member id must be a member (OWNER.NOT_A_MEMBER). */
    leadAssignment: LeadAssignmentSchema.optional(),
    /** Turns the morning digest in personal chat on or off. */
    morningDigest: MorningDigestInputSchema.optional(),
  })
  .strict();
export type WorkspacePatchInput = z.infer<typeof WorkspacePatchInputSchema>;

export const MemberAddInputSchema = z
  .object({
    userId: userIdSchema,
    role: z.enum(MEMBER_ROLES),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type MemberAddInput = z.infer<typeof MemberAddInputSchema>;

export const MemberPatchInputSchema = z.object({ role: z.enum(MEMBER_ROLES) }).strict();
export type MemberPatchInput = z.infer<typeof MemberPatchInputSchema>;
