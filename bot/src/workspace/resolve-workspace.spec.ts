import type { Actor } from '@crm/shared';
import { addMember, createWorkspace, type AppDeps } from '@crm/shared/application';
import { recordTeam } from '@crm/shared/testing';
import { inMemoryAppDeps } from '../testing/in-memory-app';
import { must } from '../testing/must';
import { resolveWorkspace } from './resolve-workspace';

const ANNA: Actor = { tenantId: 'tenant-a', userId: 'anna' };
const BRAM: Actor = { tenantId: 'tenant-a', userId: 'bram' };
const EVE: Actor = { tenantId: 'tenant-b', userId: 'anna' };

describe('resolveWorkspace', () => {
  let deps: AppDeps;
  let sales: string;
  beforeEach(async () => {
    deps = inMemoryAppDeps();
    await recordTeam(deps, ANNA.tenantId, 'team-sales', [ANNA.userId]);
    sales = must(await createWorkspace(deps, ANNA, { name: 'Sales', teamId: 'team-sales' })).record.id;
  });

  it('given a team bound to a workspace the actor is a member of, then that workspace', async () => {
    const found = await resolveWorkspace(deps, ANNA, 'team-sales');
    expect(found.kind === 'found' && found.workspace.record.id).toBe(sales);
  });

  it('given a member who is not an owner, then the workspace with their role', async () => {
    must(await addMember(deps, ANNA, sales, { userId: 'bram', role: 'member' }));
    const found = await resolveWorkspace(deps, BRAM, 'team-sales');
    expect(found.kind === 'found' && found.workspace.role).toBe('member');
  });

  it('given a team whose workspace the actor is not a member of, then none (as if unbound)', async () => {
    expect(await resolveWorkspace(deps, BRAM, 'team-sales')).toEqual({ kind: 'none', where: 'team' });
  });

  it('given a team id of another tenant, then none', async () => {
    expect(await resolveWorkspace(deps, EVE, 'team-sales')).toEqual({ kind: 'none', where: 'team' });
  });

  it('given an unbound team, then none', async () => {
    expect(await resolveWorkspace(deps, ANNA, 'team-other')).toEqual({ kind: 'none', where: 'team' });
  });

  it('given a personal chat and one workspace, then that workspace', async () => {
    const found = await resolveWorkspace(deps, ANNA, undefined);
    expect(found.kind === 'found' && found.workspace.record.name).toBe('Sales');
  });

  it('given a personal chat and no workspace, then none', async () => {
    expect(await resolveWorkspace(deps, BRAM, undefined)).toEqual({ kind: 'none', where: 'chat' });
  });

  it('given a personal chat and several workspaces, then their names, sorted', async () => {
    must(await createWorkspace(deps, ANNA, { name: 'Accounts' }));
    expect(await resolveWorkspace(deps, ANNA, undefined)).toMatchObject({
      kind: 'several',
      workspaces: [{ name: 'Accounts' }, { name: 'Sales' }],
    });
  });
});
