import type { Activity, ChannelAccount } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { RosterEntry } from '@crm/shared';
import type { TeamEvent } from '../chat/team-event';

type TeamsChannelData = {
  readonly eventType?: string;
  readonly tenant?: { readonly id?: string };
  readonly team?: { readonly id?: string; readonly name?: string; readonly aadGroupId?: string };
};

/** Someone Teams says joined the team, before the team's roster confirms it. */
export type Joiner = { readonly id?: string; readonly aadObjectId: string; readonly name?: string };

/**
 * A team event as Teams reports it, before the calls to Teams that settle it: an install before its
 * roster is fetched, joiners before the roster confirms them.
 */
export type TeamActivity =
  | Exclude<TeamEvent, { kind: 'installed' } | { kind: 'members-added' }>
  | (Omit<Extract<TeamEvent, { kind: 'installed' }>, 'roster'> & { readonly roster?: undefined })
  | {
      readonly kind: 'members-joining';
      readonly tenantId: string;
      readonly teamId: string;
      readonly joiners: readonly Joiner[];
    };

/**
 * Reads a team's conversationUpdate / installationUpdate: the bot added (installed) or removed, or
 * people joining or leaving the team. Only `teamMemberAdded` / `teamMemberRemoved` change the team:
 * `channelMemberAdded` / `channelMemberRemoved` (someone added to or removed from a shared or private
 * channel, possibly of another tenant) and anything else (chats, renames) are undefined.
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
  switch (data.eventType) {
    case 'teamMemberAdded': {
      if (added.some(isBot)) return installed(activity, data, tenantId, teamId);
      const joiners = added.flatMap((m): Joiner[] =>
        m.aadObjectId
          ? [
              {
                aadObjectId: m.aadObjectId,
                ...(m.id ? { id: m.id } : {}),
                ...(m.name ? { name: m.name } : {}),
              },
            ]
          : [],
      );
      return joiners.length > 0 ? { kind: 'members-joining', tenantId, teamId, joiners } : undefined;
    }
    case 'teamMemberRemoved': {
      if (removed.some(isBot)) return { kind: 'uninstalled', tenantId, teamId };
      const userIds = removed.flatMap((m) => (m.aadObjectId ? [m.aadObjectId] : []));
      return userIds.length > 0 ? { kind: 'members-removed', tenantId, teamId, userIds } : undefined;
    }
    default:
      return undefined;
  }
}

function installed(
  activity: Partial<Activity>,
  data: TeamsChannelData,
  tenantId: string,
  teamId: string,
): TeamActivity {
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
