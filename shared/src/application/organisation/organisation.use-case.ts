import {
  decideOrganisationCreation,
  OrganisationCreateInputSchema,
  OrganisationPatchInputSchema,
  decideOrganisationUpdate,
} from '../../organisation';
import { memberRef, type EntityDescriptor } from '../record/entity-descriptor';
import { asDecided, createUseCase, updateUseCase } from '../record/generic-record.use-case';
import { deleteUnreferenced } from '../record/delete-unreferenced';

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
  create: (i, ctx) => asDecided(decideOrganisationCreation(i, { ...ctx, workspaceId: ctx.workspace.id })),
  update: (current, i, ctx) => asDecided(decideOrganisationUpdate(current.record, i, ctx)),
};

export const createOrganisation = createUseCase(organisationEntity);
export const updateOrganisation = updateUseCase(organisationEntity);

/** An organisation with live contacts or opportunities cannot be deleted: they would be orphaned. */
export const deleteOrganisation = deleteUnreferenced(
  'organisation',
  [
    { kind: 'contact', field: 'organisationId' },
    { kind: 'opportunity', field: 'organisationId' },
  ],
  'ORGANISATION.HAS_DEPENDENTS',
  'Delete or move its contacts and opportunities first.',
);
