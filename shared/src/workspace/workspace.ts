import type { Currency, Instant, TenantId, UserId, WorkspaceId } from '../common/types';
import type { StageConfig } from '../opportunity/stage';
import type { LeadAssignment } from './lead-assignment';

export const MEMBER_ROLES = ['owner', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export type WorkspaceSettings = {
  readonly defaultCurrency: Currency;
  readonly stages: StageConfig;
  /** An open deal with no activity for this many days is stale. */
  readonly staleAfterDays: number;
  /** Who owns a new lead that names no owner; absent: its creator. */
  readonly leadAssignment?: LeadAssignment;
  /** The morning digest of each member's day in their personal chat with the bot; absent: off. */
  readonly morningDigest?: MorningDigestSetting;
};

/**
 * Owners turn the morning digest on for every member: at 08:00 on working days where each person is
 * (`activity/morning-digest.ts`). `timeZone` stands in for the people the bot has not heard from yet
 * (Teams tells it a person's time zone with each message they send).
 */
export type MorningDigestSetting = { readonly enabled: boolean; readonly timeZone: string };

/** One team's CRM, inside one tenant, optionally bound to one Teams team. */
export type Workspace = {
  readonly id: WorkspaceId;
  readonly tenantId: TenantId;
  readonly name: string;
  readonly teamId?: string;
  readonly settings: WorkspaceSettings;
  readonly createdAt: Instant;
  readonly createdBy: UserId;
  readonly updatedAt: Instant;
  readonly updatedBy: UserId;
};

export type Member = {
  readonly workspaceId: WorkspaceId;
  readonly tenantId: TenantId;
  readonly userId: UserId;
  readonly role: MemberRole;
  readonly name?: string;
  readonly addedAt: Instant;
  readonly addedBy: UserId;
};
