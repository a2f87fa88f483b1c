import type { RosterEntry } from '@crm/shared';
import type { TeamInstall } from '@crm/shared/application';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/auth/demo-people';

/**
 * The Microsoft 365 Agents Playground's team (`.m365agentsplayground.yml`). As in Teams, its General
 * channel's conversation id is the team id.
 */
export const PLAYGROUND_TEAM = {
  teamId: 'team-id',
  name: 'My Team',
  aadGroupId: '00000000-0000-0000-0000-000000000031',
} as const;

/** The bot as the playground names it: the `recipient` of every activity it sends. */
export const PLAYGROUND_BOT = { id: '00000000-0000-0000-0000-00000000000011', name: 'Pipeline CRM' } as const;

/** Where `npm start` runs the playground's Bot Connector (`PLAYGROUND_PORT`, default 56150). */
export const DEFAULT_PLAYGROUND_SERVICE_URL = 'http://127.0.0.1:56150/_connector';

/**
 * On the playground's team too (its config wants five users besides the current one, all in the
 * team), so on the roster the bot reads; the sign-in does not offer them.
 */
const ALSO_ON_THE_TEAM: readonly RosterEntry[] = [
  { userId: '00000000-0000-0000-0000-0000000000023', name: 'Isaiah Langer', teamsUserId: '29:isaiah-langer' },
  {
    userId: '00000000-0000-0000-0000-0000000000024',
    name: 'Patti Fernandez',
    teamsUserId: '29:patti-fernandez',
  },
  { userId: '00000000-0000-0000-0000-0000000000025', name: 'Lynne Robbins', teamsUserId: '29:lynne-robbins' },
];

/**
 * What the bot records when Alex adds it to the playground's "My Team": the team, the General
 * channel's conversation reference (Bot Framework's, as `TurnContext.getConversationReference` reads
 * it from the playground's `conversationUpdate`), and the roster as the playground's connector lists
 * it (`getPagedTeamMembers`). `serviceUrl` is the playground's Bot Connector, where the bot posts.
 */
export function playgroundTeamInstall(serviceUrl: string): TeamInstall {
  const [owner] = DEMO_PEOPLE;
  const { teamId, name, aadGroupId } = PLAYGROUND_TEAM;
  return {
    teamId,
    teamName: name,
    aadGroupId,
    installer: { tenantId: DEMO_TENANT_ID, userId: owner.userId, name: owner.name },
    channel: {
      conversationId: teamId,
      address: {
        user: { id: owner.teamsUserId, aadObjectId: owner.userId },
        bot: { ...PLAYGROUND_BOT },
        conversation: { isGroup: true, conversationType: 'channel', tenantId: DEMO_TENANT_ID, id: teamId },
        channelId: 'msteams',
        locale: 'en-US',
        serviceUrl,
      },
    },
    roster: [
      ...DEMO_PEOPLE.map(({ userId, name, teamsUserId }) => ({ userId, name, teamsUserId })),
      ...ALSO_ON_THE_TEAM,
    ],
  };
}
