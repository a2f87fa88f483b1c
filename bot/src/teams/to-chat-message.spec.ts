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

  it.each([
    [{ localTimezone: 'Europe/Oslo' }, 'Europe/Oslo'],
    [
      { entities: [{ type: 'clientInfo', locale: 'pt-BR', timezone: 'America/Sao_Paulo' }] },
      'America/Sao_Paulo',
    ],
    [{ entities: [{ type: 'mention' }] }, undefined],
  ])('given %j, then the sender’s time zone is %s', (extra, timeZone) => {
    const message = toChatMessage({ text: 'today', from: { id: '29:x', name: 'Kari' }, ...extra });
    expect(message.timeZone).toBe(timeZone);
  });

  it('given an Emulator message, then no identity', () => {
    expect(toChatMessage({ text: 'help', from: { id: 'emulator-user', name: 'User' } })).toEqual({
      text: 'help',
      userName: 'User',
      teamsUserId: 'emulator-user',
    });
  });

  it.each([
    ['channel', undefined, 'channel'],
    ['channel', 'standard', 'channel'],
    ['channel', 'shared', 'restrictedChannel'],
    ['channel', 'private', 'restrictedChannel'],
    ['groupChat', undefined, 'groupChat'],
    ['personal', undefined, 'personal'],
  ])('given a %s conversation (channel type %s), then a %s', (conversationType, channelType, type) => {
    const message = toChatMessage({
      text: 'leads',
      serviceUrl: 'http://127.0.0.1:1',
      channelId: 'msteams',
      from: { id: '29:x', name: 'Kari', aadObjectId: 'user-1' },
      recipient: { id: '28:bot', name: 'Bot' },
      conversation: { id: 'c;messageid=1', isGroup: true, conversationType, name: '', tenantId: 'tenant-1' },
      channelData: {
        team: { id: 'team-1' },
        channel: { id: 'c', ...(channelType ? { type: channelType } : {}) },
      },
    });
    expect(message.conversation).toMatchObject({ id: 'c', type });
  });
});
