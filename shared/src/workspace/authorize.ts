import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Member } from './workspace';

/** Reading and changing records takes membership; settings and members take an owner. */
export type Permission = 'read' | 'write' | 'manage';

/**
 * Whether `member` (undefined: not a member) may do what it asks. A non-member gets
 * WORKSPACE.NOT_FOUND, the same answer as for a workspace that does not exist: outsiders learn nothing.
 */
export function authorize(member: Member | undefined, need: Permission): Result<Member> {
  if (!member) return err(domainError('WORKSPACE.NOT_FOUND', 'No such workspace.'));
  switch (need) {
    case 'read':
    case 'write':
      return ok(member);
    case 'manage':
      return member.role === 'owner'
        ? ok(member)
        : err(domainError('WORKSPACE.OWNER_REQUIRED', 'Only an owner of the workspace can do this.'));
    default: {
      const _exhaustive: never = need;
      return _exhaustive;
    }
  }
}
