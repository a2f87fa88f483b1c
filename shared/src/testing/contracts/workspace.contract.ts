import type { Workspace } from '../../workspace/workspace';
import { aMember, aWorkspace } from '../builders';
import { expectOk, uniqueId, type StorageUnderTest } from './contract-fixtures';

function fresh(overrides: Partial<Workspace> = {}) {
  const tenantId = uniqueId('tenant');
  const workspace = aWorkspace({ id: uniqueId('ws'), tenantId, ...overrides });
  const owner = aMember(workspace, { userId: uniqueId('owner') });
  return { workspace, owner, tenantId: workspace.tenantId };
}

/** Workspaces, team bindings, members and the user → workspaces directory. */
export function workspaceContract(storage: () => StorageUnderTest): void {
  describe('workspaces', () => {
    it('creates a workspace with its owner, readable by id, member and user', async () => {
      const { workspaces } = storage();
      const { workspace, owner, tenantId } = fresh();

      const created = expectOk(await workspaces.create(workspace, owner));

      expect(await workspaces.get(workspace.id)).toEqual(created);
      expect(created.record).toEqual(workspace);
      expect(await workspaces.getMember(workspace.id, owner.userId)).toEqual(owner);
      expect(await workspaces.listMembers(workspace.id)).toEqual([owner]);
      expect(await workspaces.listForUser(tenantId, owner.userId)).toEqual([{ workspace, role: 'owner' }]);
      expect(await workspaces.listForUser(uniqueId('other-tenant'), owner.userId)).toEqual([]);
      expect(await workspaces.get(uniqueId('missing'))).toBeUndefined();
      expect(await workspaces.getMember(workspace.id, 'stranger')).toBeUndefined();
    });

    it('binds a team to one workspace per tenant', async () => {
      const { workspaces } = storage();
      const teamId = `19:${uniqueId('team')}@thread.tacv2`;
      const first = fresh({ teamId });
      const second = fresh({ teamId, tenantId: first.tenantId });
      const otherTenant = fresh({ teamId });

      expectOk(await workspaces.create(first.workspace, first.owner));
      const conflict = await workspaces.create(second.workspace, second.owner);
      const elsewhere = await workspaces.create(otherTenant.workspace, otherTenant.owner);

      expect(conflict).toMatchObject({ ok: false, error: { code: 'WORKSPACE.TEAM_ALREADY_BOUND' } });
      expect(await workspaces.get(second.workspace.id)).toBeUndefined();
      expect(await workspaces.listForUser(second.tenantId, second.owner.userId)).toEqual([]);
      expect(elsewhere.ok).toBe(true);
      expect(await workspaces.findByTeam(first.tenantId, teamId)).toEqual(first.workspace);
      expect(await workspaces.findByTeam(otherTenant.tenantId, teamId)).toEqual(otherTenant.workspace);
      expect(await workspaces.findByTeam(first.tenantId, 'unbound')).toBeUndefined();
    });

    it('updates with the current version only', async () => {
      const { workspaces } = storage();
      const { workspace, owner } = fresh();
      const created = expectOk(await workspaces.create(workspace, owner));

      const renamed = expectOk(await workspaces.update({ ...workspace, name: 'Vendas BR' }, created.version));
      const stale = await workspaces.update({ ...workspace, name: 'Salg NO' }, created.version);

      expect(renamed.version).not.toBe(created.version);
      expect(stale).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expect(await workspaces.get(workspace.id)).toEqual(renamed);
      expect(await workspaces.update(aWorkspace({ id: uniqueId('missing') }), created.version)).toMatchObject(
        {
          ok: false,
          error: { code: 'WORKSPACE.NOT_FOUND' },
        },
      );
    });

    it('reads the workspace with the caller as member, and sees each member change at once', async () => {
      const { workspaces } = storage();
      const { workspace, owner } = fresh();
      const created = expectOk(await workspaces.create(workspace, owner));
      const colleague = aMember(workspace, { userId: uniqueId('colleague'), role: 'member' });

      expect(await workspaces.getWithMember(workspace.id, owner.userId)).toEqual({
        workspace: created,
        member: owner,
      });
      expect(await workspaces.getWithMember(workspace.id, colleague.userId)).toEqual({ workspace: created });
      const added = expectOk(
        await workspaces.changeMembers(workspace.id, { upsert: [colleague] }, created.version),
      );
      expect((await workspaces.getWithMember(workspace.id, colleague.userId))?.member).toEqual(colleague);
      expectOk(await workspaces.changeMembers(workspace.id, { remove: [colleague.userId] }, added));
      expect((await workspaces.getWithMember(workspace.id, colleague.userId))?.member).toBeUndefined();
      expect(await workspaces.getWithMember(uniqueId('missing'), owner.userId)).toBeUndefined();
    });

    it('changes members atomically under the workspace version', async () => {
      const { workspaces } = storage();
      const { workspace, owner, tenantId } = fresh();
      const created = expectOk(await workspaces.create(workspace, owner));
      const colleague = aMember(workspace, { userId: uniqueId('colleague'), role: 'member' });

      const added = expectOk(
        await workspaces.changeMembers(workspace.id, { upsert: [colleague] }, created.version),
      );
      const stale = await workspaces.changeMembers(workspace.id, { remove: [owner.userId] }, created.version);

      expect(stale).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expect(await workspaces.getMember(workspace.id, owner.userId)).toEqual(owner);
      expect(await workspaces.listForUser(tenantId, colleague.userId)).toEqual([
        { workspace, role: 'member' },
      ]);
      expect((await workspaces.get(workspace.id))?.version).toBe(added);
      // The workspace row carries the version: settings edited with the old one are stale too.
      expect((await workspaces.update(workspace, created.version)).ok).toBe(false);

      const promoted = { ...colleague, role: 'owner' as const };
      const next = expectOk(
        await workspaces.changeMembers(
          workspace.id,
          { upsert: [promoted], remove: [owner.userId, 'never-a-member'] },
          added,
        ),
      );

      expect(next).not.toBe(added);
      expect(await workspaces.listMembers(workspace.id)).toEqual([promoted]);
      expect(await workspaces.listForUser(tenantId, owner.userId)).toEqual([]);
      expect(await workspaces.listForUser(tenantId, colleague.userId)).toEqual([
        { workspace, role: 'owner' },
      ]);
    });

    it('lists every workspace', async () => {
      const { workspaces } = storage();
      const a = fresh();
      const b = fresh();
      expectOk(await workspaces.create(a.workspace, a.owner));
      expectOk(await workspaces.create(b.workspace, b.owner));

      const ids: string[] = [];
      for await (const w of workspaces.listAll()) ids.push(w.id);

      expect(ids).toEqual(expect.arrayContaining([a.workspace.id, b.workspace.id]));
    });

    it('lists the workspaces whose morning digest is on, following each update', async () => {
      const { workspaces } = storage();
      const digestIds = async () => {
        const ids: string[] = [];
        for await (const w of workspaces.listWithMorningDigest()) ids.push(w.id);
        return ids;
      };
      const a = fresh();
      const b = fresh();
      const created = expectOk(await workspaces.create(a.workspace, a.owner));
      expectOk(await workspaces.create(b.workspace, b.owner));
      expect(await digestIds()).not.toContain(a.workspace.id);

      const digest = (enabled: boolean): Workspace => ({
        ...a.workspace,
        settings: { ...a.workspace.settings, morningDigest: { enabled, timeZone: 'Europe/Oslo' } },
      });
      const on = expectOk(await workspaces.update(digest(true), created.version));
      expect(await digestIds()).toContain(a.workspace.id);
      expect(await digestIds()).not.toContain(b.workspace.id);

      // A refused update changes nothing, an update that turns it off takes it off the list.
      expect((await workspaces.update(digest(false), created.version)).ok).toBe(false);
      expect(await digestIds()).toContain(a.workspace.id);
      expectOk(await workspaces.update(digest(false), on.version));
      expect(await digestIds()).not.toContain(a.workspace.id);
    });
  });
}
