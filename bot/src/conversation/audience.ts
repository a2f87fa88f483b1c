import { teamCardAudience, type AppDeps, type Caller } from '@crm/shared/application';
import { MAX_REFRESH_USERS } from '../cards/adaptive-card';
import type { ChatConversation, ChatMessage } from '../chat/chat-message';
import type { Viewers } from '../replies/reply-context';

/** Who reads what the bot posts in a conversation, as far as it can tell. */
export type Audience = {
  /**
   * Everyone who reads the conversation is a member of the workspace, so a posted card may carry its
   * records: a personal chat, or a standard channel of the workspace's team whose whole roster are
   * members. Not in a group chat (the bot does not know who is in it), nor in a shared or private
   * channel (its people are not the team's).
   */
  readonly open: boolean;
  /**
   * The Teams user ids (`29:…`) a posted card refreshes itself for (≤ 60); undefined: not listed, so
   * Teams refreshes it for everyone in a chat of up to 60 people, each in their own rendering.
   */
  readonly userIds?: readonly string[];
};

/** The audience, read once when first needed. */
export type AudienceOf = () => Promise<Audience>;

export const viewersOf =
  (audience: AudienceOf): Viewers =>
  async () =>
    (await audience()).userIds;

/** A message without a conversation (a test, the Emulator): a personal chat, or a team's channel. */
export const conversationKind = (message: ChatMessage): ChatConversation['type'] =>
  message.conversation?.type ?? (message.teamId ? 'channel' : 'personal');

/**
 * The audience of the conversation `where` was written in, for cards of workspace `ws`. In a
 * standard channel the team is the one Teams names for the conversation (`where.teamId`), never a
 * card's data: a card of another team's workspace there is read by people the workspace does not know.
 */
export function audienceOf(app: AppDeps, caller: Caller, ws: string, where: ChatMessage): AudienceOf {
  let audience: Promise<Audience> | undefined;
  const read = async (): Promise<Audience> => {
    const kind = conversationKind(where);
    switch (kind) {
      case 'personal':
        return { open: true };
      case 'channel': {
        if (!where.teamId) return { open: false };
        const team = await teamCardAudience(app, caller.actor, ws, where.teamId, MAX_REFRESH_USERS);
        const viewers = team.ok ? team.value.viewers : [];
        const ids = [...new Set([...(where.teamsUserId ? [where.teamsUserId] : []), ...viewers])];
        const userIds = ids.slice(0, MAX_REFRESH_USERS);
        return {
          open: team.ok && team.value.everyoneIsMember,
          ...(userIds.length > 0 ? { userIds } : {}),
        };
      }
      case 'groupChat':
      case 'restrictedChannel':
        return { open: false };
      default: {
        const _exhaustive: never = kind;
        return _exhaustive;
      }
    }
  };
  return () => (audience ??= read());
}
