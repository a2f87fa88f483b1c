import type { ConversationAddress } from '@crm/shared';

/**
 * Where a message was written: a standard channel of a team (everyone on the team's roster reads
 * it), a shared or private channel (`restrictedChannel`: its own people, possibly of other tenants),
 * a group chat, or a personal chat with the bot.
 */
export type ChatConversation = {
  readonly id: string;
  readonly type: 'channel' | 'restrictedChannel' | 'groupChat' | 'personal';
  /** What it takes to post here again later (opaque outside the Teams module). */
  readonly address: ConversationAddress;
};

/** What the bot needs of an incoming chat message, free of any bot SDK type. */
export type ChatMessage = {
  readonly text: string;
  readonly locale?: string;
  /** Entra tenant and user object id; absent when the channel does not say (e.g. the Emulator). */
  readonly tenantId?: string;
  readonly userId?: string;
  readonly userName?: string;
  /** The sender's Teams user id (`29:…`): what a card's `refresh.userIds` lists. */
  readonly teamsUserId?: string;
  /** The IANA time zone of the sender's client, as Teams says it (`localTimezone`); unchecked. */
  readonly timeZone?: string;
  /** The Teams team the message was posted in (channel messages only). */
  readonly teamId?: string;
  readonly conversation?: ChatConversation;
};
