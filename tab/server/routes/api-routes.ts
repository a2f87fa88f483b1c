import { z } from 'zod';
import {
  ActivityCreateInputSchema,
  ActivityPatchInputSchema,
  CampaignCreateInputSchema,
  CampaignPatchInputSchema,
  ContactCreateInputSchema,
  ContactPatchInputSchema,
  LeadCreateInputSchema,
  LeadPatchInputSchema,
  OpportunityCreateInputSchema,
  OpportunityPatchInputSchema,
  OrganisationCreateInputSchema,
  OrganisationPatchInputSchema,
  REGARDING_TYPES,
} from '@crm/shared';
import {
  createActivity,
  createCampaign,
  createContact,
  createLead,
  createOpportunity,
  createOrganisation,
  deleteLead,
  deleteOrganisation,
  listActivities,
  updateActivity,
  updateCampaign,
  updateContact,
  updateLead,
  updateOpportunity,
  updateOrganisation,
} from '@crm/shared/application';
import { leadRoutes } from './lead-routes';
import { opportunityRoutes } from './opportunity-routes';
import { recordRoutes } from './record-routes';
import { recycleBinRoutes } from './recycle-bin-routes';
import { reportRoutes } from './report-routes';
import type { RouteSpec } from './route-spec';
import { workspaceRoutes } from './workspace-routes';

/** Every /api/v1 route, in one list: the server mounts it and the OpenAPI document describes it. */
export const apiRoutes = (): RouteSpec[] => [
  ...workspaceRoutes,
  ...recordRoutes({
    kind: 'lead',
    plural: 'leads',
    create: createLead,
    update: updateLead,
    remove: deleteLead,
    createSchema: LeadCreateInputSchema,
    patchSchema: LeadPatchInputSchema,
    patchSummary:
      'Change a lead: details, qualification, status (convert and disqualify have their own routes)',
  }),
  ...leadRoutes,
  ...recordRoutes({
    kind: 'organisation',
    plural: 'organisations',
    create: createOrganisation,
    update: updateOrganisation,
    remove: deleteOrganisation,
    createSchema: OrganisationCreateInputSchema,
    patchSchema: OrganisationPatchInputSchema,
  }),
  ...recordRoutes({
    kind: 'contact',
    plural: 'contacts',
    create: createContact,
    update: updateContact,
    createSchema: ContactCreateInputSchema,
    patchSchema: ContactPatchInputSchema,
  }),
  ...recordRoutes({
    kind: 'opportunity',
    plural: 'opportunities',
    create: createOpportunity,
    update: updateOpportunity,
    createSchema: OpportunityCreateInputSchema,
    patchSchema: OpportunityPatchInputSchema,
    patchSummary:
      'Change an opportunity; a stage change is {stage, lostReason?}, reopening a closed deal needs reopen: true',
  }),
  ...opportunityRoutes,
  ...recordRoutes({
    kind: 'campaign',
    plural: 'campaigns',
    create: createCampaign,
    update: updateCampaign,
    createSchema: CampaignCreateInputSchema,
    patchSchema: CampaignPatchInputSchema,
  }),
  ...recordRoutes({
    kind: 'activity',
    plural: 'activities',
    list: (deps, caller, ws, { filters: { regardingType, regardingId, ...filters }, ...paging }) =>
      listActivities(deps, caller, ws, {
        ...paging,
        filters,
        ...(regardingType !== undefined ? { regardingType } : {}),
        ...(regardingId !== undefined ? { regardingId } : {}),
      }),
    listQuery: z.object({
      regardingType: z.enum(REGARDING_TYPES).optional(),
      regardingId: z.string().optional(),
    }),
    create: createActivity,
    update: updateActivity,
    createSchema: ActivityCreateInputSchema,
    patchSchema: ActivityPatchInputSchema,
  }),
  ...recycleBinRoutes,
  ...reportRoutes,
];
