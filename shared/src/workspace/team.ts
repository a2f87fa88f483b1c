import type { Instant, TenantId, UserId, WorkspaceId } from '../common/types';

/**
 * What the bot needs to post into a conversation again later (a Bot Framework conversation
 * reference). Opaque here: only the bot's Teams module reads it.
 */
export type ConversationAddress = Readonly<Record<string, unknown>>;

/** A channel (or chat) the bot can post in. */
export type Conversation = { readonly conversationId: string; readonly address: ConversationAddress };

/**
 * A Teams team the bot was installed in: recorded only from activities Teams authenticated, so it
 * is the only proof that a team exists and who belongs to it.
 */
export type Team = {
  readonly tenantId: TenantId;
  /** `channelData.team.id` (19:…@thread.tacv2). */
  readonly teamId: string;
  readonly name: string;
  readonly aadGroupId?: string;
  /** The channel the bot was installed into (its General channel). */
  readonly channel?: Conversation;
  readonly installedAt: Instant;
  readonly installedBy: UserId;
  /** Set when the bot was removed from the team: it posts there no more. */
  readonly removedAt?: Instant;
};

/** One person on a team's roster, as Teams lists it. */
export type RosterEntry = {
  /** The Entra object id (`aadObjectId`). */
  readonly userId: UserId;
  readonly name?: string;
  /**
   * The person's Teams user id (`29:…`, their MRI as Teams gives it to this bot): what a card's
   * `refresh.userIds` lists and what starting a 1:1 chat with them takes.
   */
  readonly teamsUserId?: string;
};

/** What a channel can hear about; `all` in commands means every topic. */
export const TOPICS = ['conversions', 'stages', 'won'] as const;
export type Topic = (typeof TOPICS)[number];

/** A channel of a bound team, with the topics it hears about (none: unsubscribed). */
export type ChannelSubscription = Conversation & {
  readonly workspaceId: WorkspaceId;
  readonly teamId?: string;
  readonly topics: readonly Topic[];
  readonly updatedAt: Instant;
  readonly updatedBy: UserId;
  /** Teams refused a post here (403/404): nothing is posted until someone subscribes it again. */
  readonly broken?: BrokenSubscription;
};

/** When and why Teams refused to take posts in a subscribed channel. */
export type BrokenSubscription = { readonly at: Instant; readonly reason: string };

/** A channel that hears the workspace's news, as owners see it in Settings. */
export type SubscribedChannel = {
  readonly conversationId: string;
  readonly teamId?: string;
  /** The team's name as the bot recorded it. */
  readonly teamName?: string;
  /** The channel's name when Teams gave one. */
  readonly channelName?: string;
  /** The team's General channel (its conversation id is the team's id). */
  readonly general: boolean;
  readonly topics: readonly Topic[];
  readonly updatedAt: Instant;
  readonly updatedBy: UserId;
  /** Teams refused posts here: owners see it, and `subscribe` in the channel mends it. */
  readonly broken?: BrokenSubscription;
};
