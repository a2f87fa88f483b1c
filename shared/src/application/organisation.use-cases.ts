import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id, WorkspaceId } from '../common/types';
import {
  createOrganisation as createOrganisationRule,
  OrganisationCreateInputSchema,
  OrganisationPatchInputSchema,
  updateOrganisation as updateOrganisationRule,
} from '../organisation';
import type { Organisation } from '../organisation/organisation';
import type { AppDeps, Caller } from './deps';
import type { Version, Versioned } from './ports';
import { asDecided, createRecord, updateRecord } from './record-use-case';
import { deleteRecord } from './records.use-cases';
import { ensureMember } from './references';

export function createOrganisation(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  input: unknown,
): Promise<Result<Versioned<Organisation>>> {
  return createRecord(
    deps,
    caller,
    ws,
    {
      kind: 'organisation',
      schema: OrganisationCreateInputSchema,
      checks: (i) => [() => ensureMember(deps, ws, i.ownerId)],
      decide: (i, ctx) => asDecided(createOrganisationRule(i, { ...ctx, workspaceId: ws })),
    },
    input,
  );
}

export function updateOrganisation(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  expected: Version | undefined,
  input: unknown,
): Promise<Result<Versioned<Organisation>>> {
  return updateRecord(
    deps,
    caller,
    ws,
    {
      kind: 'organisation',
      schema: OrganisationPatchInputSchema,
      checks: (i) => [() => ensureMember(deps, ws, i.ownerId ?? undefined)],
      decide: (current, i, ctx) => asDecided(updateOrganisationRule(current.record, i, ctx)),
    },
    id,
    expected,
    input,
  );
}

/** An organisation with live contacts or opportunities cannot be deleted: they would be orphaned. */
export function deleteOrganisation(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  expected: Version | undefined,
): Promise<Result<void>> {
  return deleteRecord(deps, caller, ws, 'organisation', id, expected, async () => {
    const [contacts, deals] = await Promise.all([
      deps.records.list(ws, 'contact', { limit: 1, filters: { organisationId: id } }),
      deps.records.list(ws, 'opportunity', { limit: 1, filters: { organisationId: id } }),
    ]);
    if (contacts.items.length > 0 || deals.items.length > 0) {
      return err(
        domainError('ORGANISATION.HAS_DEPENDENTS', 'Delete or move its contacts and opportunities first.'),
      );
    }
    return ok(undefined);
  });
}
