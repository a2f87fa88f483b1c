import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import { sameUser } from '../common/schemas';
import type { Instant, TenantId, UserId } from '../common/types';
import type { Member, MemberRole, Workspace } from './workspace';
import type { MemberAddInput } from './workspace.schema';

/** `tenantId` is the new member's tenant when the caller knows it (e.g. from a Teams roster). */
export type NewMember = MemberAddInput & { readonly tenantId?: TenantId };

export type MemberContext = {
  readonly workspace: Pick<Workspace, 'id' | 'tenantId'>;
  readonly actor: UserId;
  readonly now: Instant;
};

/** The new member, to store beside `members`. */
export function decideMemberAddition(
  members: readonly Member[],
  input: NewMember,
  ctx: MemberContext,
): Result<Member> {
  if (input.tenantId !== undefined && input.tenantId !== ctx.workspace.tenantId) {
    return err(
      domainError('WORKSPACE.OTHER_TENANT', 'Only people of the workspace’s tenant can be members.'),
    );
  }
  if (members.some((m) => sameUser(m.userId, input.userId))) {
    return err(domainError('WORKSPACE.MEMBER_EXISTS', 'This person is already a member.'));
  }
  const member: Member = {
    workspaceId: ctx.workspace.id,
    tenantId: ctx.workspace.tenantId,
    userId: input.userId,
    role: input.role,
    ...(input.name !== undefined ? { name: input.name } : {}),
    addedAt: ctx.now,
    addedBy: ctx.actor,
  };
  return ok(member);
}

/** The member with its new role. Setting the role it already has changes nothing and succeeds. */
export function decideMemberRoleChange(
  members: readonly Member[],
  userId: UserId,
  role: MemberRole,
): Result<Member> {
  const current = members.find((m) => sameUser(m.userId, userId));
  if (!current) return err(memberNotFound());
  if (current.role === role) return ok(current);
  const member: Member = { ...current, role };
  const after = members.map((m) => (sameUser(m.userId, userId) ? member : m));
  return hasOwner(after) ? ok(member) : err(lastOwner());
}

/** The member to remove from `members`. */
export function decideMemberRemoval(members: readonly Member[], userId: UserId): Result<Member> {
  const member = members.find((m) => sameUser(m.userId, userId));
  if (!member) return err(memberNotFound());
  const after = members.filter((m) => !sameUser(m.userId, userId));
  return hasOwner(after) ? ok(member) : err(lastOwner());
}

/** Someone must always be able to manage the workspace. */
const hasOwner = (members: readonly Member[]): boolean => members.some((m) => m.role === 'owner');

const memberNotFound = () => domainError('WORKSPACE.MEMBER_NOT_FOUND', 'This person is not a member.');

const lastOwner = () =>
  domainError('WORKSPACE.LAST_OWNER', 'A workspace needs at least one owner; make someone else owner first.');
