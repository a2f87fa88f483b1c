import { z } from 'zod';
import { REGARDING_TYPES } from '@crm/shared';
import {
  activityEntity,
  campaignEntity,
  contactEntity,
  deleteCampaign,
  deleteLead,
  deleteOrganisation,
  leadEntity,
  listActivities,
  opportunityEntity,
  organisationEntity,
} from '@crm/shared/application';
import { channelRoutes } from './channel-routes';
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
  ...channelRoutes,
  ...recordRoutes({
    entity: leadEntity,
    plural: 'leads',
    remove: deleteLead,
    patchSummary:
      'Change a lead: details, qualification, status (convert and disqualify have their own routes)',
  }),
  ...leadRoutes,
  ...recordRoutes({
    entity: organisationEntity,
    plural: 'organisations',
    remove: deleteOrganisation,
  }),
  ...recordRoutes({
    entity: contactEntity,
    plural: 'contacts',
  }),
  ...recordRoutes({
    entity: opportunityEntity,
    plural: 'opportunities',
    patchSummary:
      'Change an opportunity; a stage change is {stage, lostReason?}, reopening a closed deal needs reopen: true',
  }),
  ...opportunityRoutes,
  ...recordRoutes({
    entity: campaignEntity,
    plural: 'campaigns',
    remove: deleteCampaign,
  }),
  ...recordRoutes({
    entity: activityEntity,
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
  }),
  ...recycleBinRoutes,
  ...reportRoutes,
];
