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

const event = (eventType: string, extra: Record<string, unknown>) => ({
  ...base,
  type: 'conversationUpdate',
  ...extra,
  channelData: { ...base.channelData, eventType, ...(extra.channelData as object) },
});

describe('toTeamActivity', () => {
  it('given the bot added to a team, then an install by the sender, posting to the channel itself', () => {
    const installed = toTeamActivity({
      ...event('teamMemberAdded', { membersAdded: [{ id: '28:bot', name: 'Bot' }] }),
      id: 'act-1',
    });
    expect(installed).toMatchObject({
      kind: 'installed',
      tenantId: 'tenant-1',
      teamId: '19:team@thread.tacv2',
      teamName: 'Sales',
      aadGroupId: 'g1',
      installer: { tenantId: 'tenant-1', userId: 'anna', name: 'Anna' },
      channel: { conversationId: '19:team@thread.tacv2' },
    });
    expect(installed?.kind === 'installed' && installed.channel.address).not.toHaveProperty('activityId');
  });

  it.each([
    [
      'bot removed',
      event('teamMemberRemoved', { membersRemoved: [{ id: '28:bot', name: 'Bot' }] }),
      { kind: 'uninstalled' },
    ],
    ['app uninstalled', { ...base, type: 'installationUpdate', action: 'remove' }, { kind: 'uninstalled' }],
    [
      'people joined the team: joiners for the roster to confirm',
      event('teamMemberAdded', {
        membersAdded: [
          { id: '29:b', name: 'Bo', aadObjectId: 'bo' },
          { id: '28:other-bot', name: 'X' },
        ],
      }),
      { kind: 'members-joining', joiners: [{ id: '29:b', name: 'Bo', aadObjectId: 'bo' }] },
    ],
    [
      'people left the team',
      event('teamMemberRemoved', { membersRemoved: [{ id: '29:b', name: 'Bo', aadObjectId: 'bo' }] }),
      { kind: 'members-removed', userIds: ['bo'] },
    ],
  ])('%s', (_, activity, expected) => {
    expect(toTeamActivity(activity as never)).toMatchObject(expected);
  });

  it.each([
    ['someone added to a shared channel', 'channelMemberAdded', 'membersAdded'],
    ['someone removed from a shared channel', 'channelMemberRemoved', 'membersRemoved'],
    ['the bot allowed in a shared channel', 'channelMemberAdded', 'membersAdded'],
    ['no event type at all', undefined, 'membersAdded'],
  ])('given %s, then the team is not changed', (name, eventType, field) => {
    const member = name.includes('bot') ? { id: '28:bot' } : { id: '29:m', aadObjectId: 'mallory' };
    const activity = {
      ...base,
      type: 'conversationUpdate',
      [field!]: [member],
      channelData: {
        ...base.channelData,
        ...(eventType ? { eventType } : {}),
        channel: { id: '19:x', type: 'shared' },
      },
    };
    expect(toTeamActivity(activity as never)).toBeUndefined();
  });

  it('given no team (a chat) or a rename, then nothing', () => {
    expect(
      toTeamActivity({
        ...base,
        type: 'conversationUpdate',
        channelData: { tenant: { id: 't' }, eventType: 'teamMemberAdded' },
        membersAdded: [{ id: '28:bot', name: 'B' }],
      }),
    ).toBeUndefined();
    expect(toTeamActivity(event('teamRenamed', {}))).toBeUndefined();
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
