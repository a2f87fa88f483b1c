import { domainError, type DomainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { WorkspaceId } from '../../common/types';
import type { AppDeps } from '../deps';
import type { Reference, Referenced, ReferencedRecord } from './entity-descriptor';

const invalidField = (field: string, message: string): DomainError =>
  domainError('VALIDATION.FAILED', message, { fields: { [field]: message } });

/** An owner who is not a member has a code of its own (a form says so); any other user field is invalid. */
export const notAMember = (field: string): DomainError =>
  field === 'ownerId'
    ? domainError('OWNER.NOT_A_MEMBER', 'The owner must be a member of this workspace.', {
        fields: { ownerId: 'is not a member of this workspace' },
      })
    : invalidField(field, 'is not a member of this workspace');

/**
 * Checks an input's references in order, stopping at the first that fails: members must belong to
 * the workspace (owners and any other user reference), records must exist there and not be deleted.
 * Returns the records loaded, by field, for the pure rule.
 */
export async function resolveReferences(
  deps: Pick<AppDeps, 'records' | 'workspaces'>,
  ws: WorkspaceId,
  references: readonly Reference[],
): Promise<Result<Referenced>> {
  const found = new Map<string, ReferencedRecord>();
  for (const ref of references) {
    if ('member' in ref) {
      if (ref.member === undefined || ref.member === null) continue;
      const member = await deps.workspaces.getMember(ws, ref.member);
      if (!member) return err(notAMember(ref.field ?? 'ownerId'));
      continue;
    }
    if (ref.id === undefined || ref.id === null) continue;
    const record = await deps.records.get(ws, ref.kind, ref.id);
    if (record) found.set(ref.field, { kind: ref.kind, found: record });
    else if (!ref.optional) {
      return err(ref.missing ?? invalidField(ref.field, `no such ${ref.kind} in this workspace`));
    }
  }
  return ok(found);
}
