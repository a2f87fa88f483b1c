import {
  ContactCreateInputSchema,
  ContactPatchInputSchema,
  decideContactCreation,
  decideContactUpdate,
} from '../../contact';
import { memberRef, recordRef, type EntityDescriptor } from '../record/entity-descriptor';
import { asDecided, createUseCase, updateUseCase } from '../record/generic-record.use-case';

export const contactEntity: EntityDescriptor<
  'contact',
  typeof ContactCreateInputSchema,
  typeof ContactPatchInputSchema
> = {
  kind: 'contact',
  createSchema: ContactCreateInputSchema,
  patchSchema: ContactPatchInputSchema,
  createReferences: (i) => [
    memberRef(i.ownerId),
    recordRef('organisation', i.organisationId, 'organisationId'),
  ],
  updateReferences: (i) => [
    memberRef(i.ownerId),
    recordRef('organisation', i.organisationId, 'organisationId'),
  ],
  create: (i, ctx) => asDecided(decideContactCreation(i, { ...ctx, workspaceId: ctx.workspace.id })),
  update: (current, i, ctx) => asDecided(decideContactUpdate(current.record, i, ctx)),
};

export const createContact = createUseCase(contactEntity);
export const updateContact = updateUseCase(contactEntity);
