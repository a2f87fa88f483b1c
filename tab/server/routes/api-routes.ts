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
import { deadLetterRoutes } from './dead-letter-routes';
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
  ...deadLetterRoutes,
  ...recordRoutes({
    entity: leadEntity,
    plural: 'leads',
    remove: deleteLead,
    notes: {
      create:
        'Needs lastName; source defaults to other; status open-not-contacted unless working-contacted is sent.',
      update:
        'Details, qualification (budget, authority, need, timeline, notes) and status between the open ones; ' +
        'reopening a disqualified lead is status working-contacted. Converting and disqualifying have their own operations (convertLead, disqualifyLead). A converted lead is read-only.',
      remove: 'A converted lead cannot be deleted.',
    },
    errors: {
      update: {
        400: 'VALIDATION.FAILED with fields; LEAD.USE_CONVERT (status closed-converted: use convertLead); LEAD.REASON_REQUIRED',
        409: 'LEAD.READ_ONLY (the lead is converted), LEAD.INVALID_TRANSITION',
      },
      remove: { 409: 'LEAD.READ_ONLY: a converted lead cannot be deleted' },
    },
  }),
  ...leadRoutes,
  ...recordRoutes({
    entity: organisationEntity,
    plural: 'organisations',
    remove: deleteOrganisation,
    notes: {
      create: 'Needs name; status prospect until its first won deal makes it a customer.',
      remove: 'An organisation with contacts or opportunities cannot be deleted.',
    },
    errors: { remove: { 409: 'ORGANISATION.HAS_DEPENDENTS: it still has contacts or opportunities' } },
  }),
  ...recordRoutes({
    entity: contactEntity,
    plural: 'contacts',
    notes: {
      create: 'Needs lastName and the organisationId it works at; relationship defaults to customer.',
    },
    errors: { create: { 400: 'VALIDATION.FAILED with fields; CONTACT.ORGANISATION_NOT_FOUND' } },
  }),
  ...recordRoutes({
    entity: opportunityEntity,
    plural: 'opportunities',
    notes: {
      create:
        'Needs name and organisationId; stage defaults to the first open stage, probability and forecast category follow the stage, currency the workspace default.',
      update:
        'A stage change is {stage} (closed-lost also needs lostReason; closed-won makes the organisation a customer) and is kept in getOpportunityHistory; ' +
        'moving a closed deal back to an open stage needs reopen: true in the same change. probability set by hand stays until the stage changes.',
    },
    errors: {
      create: {
        400: 'VALIDATION.FAILED with fields; OPPORTUNITY.UNKNOWN_STAGE, OPPORTUNITY.LOST_REASON_REQUIRED, OPPORTUNITY.ORGANISATION_NOT_FOUND, OPPORTUNITY.CONTACT_NOT_IN_ORGANISATION',
      },
      update: {
        400: 'VALIDATION.FAILED with fields; OPPORTUNITY.UNKNOWN_STAGE, OPPORTUNITY.LOST_REASON_REQUIRED, OPPORTUNITY.CONTACT_NOT_IN_ORGANISATION',
        409: 'OPPORTUNITY.CLOSED: the deal is closed; send reopen: true with an open stage',
      },
    },
  }),
  ...opportunityRoutes,
  ...recordRoutes({
    entity: campaignEntity,
    plural: 'campaigns',
    remove: deleteCampaign,
    notes: {
      create: 'Needs name and type; status planned unless sent.',
      update: 'Status moves planned → active → completed, or to aborted.',
      remove: 'A campaign with leads or opportunities cannot be deleted.',
    },
    errors: {
      create: { 400: 'VALIDATION.FAILED with fields; CAMPAIGN.INVALID_DATES (endDate before startDate)' },
      update: {
        400: 'VALIDATION.FAILED with fields; CAMPAIGN.INVALID_DATES',
        409: 'CAMPAIGN.INVALID_TRANSITION: that status cannot follow the current one',
      },
      remove: { 409: 'CAMPAIGN.HAS_DEPENDENTS: leads or opportunities still name it' },
    },
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
      regardingType: z.enum(REGARDING_TYPES).optional().describe('With regardingId: the kind of record'),
      regardingId: z.string().optional().describe('With regardingType: the activities of this record'),
    }),
    notes: {
      create:
        'Needs type, subject and regarding {type, id} (a lead, organisation, contact or opportunity); occurredAt defaults to now (for a task: when it is due).',
    },
    errors: { create: { 400: 'VALIDATION.FAILED with fields; ACTIVITY.REGARDING_NOT_FOUND' } },
  }),
  ...recycleBinRoutes,
  ...reportRoutes,
];
