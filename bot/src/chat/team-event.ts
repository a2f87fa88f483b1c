import type { Actor, Conversation, RosterEntry } from '@crm/shared';

/** What Teams told the bot about a team, free of any bot SDK type. */
export type TeamEvent =
  | {
      readonly kind: 'installed';
      readonly tenantId: string;
      readonly teamId: string;
      readonly teamName: string;
      readonly aadGroupId?: string;
      /** Who added the bot; absent when Teams does not say. */
      readonly installer?: Actor;
      readonly channel: Conversation;
      readonly roster: readonly RosterEntry[];
      readonly locale?: string;
    }
  | { readonly kind: 'uninstalled'; readonly tenantId: string; readonly teamId: string }
  | {
      readonly kind: 'members-added';
      readonly tenantId: string;
      readonly teamId: string;
      readonly members: readonly RosterEntry[];
    }
  | {
      readonly kind: 'members-removed';
      readonly tenantId: string;
      readonly teamId: string;
      readonly userIds: readonly string[];
    };
