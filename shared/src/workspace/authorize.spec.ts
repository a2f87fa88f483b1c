import type { ErrorCode } from '../common/error-codes';
import { authorize, type Permission } from './authorize';
import type { MemberRole } from './workspace';
import { aMember } from './workspace.fixtures';

describe('authorize', () => {
  it.each<[MemberRole | 'non-member', Permission, 'ok' | ErrorCode]>([
    ['non-member', 'read', 'WORKSPACE.NOT_FOUND'],
    ['non-member', 'write', 'WORKSPACE.NOT_FOUND'],
    ['non-member', 'manage', 'WORKSPACE.NOT_FOUND'],
    ['member', 'read', 'ok'],
    ['member', 'write', 'ok'],
    ['member', 'manage', 'WORKSPACE.OWNER_REQUIRED'],
    ['owner', 'read', 'ok'],
    ['owner', 'write', 'ok'],
    ['owner', 'manage', 'ok'],
  ])('given a %s, when it needs %s, then the answer is %s', (who, need, expected) => {
    const member = who === 'non-member' ? undefined : aMember('u-1', who);
    const result = authorize(member, need);
    expect(result.ok ? 'ok' : result.error.code).toBe(expected);
    if (result.ok) expect(result.value).toBe(member);
  });
});
