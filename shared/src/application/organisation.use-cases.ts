import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id, WorkspaceId } from '../common/types';
import {
  createOrganisation as createOrganisationRule,
  OrganisationCreateInputSchema,
  OrganisationPatchInputSchema,
  updateOrganisation as updateOrganisationRule,
} from '../organisation';
import type { AppDeps, Caller } from './deps';
import { memberRef, type EntityDescriptor } from './entity-descriptor';
import type { Version } from './ports';
import { asDecided, createUseCase, updateUseCase } from './record-use-case';
import { deleteRecord } from './records.use-cases';

export const organisationEntity: EntityDescriptor<
  'organisation',
  typeof OrganisationCreateInputSchema,
  typeof OrganisationPatchInputSchema
> = {
  kind: 'organisation',
  createSchema: OrganisationCreateInputSchema,
  patchSchema: OrganisationPatchInputSchema,
  createReferences: (i) => [memberRef(i.ownerId)],
  updateReferences: (i) => [memberRef(i.ownerId)],
  create: (i, ctx) => asDecided(createOrganisationRule(i, { ...ctx, workspaceId: ctx.workspace.id })),
  update: (current, i, ctx) => asDecided(updateOrganisationRule(current.record, i, ctx)),
};

export const createOrganisation = createUseCase(organisationEntity);
export const updateOrganisation = updateUseCase(organisationEntity);

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
