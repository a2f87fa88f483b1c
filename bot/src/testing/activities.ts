/** Who sends a test activity, and from where. */
export type TestSender = {
  readonly tenantId?: string;
  readonly aadObjectId?: string;
  readonly name?: string;
  readonly teamId?: string;
  readonly locale?: string;
  /** The channel's conversation id (default: a channel named after the team). */
  readonly channelId?: string;
  /** What Teams says of the channel in `channelData.channel.type` (default: nothing, as for a standard one). */
  readonly channelType?: 'standard' | 'shared' | 'private';
  /** A group chat rather than a personal one (without `teamId`). */
  readonly groupChat?: boolean;
  /** The client's IANA time zone (`localTimezone`, as Teams sends it). */
  readonly timeZone?: string;
};

let sequence = 0;

/** A Teams message activity as the Bot Connector service delivers it. */
export function teamsMessage(serviceUrl: string, text: string, from: TestSender): Record<string, unknown> {
  sequence += 1;
  const conversationType = from.teamId ? 'channel' : from.groupChat ? 'groupChat' : 'personal';
  return {
    type: 'message',
    id: `activity-${sequence}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    text,
    ...(from.locale ? { locale: from.locale } : {}),
    ...(from.timeZone ? { localTimezone: from.timeZone } : {}),
    from: {
      id: `29:${from.aadObjectId ?? 'anonymous'}`,
      name: from.name ?? 'Someone',
      aadObjectId: from.aadObjectId,
    },
    recipient: { id: '28:pipeline-crm-bot', name: 'Pipeline CRM' },
    conversation: {
      id: from.teamId
        ? (from.channelId ?? `19:${from.teamId}@thread.tacv2`)
        : from.groupChat
          ? '19:group-chat@thread.v2'
          : `a:personal-${from.aadObjectId ?? 'anonymous'}`,
      conversationType,
      ...(from.tenantId ? { tenantId: from.tenantId } : {}),
    },
    channelData: {
      ...(from.tenantId ? { tenant: { id: from.tenantId } } : {}),
      ...(from.teamId
        ? {
            team: { id: from.teamId },
            channel: {
              id: from.channelId ?? `19:${from.teamId}@thread.tacv2`,
              ...(from.channelType ? { type: from.channelType } : {}),
            },
          }
        : {}),
    },
  };
}

export const BOT_ACCOUNT = { id: '28:pipeline-crm-bot', name: 'Pipeline CRM' };

export type TestTeam = {
  readonly tenantId: string;
  readonly teamId: string;
  readonly name: string;
  readonly aadGroupId?: string;
};

const teamActivity = (
  serviceUrl: string,
  team: TestTeam,
  from: TestSender,
  extra: Record<string, unknown>,
) => {
  sequence += 1;
  return {
    type: 'conversationUpdate',
    id: `activity-${sequence}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    ...(from.locale ? { locale: from.locale } : {}),
    from: {
      id: `29:${from.aadObjectId ?? 'anonymous'}`,
      name: from.name ?? 'Someone',
      aadObjectId: from.aadObjectId,
    },
    recipient: BOT_ACCOUNT,
    conversation: { id: team.teamId, conversationType: 'channel', isGroup: true, tenantId: team.tenantId },
    channelData: {
      tenant: { id: team.tenantId },
      team: { id: team.teamId, name: team.name, ...(team.aadGroupId ? { aadGroupId: team.aadGroupId } : {}) },
      ...(extra.channelData as object),
    },
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'channelData')),
  };
};

/** The conversationUpdate Teams sends when someone adds the bot to a team. */
export const botInstalled = (serviceUrl: string, team: TestTeam, installer: TestSender) =>
  teamActivity(serviceUrl, team, installer, {
    membersAdded: [BOT_ACCOUNT],
    channelData: { eventType: 'teamMemberAdded' },
  });

export const botRemoved = (serviceUrl: string, team: TestTeam, by: TestSender) =>
  teamActivity(serviceUrl, team, by, {
    membersRemoved: [BOT_ACCOUNT],
    channelData: { eventType: 'teamMemberRemoved' },
  });

type Person = { readonly aadObjectId: string; readonly name?: string };
const accounts = (people: readonly Person[]) =>
  people.map((p) => ({
    id: `29:${p.aadObjectId}`,
    aadObjectId: p.aadObjectId,
    ...(p.name ? { name: p.name } : {}),
  }));

/** People added to the team (`teamMemberAdded`). */
export const membersAdded = (serviceUrl: string, team: TestTeam, people: readonly Person[]) =>
  teamActivity(
    serviceUrl,
    team,
    {},
    { membersAdded: accounts(people), channelData: { eventType: 'teamMemberAdded' } },
  );

/** People removed from the team (`teamMemberRemoved`). */
export const membersRemoved = (serviceUrl: string, team: TestTeam, people: readonly Person[]) =>
  teamActivity(
    serviceUrl,
    team,
    {},
    { membersRemoved: accounts(people), channelData: { eventType: 'teamMemberRemoved' } },
  );

/** A shared or private channel of a test team: its own conversation id. */
export type TestChannel = { readonly id: string; readonly type: 'shared' | 'private' };

/**
 * People added to or removed from one shared or private channel (`channelMemberAdded` /
 * `channelMemberRemoved`): the team's id is in `channelData.team`, the conversation is the channel.
 */
export const channelMembersChanged = (
  serviceUrl: string,
  team: TestTeam,
  channel: TestChannel,
  change: 'added' | 'removed',
  people: readonly Person[],
) =>
  teamActivity(
    serviceUrl,
    team,
    {},
    {
      ...(change === 'added' ? { membersAdded: accounts(people) } : { membersRemoved: accounts(people) }),
      conversation: { id: channel.id, conversationType: 'channel', isGroup: true, tenantId: team.tenantId },
      channelData: {
        eventType: change === 'added' ? 'channelMemberAdded' : 'channelMemberRemoved',
        channel: { id: channel.id, type: channel.type },
      },
    },
  );

/** Someone on a test team's roster: Teams user id (`29:…`), Entra object id, name and tenant. */
export type RosterPerson = {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly tenantId: string;
};
export const rosterPerson = (id: string, name: string, tenantId: string): RosterPerson => ({
  id: `29:${id}`,
  aadObjectId: id,
  name,
  tenantId,
});

/** Who writes in the team's channel; `teamId: undefined` in `extra` makes it their personal chat. */
export const channelSender =
  (team: TestTeam) =>
  (
    p: { readonly aadObjectId: string; readonly name: string },
    extra: Partial<TestSender> = {},
  ): TestSender => ({
    tenantId: team.tenantId,
    aadObjectId: p.aadObjectId,
    name: p.name,
    teamId: team.teamId,
    channelId: team.teamId,
    ...extra,
  });

/** The same person as the use cases see them. */
export const personActor = (
  team: TestTeam,
  p: { readonly aadObjectId: string; readonly name: string },
): { tenantId: string; userId: string; name: string } => ({
  tenantId: team.tenantId,
  userId: p.aadObjectId,
  name: p.name,
});

/** An `adaptiveCard/action` invoke: someone pressed an Action.Execute button (inputs merged into data). */
export function cardAction(
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
  from: TestSender,
): Record<string, unknown> {
  const message = teamsMessage(serviceUrl, '', from);
  return {
    ...message,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** A compose-box search or a pasted link. */
export function composeQuery(
  serviceUrl: string,
  query: { search: string; kind?: string } | { url: string },
  from: TestSender,
): Record<string, unknown> {
  const message = teamsMessage(serviceUrl, '', from);
  return 'search' in query
    ? {
        ...message,
        type: 'invoke',
        name: 'composeExtension/query',
        value: {
          commandId: 'searchRecords',
          parameters: [
            { name: 'query', value: query.search },
            ...(query.kind ? [{ name: 'kind', value: query.kind }] : []),
          ],
        },
      }
    : { ...message, type: 'invoke', name: 'composeExtension/queryLink', value: { url: query.url } };
}

/**
 * A message action invoked on a message (`composeExtension/fetchTask`, then `submitAction` with the
 * dialog's inputs), as Teams sends it: the message's id, sender (Entra object id), HTML and link.
 */
export function messageActionInvoke(
  serviceUrl: string,
  step: 'fetch' | 'submit',
  commandId: string,
  message: {
    readonly id: string;
    readonly sender: { readonly aadObjectId: string; readonly name: string };
    readonly html: string;
    readonly link: string;
  },
  from: TestSender,
  data: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...teamsMessage(serviceUrl, '', from),
    type: 'invoke',
    name: step === 'fetch' ? 'composeExtension/fetchTask' : 'composeExtension/submitAction',
    value: {
      commandId,
      commandContext: 'message',
      ...(step === 'submit' ? { data } : {}),
      messagePayload: {
        id: message.id,
        messageType: 'message',
        createdDateTime: '2026-12-06T08:00:00.000Z',
        linkToMessage: message.link,
        from: {
          user: {
            id: message.sender.aadObjectId,
            displayName: message.sender.name,
            userIdentityType: 'aadUser',
          },
        },
        body: { contentType: 'html', content: message.html },
      },
    },
  };
}
