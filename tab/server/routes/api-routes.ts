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
  withRegardingNames,
  organisationEntity,
} from '@crm/shared/application';
import { activityRoutes } from './activity-routes';
import { channelRoutes } from './channel-routes';
import { deadLetterRoutes } from './dead-letter-routes';
import { leadCreated, leadRoutes } from './lead-routes';
import { opportunityRoutes } from './opportunity-routes';
import { mergeRoutes } from './merge-routes';
import { reassignRoutes } from './reassign-routes';
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
    created: leadCreated,
    notes: {
      create:
        'Needs lastName; source defaults to other; status open-not-contacted unless working-contacted is sent. ' +
        'The answer lists possibleDuplicates (leads and contacts with its e-mail, organisations its company may be).',
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
      dueFrom: z.string().optional().describe('occurredAt at or after this instant (with an offset)'),
      dueTo: z.string().optional().describe('occurredAt before this instant (with an offset)'),
    }),
    view: async (deps, ws, item) => (await withRegardingNames(deps, ws, [item]))[0] ?? item,
    notes: {
      create:
        'Needs type, subject and regarding {type, id} (a lead, organisation, contact or opportunity); occurredAt ' +
        '(when it is due, or when it happened) defaults to now. completed defaults to true for anything but a task ' +
        'at or before now (a call logged as it happens), false otherwise (planned, or a task); ownerId to you. ' +
        'Answers carry regardingName. Writing an activity about a lead or deal rewrites its nextActivity and ' +
        'lastActivityAt (and its ETag) in the same commit.',
      update:
        'completed: true marks it done now (completedAt), false reopens it; occurredAt is its due time while open. ' +
        'completeActivity, reopenActivity and rescheduleActivity do the same in one click.',
    },
    errors: {
      create: { 400: 'VALIDATION.FAILED with fields; ACTIVITY.REGARDING_NOT_FOUND; OWNER.NOT_A_MEMBER' },
      update: { 400: 'VALIDATION.FAILED with fields; ACTIVITY.REGARDING_NOT_FOUND; OWNER.NOT_A_MEMBER' },
    },
  }),
  ...activityRoutes,
  ...reassignRoutes,
  ...mergeRoutes,
  ...recycleBinRoutes,
  ...reportRoutes,
];
