import { retryAfterMsOf } from './teams-poster';
import { toTeamActivity } from './to-team-event';

const base = {
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:1',
  recipient: { id: '28:bot', name: 'Bot' },
  from: { id: '29:a', name: 'Anna', aadObjectId: 'anna' },
  conversation: {
    id: '19:team@thread.tacv2',
    tenantId: 'tenant-1',
    isGroup: true,
    conversationType: 'channel',
    name: '',
  },
  channelData: {
    tenant: { id: 'tenant-1' },
    team: { id: '19:team@thread.tacv2', name: 'Sales', aadGroupId: 'g1' },
  },
};

describe('toTeamActivity', () => {
  it('given the bot added to a team, then an install by the sender, posting to the channel itself', () => {
    const event = toTeamActivity({
      ...base,
      id: 'act-1',
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:bot', name: 'Bot' }],
    });
    expect(event).toMatchObject({
      kind: 'installed',
      tenantId: 'tenant-1',
      teamId: '19:team@thread.tacv2',
      teamName: 'Sales',
      aadGroupId: 'g1',
      installer: { tenantId: 'tenant-1', userId: 'anna', name: 'Anna' },
      channel: { conversationId: '19:team@thread.tacv2' },
    });
    expect(event?.kind === 'installed' && event.channel.address).not.toHaveProperty('activityId');
  });

  it.each([
    [
      'bot removed',
      { type: 'conversationUpdate', membersRemoved: [{ id: '28:bot', name: 'Bot' }] },
      { kind: 'uninstalled' },
    ],
    ['app uninstalled', { type: 'installationUpdate', action: 'remove' }, { kind: 'uninstalled' }],
    [
      'people joined',
      {
        type: 'conversationUpdate',
        membersAdded: [
          { id: '29:b', name: 'Bo', aadObjectId: 'bo' },
          { id: '28:other-bot', name: 'X' },
        ],
      },
      { kind: 'members-added', members: [{ userId: 'bo', name: 'Bo', teamsUserId: '29:b' }] },
    ],
    [
      'people left',
      { type: 'conversationUpdate', membersRemoved: [{ id: '29:b', name: 'Bo', aadObjectId: 'bo' }] },
      { kind: 'members-removed', userIds: ['bo'] },
    ],
  ])('%s', (_, extra, expected) => {
    expect(toTeamActivity({ ...base, ...extra } as never)).toMatchObject(expected);
  });

  it('given no team (a chat) or a rename, then nothing', () => {
    expect(
      toTeamActivity({
        ...base,
        type: 'conversationUpdate',
        channelData: { tenant: { id: 't' } },
        membersAdded: [{ id: '28:bot', name: 'B' }],
      }),
    ).toBeUndefined();
    expect(toTeamActivity({ ...base, type: 'conversationUpdate' })).toBeUndefined();
  });
});

describe('retryAfterMsOf', () => {
  it.each([
    [undefined, undefined],
    ['3', 3000],
    ['0', 0],
    ['Sun, 29 Nov 2026 10:00:05 GMT', 5000],
    ['soon', undefined],
  ])('%s → %s', (header, ms) => {
    expect(retryAfterMsOf(header, Date.parse('Sun, 29 Nov 2026 10:00:00 GMT'))).toBe(ms);
  });
});
