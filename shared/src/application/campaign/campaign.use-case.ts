import {
  CampaignCreateInputSchema,
  CampaignPatchInputSchema,
  decideCampaignCreation,
  decideCampaignUpdate,
} from '../../campaign';
import { memberRef, type EntityDescriptor } from '../record/entity-descriptor';
import { asDecided, createUseCase, updateUseCase } from '../record/generic-record.use-case';
import { deleteUnreferenced } from '../record/delete-unreferenced';

export const campaignEntity: EntityDescriptor<
  'campaign',
  typeof CampaignCreateInputSchema,
  typeof CampaignPatchInputSchema
> = {
  kind: 'campaign',
  createSchema: CampaignCreateInputSchema,
  patchSchema: CampaignPatchInputSchema,
  createReferences: (i) => [memberRef(i.ownerId)],
  updateReferences: (i) => [memberRef(i.ownerId)],
  create: (i, ctx) =>
    asDecided(
      decideCampaignCreation(i, { ...ctx, workspaceId: ctx.workspace.id, settings: ctx.workspace.settings }),
    ),
  update: (current, i, ctx) => asDecided(decideCampaignUpdate(current.record, i, ctx)),
};

export const createCampaign = createUseCase(campaignEntity);
export const updateCampaign = updateUseCase(campaignEntity);

/** A campaign that leads or opportunities point at cannot be deleted: they would name a campaign that is gone. */
export const deleteCampaign = deleteUnreferenced(
  'campaign',
  [
    { kind: 'lead', field: 'campaignId' },
    { kind: 'opportunity', field: 'campaignId' },
  ],
  'CAMPAIGN.HAS_DEPENDENTS',
  'Move its leads and opportunities to another campaign first.',
);
