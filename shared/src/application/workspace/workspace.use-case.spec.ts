import { anActor, codeOf, expectOk, inMemoryApp } from '../../testing/app-harness';
import { recordTeam } from '../../testing/teams';
import {
  addMember,
  changeMemberRole,
  createWorkspace,
  getWorkspace,
  listMembers,
  listMyWorkspaces,
  removeMember,
  updateWorkspace,
} from './workspace.use-case';

const anna = anActor();
const bo = anActor({ userId: 'user-bo', name: 'Bo' });

describe('workspace use cases', () => {
  it('given a new workspace, then its creator is its owner and sees it in their list', async () => {
    const app = inMemoryApp();
    await recordTeam(app.deps, anna.tenantId, 'team-1', [anna.userId]);
    const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'Verkoop', teamId: 'team-1' }));

    expect(ws.role).toBe('owner');
    expect((await listMyWorkspaces(app.deps, anna)).map((m) => m.workspace.id)).toEqual([ws.record.id]);
    expect(await listMyWorkspaces(app.deps, bo)).toEqual([]);
  });

  it('given an Idempotency-Key, when the create is retried, then the same workspace comes back', async () => {
    const app = inMemoryApp();
    const first = expectOk(await createWorkspace(app.deps, anna, { name: 'Vendas' }, 'k-1'));
    const retry = expectOk(await createWorkspace(app.deps, anna, { name: 'Vendas' }, 'k-1'));
    const raced = await Promise.all(
      [1, 2, 3].map(() => createWorkspace(app.deps, anna, { name: 'Salg' }, 'k-2')),
    );

    expect(retry.record.id).toBe(first.record.id);
    expect(codeOf(await createWorkspace(app.deps, anna, { name: 'Other' }, 'k-1'))).toBe(
      'IDEMPOTENCY.KEY_REUSED',
    );
    expect(new Set(raced.map((r) => expectOk(r).record.id)).size).toBe(1);
    expect(await listMyWorkspaces(app.deps, anna)).toHaveLength(2);
    // The key is the user's own: another user with the same key gets a workspace of their own.
    expect(expectOk(await createWorkspace(app.deps, bo, { name: 'Vendas' }, 'k-1')).record.id).not.toBe(
      first.record.id,
    );
  });

  it('given someone who created as many workspaces as one person may, then the next is refused, retries and others are not', async () => {
    const app = inMemoryApp();
    const capped = { ...app.deps, limits: { workspacesPerUser: 3 } };
    for (const name of ['A', 'B']) expectOk(await createWorkspace(capped, anna, { name }));
    const third = expectOk(await createWorkspace(capped, anna, { name: 'C' }, 'k-c'));
    // Bo's workspace that Anna is a member of was not created by her: it does not count.
    const bos = expectOk(await createWorkspace(capped, bo, { name: 'Bo' }));
    expectOk(await addMember(capped, bo, bos.record.id, { userId: anna.userId, role: 'member' }));

    const refused = await createWorkspace(capped, anna, { name: 'D' });
    expect(refused).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'WORKSPACE.LIMIT_REACHED', details: { max: 3 } }),
    });
    expect((await listMyWorkspaces(capped, anna)).map((m) => m.workspace.name).sort()).toEqual([
      'A',
      'B',
      'Bo',
      'C',
    ]);
    // A retry of a create that succeeded finds it; it is not one more.
    expect(expectOk(await createWorkspace(capped, anna, { name: 'C' }, 'k-c')).record.id).toBe(
      third.record.id,
    );
    expectOk(await createWorkspace(capped, bo, { name: 'Bo 2' }));
  });

  it('given no configured cap, then 20 workspaces a person is the default', async () => {
    const app = inMemoryApp();
    for (let i = 0; i < 20; i++) expectOk(await createWorkspace(app.deps, anna, { name: `W${i}` }));
    expect(codeOf(await createWorkspace(app.deps, anna, { name: 'W20' }))).toBe('WORKSPACE.LIMIT_REACHED');
  });

  it('given a team bound to a workspace, then a second workspace for it is refused', async () => {
    const app = inMemoryApp();
    await recordTeam(app.deps, anna.tenantId, 'team-1', [anna.userId]);
    expectOk(await createWorkspace(app.deps, anna, { name: 'A', teamId: 'team-1' }));
    expect(codeOf(await createWorkspace(app.deps, anna, { name: 'B', teamId: 'team-1' }))).toBe(
      'WORKSPACE.TEAM_ALREADY_BOUND',
    );
  });

  it('given a team id the bot never recorded, or whose roster lacks the caller, then binding is refused', async () => {
    const app = inMemoryApp();
    await recordTeam(app.deps, anna.tenantId, 'team-2', [bo.userId]);
    await recordTeam(app.deps, anna.tenantId, 'team-3', [anna.userId], {
      removedAt: '2026-11-23T00:00:00.000Z',
    });
    for (const teamId of ['team-unknown', 'team-2', 'team-3']) {
      expect(codeOf(await createWorkspace(app.deps, anna, { name: 'Mine now', teamId }))).toBe(
        'WORKSPACE.TEAM_NOT_VERIFIED',
      );
    }
    // The same team id in another tenant is another team.
    const mallory = anActor({ tenantId: 'tenant-b', userId: bo.userId });
    expect(codeOf(await createWorkspace(app.deps, mallory, { name: 'X', teamId: 'team-2' }))).toBe(
      'WORKSPACE.TEAM_NOT_VERIFIED',
    );
    expect(await app.deps.workspaces.findByTeam(anna.tenantId, 'team-2')).toBeUndefined();
  });

  it('given a recorded team, when a roster member binds it, then the roster become members and its channel is subscribed', async () => {
    const app = inMemoryApp();
    const channel = { conversationId: '19:general@thread.tacv2', address: { serviceUrl: 'x' } };
    await recordTeam(app.deps, anna.tenantId, 'team-4', [anna.userId, bo.userId], { channel });
    const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'Sales', teamId: 'team-4' }));

    const members = expectOk(await listMembers(app.deps, anna, ws.record.id));
    expect(members.map((m) => [m.userId, m.role])).toEqual([
      [anna.userId, 'owner'],
      [bo.userId, 'member'],
    ]);
    expect(await app.deps.conversations.listSubscriptions(ws.record.id)).toEqual([
      expect.objectContaining({
        conversationId: channel.conversationId,
        topics: ['conversions', 'stages', 'won'],
      }),
    ]);
  });

  it('given another tenant with the same user id, then the workspace does not exist for them', async () => {
    const app = inMemoryApp();
    const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'A' })).record.id;
    expect(codeOf(await getWorkspace(app.deps, anActor({ tenantId: 'tenant-b' }), ws))).toBe(
      'WORKSPACE.NOT_FOUND',
    );
  });

  it('given members, then only owners manage and the last owner cannot leave', async () => {
    const app = inMemoryApp();
    const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'A' })).record.id;
    expectOk(await addMember(app.deps, anna, ws, { userId: 'user-bo', role: 'member' }));

    expect(codeOf(await addMember(app.deps, bo, ws, { userId: 'user-cy', role: 'member' }))).toBe(
      'WORKSPACE.OWNER_REQUIRED',
    );
    expect(codeOf(await addMember(app.deps, anna, ws, { userId: 'user-bo', role: 'member' }))).toBe(
      'WORKSPACE.MEMBER_EXISTS',
    );
    expect(codeOf(await removeMember(app.deps, anna, ws, anna.userId))).toBe('WORKSPACE.LAST_OWNER');
    expect(codeOf(await changeMemberRole(app.deps, anna, ws, anna.userId, { role: 'member' }))).toBe(
      'WORKSPACE.LAST_OWNER',
    );

    expectOk(await changeMemberRole(app.deps, anna, ws, 'user-bo', { role: 'owner' }));
    expectOk(await removeMember(app.deps, anna, ws, anna.userId));
    expect(codeOf(await getWorkspace(app.deps, anna, ws))).toBe('WORKSPACE.NOT_FOUND');
    expect((await listMyWorkspaces(app.deps, anna)).length).toBe(0);
    expect(expectOk(await listMembers(app.deps, bo, ws)).map((m) => m.userId)).toEqual(['user-bo']);
  });

  it('given a member, then they may leave on their own', async () => {
    const app = inMemoryApp();
    const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'A' })).record.id;
    expectOk(await addMember(app.deps, anna, ws, { userId: 'user-bo', role: 'member' }));
    expectOk(await removeMember(app.deps, bo, ws, 'user-bo'));
    expect(codeOf(await getWorkspace(app.deps, bo, ws))).toBe('WORKSPACE.NOT_FOUND');
  });

  it('given settings changes, then they need the current version and valid stages', async () => {
    const app = inMemoryApp();
    const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'A' }));

    expect(codeOf(await updateWorkspace(app.deps, anna, ws.record.id, undefined, { name: 'B' }))).toBe(
      'CONCURRENCY.VERSION_REQUIRED',
    );
    const renamed = expectOk(
      await updateWorkspace(app.deps, anna, ws.record.id, ws.version, { name: 'B', defaultCurrency: 'BRL' }),
    );
    expect(renamed.record.settings.defaultCurrency).toBe('BRL');
    expect(codeOf(await updateWorkspace(app.deps, anna, ws.record.id, ws.version, { name: 'C' }))).toBe(
      'CONCURRENCY.STALE',
    );
    const duplicateIds = [
      { id: 'demo', probability: 20, forecastCategory: 'pipeline' },
      { id: 'demo', probability: 30, forecastCategory: 'pipeline' },
    ];
    expect(
      codeOf(await updateWorkspace(app.deps, anna, ws.record.id, renamed.version, { stages: duplicateIds })),
    ).toBe('WORKSPACE.INVALID_STAGES');
  });
});
