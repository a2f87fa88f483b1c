import type { Activity } from 'botbuilder';
import type { ChatMessage } from '../conversation/chat-message';

type TeamsChannelData = {
  readonly tenant?: { readonly id?: string };
  readonly team?: { readonly id?: string };
};

/** Reads who, where and what from a Teams message activity. */
export function toChatMessage(activity: Partial<Activity>): ChatMessage {
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const tenantId = activity.conversation?.tenantId ?? channelData.tenant?.id;
  const teamId = channelData.team?.id;
  return {
    text: activity.text ?? '',
    ...(activity.locale ? { locale: activity.locale } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(activity.from?.aadObjectId ? { userId: activity.from.aadObjectId } : {}),
    ...(activity.from?.name ? { userName: activity.from.name } : {}),
    ...(teamId ? { teamId } : {}),
  };
}
