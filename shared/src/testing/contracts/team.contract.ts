import type { Version } from '../../records/versions';
import type { ChannelSubscription } from '../../workspace/team';
import { TEST_INSTANT } from '../builders';
import { expectOk, uniqueId, type StorageUnderTest } from './contract-fixtures';

/** Teams, rosters, channel subscriptions and personal chats. */
export function teamContract(storage: () => StorageUnderTest): void {
  describe('teams and conversations', () => {
    it('records a team and its roster, per tenant', async () => {
      const { teams } = storage();
      const tenant = uniqueId('t');
      const teamId = `19:${uniqueId('team')}@thread.tacv2`;
      await teams.saveTeam({
        tenantId: tenant,
        teamId,
        name: 'Salg',
        installedAt: TEST_INSTANT,
        installedBy: 'u1',
      });
      await teams.addToRoster(tenant, teamId, [{ userId: 'u1', name: 'Kari' }, { userId: 'u/2#?' }]);
      await teams.addToRoster(tenant, teamId, [{ userId: 'u1', name: 'Kari N.', teamsUserId: '29:kari' }]);
      await teams.removeFromRoster(tenant, teamId, ['u/2#?', 'never-there']);

      expect(await teams.getTeam(tenant, teamId)).toMatchObject({ name: 'Salg', installedBy: 'u1' });
      expect(await teams.getTeam(uniqueId('other'), teamId)).toBeUndefined();
      const kari = { userId: 'u1', name: 'Kari N.', teamsUserId: '29:kari' };
      expect(await teams.listRoster(tenant, teamId)).toEqual([kari]);
      expect(await teams.rosterEntry(tenant, teamId, 'u1')).toEqual(kari);
      expect(await teams.rosterEntry(tenant, teamId, 'u/2#?')).toBeUndefined();
      expect(await teams.rosterEntry(uniqueId('other'), teamId, 'u1')).toBeUndefined();
    });

    it('keeps a roster of more than one batch', async () => {
      const { teams } = storage();
      const tenant = uniqueId('t');
      const entries = Array.from({ length: 150 }, (_, i) => ({
        userId: `user-${String(i).padStart(3, '0')}`,
      }));
      await teams.addToRoster(tenant, 'team', entries);
      expect(await teams.listRoster(tenant, 'team')).toHaveLength(150);
    });

    it('creates, guards and removes a channel subscription; keeps personal chats', async () => {
      const { conversations } = storage();
      const ws = uniqueId('ws');
      const sub: ChannelSubscription = {
        workspaceId: ws,
        conversationId: '19:abc@thread.tacv2;messageid=1',
        address: { serviceUrl: 'https://smba.example/', conversation: { id: '19:abc' } },
        teamId: 'team',
        topics: ['conversions', 'stages', 'won'],
        updatedAt: TEST_INSTANT,
        updatedBy: 'u1',
      };
      const v1 = expectOk(await conversations.saveSubscription(sub));
      expect(await conversations.saveSubscription(sub)).toMatchObject({
        ok: false,
        error: { code: 'CONCURRENCY.STALE' },
      });
      const v2 = expectOk(await conversations.saveSubscription({ ...sub, topics: ['won'] }, v1));
      expect(await conversations.saveSubscription(sub, v1)).toMatchObject({ ok: false });
      expect(await conversations.getSubscription(ws, sub.conversationId)).toEqual({
        record: { ...sub, topics: ['won'] },
        version: v2 as Version,
      });
      expect(await conversations.listSubscriptions(ws)).toEqual([{ ...sub, topics: ['won'] }]);
      expect(await conversations.listSubscriptionVersions(ws)).toEqual([
        { record: { ...sub, topics: ['won'] }, version: v2 },
      ]);
      // Guarded by the version read: an older one removes nothing.
      expect(await conversations.removeSubscription(ws, sub.conversationId, v1)).toMatchObject({
        ok: false,
        error: { code: 'CONCURRENCY.STALE' },
      });
      expectOk(await conversations.removeSubscription(ws, sub.conversationId, v2));
      expect(await conversations.removeSubscription(ws, sub.conversationId, v2)).toMatchObject({
        ok: false,
        error: { code: 'CONCURRENCY.STALE' },
      });
      expectOk(await conversations.saveSubscription(sub));
      expectOk(await conversations.removeSubscription(ws, sub.conversationId));
      expectOk(await conversations.removeSubscription(ws, sub.conversationId));
      expect(await conversations.listSubscriptions(ws)).toEqual([]);

      const tenant = uniqueId('t');
      await conversations.savePersonalChat(tenant, 'u1', { conversation: { id: 'a:1' } });
      expect(await conversations.getPersonalChat(tenant, 'u1')).toEqual({ conversation: { id: 'a:1' } });
      expect(await conversations.getPersonalChat(tenant, 'u2')).toBeUndefined();

      // The time zone Teams names with a message is kept; a chat saved without one keeps it.
      expect(await conversations.getPersonalTimeZone(tenant, 'u1')).toBeUndefined();
      await conversations.savePersonalChat(tenant, 'u1', { conversation: { id: 'a:1' } }, 'Europe/Oslo');
      await conversations.savePersonalChat(tenant, 'u1', { conversation: { id: 'a:1b' } });
      expect(await conversations.getPersonalTimeZone(tenant, 'u1')).toBe('Europe/Oslo');
      expect(await conversations.getPersonalChat(tenant, 'u1')).toEqual({ conversation: { id: 'a:1b' } });
      expect(await conversations.getPersonalTimeZone(uniqueId('t'), 'u1')).toBeUndefined();
    });
  });
}
