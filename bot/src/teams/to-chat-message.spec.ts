import { toChatMessage } from './to-chat-message';

describe('toChatMessage', () => {
  it('given a Teams channel message, then tenant, Entra user, team, locale and text', () => {
    expect(
      toChatMessage({
        text: '<at>CRM</at> leads',
        locale: 'nb-NO',
        from: { id: '29:x', name: 'Kari', aadObjectId: 'user-1' },
        conversation: { id: 'c', isGroup: true, conversationType: 'channel', name: '', tenantId: 'tenant-1' },
        channelData: { tenant: { id: 'tenant-1' }, team: { id: 'team-1' } },
      }),
    ).toEqual({
      text: '<at>CRM</at> leads',
      locale: 'nb-NO',
      tenantId: 'tenant-1',
      userId: 'user-1',
      userName: 'Kari',
      teamsUserId: '29:x',
      teamId: 'team-1',
    });
  });

  it('given the tenant only in channelData and no team (a personal chat), then no team id', () => {
    const message = toChatMessage({
      text: 'help',
      from: { id: '29:x', name: 'Kari', aadObjectId: 'user-1' },
      channelData: { tenant: { id: 'tenant-1' } },
    });
    expect(message).toEqual({
      text: 'help',
      tenantId: 'tenant-1',
      userId: 'user-1',
      userName: 'Kari',
      teamsUserId: '29:x',
    });
  });

  it('given an Emulator message, then no identity', () => {
    expect(toChatMessage({ text: 'help', from: { id: 'emulator-user', name: 'User' } })).toEqual({
      text: 'help',
      userName: 'User',
      teamsUserId: 'emulator-user',
    });
  });
});
