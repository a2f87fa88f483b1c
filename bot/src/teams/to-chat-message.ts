import { TurnContext, type Activity } from 'botbuilder';
import type { ChatConversation, ChatMessage } from '../chat/chat-message';

type TeamsChannelData = {
  readonly tenant?: { readonly id?: string };
  readonly team?: { readonly id?: string };
  /** `type`: `standard`, `shared` or `private` (absent: standard). */
  readonly channel?: { readonly type?: string };
};

/**
 * Reads who, where and what from a Teams message activity. The tenant is the conversation's
 * (`conversation.tenantId`), which Teams sets; `channelData.tenant` only when it is absent.
 */
export function toChatMessage(activity: Partial<Activity>): ChatMessage {
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const tenantId = activity.conversation?.tenantId ?? channelData.tenant?.id;
  const teamId = channelData.team?.id;
  const conversation = toConversation(activity);
  const timeZone = timeZoneOf(activity);
  return {
    text: activity.text ?? '',
    ...(activity.locale ? { locale: activity.locale } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(activity.from?.aadObjectId ? { userId: activity.from.aadObjectId } : {}),
    ...(activity.from?.name ? { userName: activity.from.name } : {}),
    ...(activity.from?.id ? { teamsUserId: activity.from.id } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(teamId ? { teamId } : {}),
    ...(conversation ? { conversation } : {}),
  };
}

/**
 * Where the sender's client is: Teams sends `localTimezone` ("Europe/Oslo") with messages and
 * invokes, and the same in its `clientInfo` entity.
 */
function timeZoneOf(activity: Partial<Activity>): string | undefined {
  if (typeof activity.localTimezone === 'string' && activity.localTimezone) return activity.localTimezone;
  const clientInfo = activity.entities?.find((e) => e.type === 'clientInfo') as
    { timezone?: unknown } | undefined;
  return typeof clientInfo?.timezone === 'string' && clientInfo.timezone ? clientInfo.timezone : undefined;
}

/** The conversation, as the channel itself (a reply thread's `;messageid=` cut off, so posts start threads). */
function toConversation(activity: Partial<Activity>): ChatConversation | undefined {
  const raw = activity.conversation?.id;
  if (!raw || !activity.serviceUrl) return undefined;
  const id = raw.split(';messageid=')[0] ?? raw;
  const type = conversationType(activity);
  const reference = TurnContext.getConversationReference(activity);
  const address = { ...reference, conversation: { ...reference.conversation, id } };
  delete (address as { activityId?: string }).activityId;
  return { id, type, address };
}

/** Shared and private channels are read by their own people, not the team: Teams says which in `channelData.channel.type`. */
function conversationType(activity: Partial<Activity>): ChatConversation['type'] {
  switch (activity.conversation?.conversationType) {
    case 'channel': {
      const channel = (activity.channelData as TeamsChannelData | undefined)?.channel?.type;
      return channel === 'shared' || channel === 'private' ? 'restrictedChannel' : 'channel';
    }
    case 'personal':
      return 'personal';
    default:
      return 'groupChat';
  }
}
