import type { Activity, ChannelAccount } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { RosterEntry } from '@crm/shared';
import type { TeamEvent } from '../conversation/team-event';

type TeamsChannelData = {
  readonly eventType?: string;
  readonly tenant?: { readonly id?: string };
  readonly team?: { readonly id?: string; readonly name?: string; readonly aadGroupId?: string };
};

/** An install before its roster is fetched (that takes a call to Teams). */
export type TeamActivity =
  | Exclude<TeamEvent, { kind: 'installed' }>
  | (Omit<Extract<TeamEvent, { kind: 'installed' }>, 'roster'> & { readonly roster?: undefined });

/**
 * Reads a team's conversationUpdate / installationUpdate: the bot added (installed) or removed, or
 * people joining or leaving. Anything else (chats, renames) is undefined.
 */
export function toTeamActivity(activity: Partial<Activity>): TeamActivity | undefined {
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  const tenantId = activity.conversation?.tenantId ?? data.tenant?.id;
  const teamId = data.team?.id;
  if (!tenantId || !teamId) return undefined;
  const botId = activity.recipient?.id;
  const isBot = (m: ChannelAccount) => m.id === botId;

  if (activity.type === 'installationUpdate') {
    const action = (activity as { action?: string }).action ?? '';
    return action.startsWith('remove') ? { kind: 'uninstalled', tenantId, teamId } : undefined;
  }
  if (activity.type !== 'conversationUpdate') return undefined;
  const added = activity.membersAdded ?? [];
  const removed = activity.membersRemoved ?? [];
  if (added.some(isBot)) {
    const installer = activity.from?.aadObjectId;
    return {
      kind: 'installed',
      tenantId,
      teamId,
      teamName: data.team?.name ?? '',
      ...(data.team?.aadGroupId ? { aadGroupId: data.team.aadGroupId } : {}),
      ...(installer
        ? {
            installer: {
              tenantId,
              userId: installer,
              ...(activity.from?.name ? { name: activity.from.name } : {}),
            },
          }
        : {}),
      channel: { conversationId: activity.conversation?.id ?? teamId, address: postAddress(activity) },
      ...(activity.locale ? { locale: activity.locale } : {}),
    };
  }
  if (removed.some(isBot)) return { kind: 'uninstalled', tenantId, teamId };
  if (added.length > 0) {
    return { kind: 'members-added', tenantId, teamId, members: added.flatMap(rosterEntry) };
  }
  if (removed.length > 0) {
    const userIds = removed.flatMap((m) => (m.aadObjectId ? [m.aadObjectId] : []));
    return { kind: 'members-removed', tenantId, teamId, userIds };
  }
  return undefined;
}

/** Where to post later: the conversation itself, not a reply to this activity. */
export function postAddress(activity: Partial<Activity>): Record<string, unknown> {
  const { activityId: _reply, ...reference } = TurnContext.getConversationReference(activity);
  return reference;
}

/**
 * A Teams account with an Entra identity as a roster entry (bots and guests without one are left
 * out), with its Teams user id (`29:…`), which card refresh lists and 1:1 chats are started with.
 */
export function rosterEntry(account: Partial<ChannelAccount>): RosterEntry[] {
  if (!account.aadObjectId) return [];
  return [
    {
      userId: account.aadObjectId,
      ...(account.name ? { name: account.name } : {}),
      ...(account.id ? { teamsUserId: account.id } : {}),
    },
  ];
}
