import type { ErrorCode } from '../common/error-codes';
import { decideMemberAddition, decideMemberRoleChange, decideMemberRemoval } from './members';
import type { MemberRole } from './workspace';
import { aMember, T1, TENANT } from './workspace.fixtures';

const code = (result: { ok: boolean; error?: { code: ErrorCode } }) =>
  result.ok ? 'ok' : result.error?.code;

describe('decideMemberAddition', () => {
  const members = [aMember('alice', 'owner'), aMember('bob')];
  const ctx = { workspace: { id: 'ws-1', tenantId: TENANT }, actor: 'alice', now: T1 };

  it('given a new person, then they join the workspace’s tenant with the role asked', () => {
    expect(decideMemberAddition(members, { userId: 'carol', role: 'owner', name: 'Carol' }, ctx)).toEqual({
      ok: true,
      value: {
        workspaceId: 'ws-1',
        tenantId: TENANT,
        userId: 'carol',
        role: 'owner',
        name: 'Carol',
        addedAt: T1,
        addedBy: 'alice',
      },
    });
  });

  it.each<[string, Parameters<typeof decideMemberAddition>[1], ErrorCode]>([
    ['an existing member', { userId: 'bob', role: 'owner' }, 'WORKSPACE.MEMBER_EXISTS'],
    [
      'someone of another tenant',
      { userId: 'eve', role: 'member', tenantId: 'tenant-2' },
      'WORKSPACE.OTHER_TENANT',
    ],
  ])('given %s, then it is refused', (_, input, expected) => {
    expect(code(decideMemberAddition(members, input, ctx))).toBe(expected);
  });

  it('given an existing member’s id in other letter case, then they are the same person', () => {
    const guid = 'c0ffee00-aaaa-4bbb-8ccc-0123456789ab';
    const withGuid = [...members, aMember(guid)];
    expect(code(decideMemberAddition(withGuid, { userId: guid.toUpperCase(), role: 'member' }, ctx))).toBe(
      'WORKSPACE.MEMBER_EXISTS',
    );
    expect(code(decideMemberRoleChange(withGuid, guid.toUpperCase(), 'owner'))).toBe('ok');
    expect(code(decideMemberRemoval(withGuid, guid.toUpperCase()))).toBe('ok');
  });

  it('given someone whose tenant is the workspace’s, then they are added', () => {
    expect(
      code(decideMemberAddition(members, { userId: 'dave', role: 'member', tenantId: TENANT }, ctx)),
    ).toBe('ok');
  });
});

describe('decideMemberRoleChange', () => {
  it.each<[string, MemberRole[], string, MemberRole, 'ok' | ErrorCode]>([
    ['a member made owner', ['owner', 'member'], 'u1', 'owner', 'ok'],
    ['one of two owners made member', ['owner', 'owner'], 'u0', 'member', 'ok'],
    ['the only owner made member', ['owner', 'member'], 'u0', 'member', 'WORKSPACE.LAST_OWNER'],
    ['the only owner kept owner', ['owner', 'member'], 'u0', 'owner', 'ok'],
    ['someone who is not a member', ['owner'], 'u9', 'owner', 'WORKSPACE.MEMBER_NOT_FOUND'],
  ])('given %s, then the answer is %s', (_, roles, userId, role, expected) => {
    const members = roles.map((r, i) => aMember(`u${i}`, r));
    const result = decideMemberRoleChange(members, userId, role);
    expect(code(result)).toBe(expected);
    if (result.ok) expect(result.value).toMatchObject({ userId, role });
  });
});

describe('decideMemberRemoval', () => {
  it.each<[string, MemberRole[], string, 'ok' | ErrorCode]>([
    ['a member', ['owner', 'member'], 'u1', 'ok'],
    ['one of two owners', ['owner', 'owner'], 'u1', 'ok'],
    ['the only owner', ['owner', 'member'], 'u0', 'WORKSPACE.LAST_OWNER'],
    ['the only owner and member', ['owner'], 'u0', 'WORKSPACE.LAST_OWNER'],
    ['someone who is not a member', ['owner'], 'u9', 'WORKSPACE.MEMBER_NOT_FOUND'],
  ])('given %s, then the answer is %s', (_, roles, userId, expected) => {
    const members = roles.map((r, i) => aMember(`u${i}`, r));
    const result = decideMemberRemoval(members, userId);
    expect(code(result)).toBe(expected);
    if (result.ok) expect(result.value.userId).toBe(userId);
  });
});
