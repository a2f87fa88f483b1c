import { aMember } from '../testing/builders';
import { chunkRosterChange, joinRoster, leaveRoster, syncRoster } from './roster-sync';

const ctx = { workspace: { id: 'ws-1', tenantId: 't' }, actor: 'installer', now: '2026-11-22T10:00:00.000Z' };
const owner = aMember(ctx.workspace, { userId: 'olga', role: 'owner' });
const mia = aMember(ctx.workspace, { userId: 'mia', role: 'member', name: 'Mia' });

describe('syncRoster', () => {
  it('given new people on the roster, then they join as members; renamed members are refreshed', () => {
    const change = syncRoster(
      [owner, mia],
      [{ userId: 'olga' }, { userId: 'mia', name: 'Mia B.' }, { userId: 'ny', name: 'Ny' }],
      ctx,
    );
    expect(change.remove).toEqual([]);
    expect(change.upsert).toEqual([
      { ...mia, name: 'Mia B.' },
      {
        workspaceId: 'ws-1',
        tenantId: 't',
        userId: 'ny',
        role: 'member',
        name: 'Ny',
        addedAt: ctx.now,
        addedBy: 'installer',
      },
    ]);
  });

  it('given members missing from the roster, then they leave, but never the last owner', () => {
    expect(syncRoster([owner, mia], [{ userId: 'olga' }], ctx)).toEqual({ upsert: [], remove: ['mia'] });
    expect(syncRoster([owner, mia], [{ userId: 'mia' }], ctx)).toEqual({ upsert: [], remove: [] });
  });
});

describe('joinRoster and leaveRoster', () => {
  it('given joiners, then only those not yet members are added', () => {
    expect(
      joinRoster([owner], [{ userId: 'olga' }, { userId: 'x' }, { userId: 'x' }], ctx).upsert.map(
        (m) => m.userId,
      ),
    ).toEqual(['x']);
  });

  it('given leavers, then they are removed unless that leaves no owner', () => {
    expect(leaveRoster([owner, mia], ['mia', 'stranger'])).toEqual({ upsert: [], remove: ['mia'] });
    expect(leaveRoster([owner, mia], ['olga', 'mia'])).toEqual({ upsert: [], remove: ['mia'] });
  });
});

describe('chunkRosterChange', () => {
  it('given 250 rows, then steps of at most 99', () => {
    const upsert = Array.from({ length: 200 }, (_, i) => ({ ...mia, userId: `u${i}` }));
    const remove = Array.from({ length: 50 }, (_, i) => `r${i}`);
    const chunks = chunkRosterChange({ upsert, remove }, 99);
    expect(chunks.map((c) => c.upsert.length + c.remove.length)).toEqual([99, 99, 52]);
    expect(chunks.flatMap((c) => c.remove)).toEqual(remove);
  });
});
