import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { WorkspaceId } from '../../common/types';
import {
  ActivityCreateInputSchema,
  ActivityPatchInputSchema,
  decideActivityCreation,
  decideActivityUpdate,
} from '../../activity';
import { REGARDING_TYPES, type Activity, type Regarding, type RegardingType } from '../../activity/activity';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import { memberRef, type EntityDescriptor, type Reference } from '../record/entity-descriptor';
import type { Page, Versioned } from '../../records/versions';
import { asDecided, createUseCase, updateUseCase } from '../record/generic-record.use-case';
import { listPage, toListQuery, type ListParams } from '../record/records.use-case';
import { withRegardingNames, type ActivityView } from './activity-views';

/** What an activity is about must exist; it is named in the activity's own terms. */
const regardingRef = (regarding: Regarding | null | undefined): Reference => ({
  kind: regarding?.type ?? 'lead',
  id: regarding?.id,
  field: 'regarding.id',
  ...(regarding
    ? {
        missing: domainError(
          'ACTIVITY.REGARDING_NOT_FOUND',
          `No such ${regarding.type} to log this activity against.`,
          { fields: { 'regarding.id': `no such ${regarding.type}` } },
        ),
      }
    : {}),
});

export const activityEntity: EntityDescriptor<
  'activity',
  typeof ActivityCreateInputSchema,
  typeof ActivityPatchInputSchema
> = {
  kind: 'activity',
  createSchema: ActivityCreateInputSchema,
  patchSchema: ActivityPatchInputSchema,
  createReferences: (i) => [memberRef(i.ownerId), regardingRef(i.regarding)],
  updateReferences: (i) => [memberRef(i.ownerId), regardingRef(i.regarding)],
  create: (i, ctx) => asDecided(decideActivityCreation(i, { ...ctx, workspaceId: ctx.workspace.id })),
  update: (current, i, ctx) => asDecided(decideActivityUpdate(current.record, i, ctx)),
};

export const createActivity = createUseCase(activityEntity);
export const updateActivity = updateUseCase(activityEntity);

const CONVERTED_INTO: {
  [T in Exclude<RegardingType, 'lead'>]:
    'convertedOrganisationId' | 'convertedContactId' | 'convertedOpportunityId';
} = {
  organisation: 'convertedOrganisationId',
  contact: 'convertedContactId',
  opportunity: 'convertedOpportunityId',
};

/**
 * Activities, each with its regarding record's name (`regardingName`), filtered by type, ownerId,
 * completed, dueFrom and dueTo, or the activities about one record. A converted lead's activities
 * follow it: asking for an organisation, contact or opportunity also returns those logged against
 * the lead(s) converted into it.
 */
export async function listActivities(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  params: ListParams & { regardingType?: string; regardingId?: string },
): Promise<Result<Page<Versioned<ActivityView>>>> {
  const page = await activityPage(deps, caller, ws, params);
  if (!page.ok) return page;
  const items = await withRegardingNames(deps, ws, page.value.items);
  return ok(page.value.nextCursor ? { items, nextCursor: page.value.nextCursor } : { items });
}

async function activityPage(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  params: ListParams & { regardingType?: string; regardingId?: string },
): Promise<Result<Page<Versioned<Activity>>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const query = toListQuery('activity', params);
  if (!query.ok) return query;
  const { regardingType, regardingId } = params;
  if (regardingType === undefined && regardingId === undefined) {
    return listPage(deps, ws, 'activity', query.value, access.value.workspace.record);
  }
  if (query.value.sort) {
    return err(
      domainError(
        'LIST.UNKNOWN_SORT',
        'The activities about a record come newest first; they are not sorted.',
        {
          fields: { sort: 'not with regardingType and regardingId' },
        },
      ),
    );
  }
  if (!regardingType || !regardingId || !(REGARDING_TYPES as readonly string[]).includes(regardingType)) {
    return err(
      domainError('VALIDATION.FAILED', 'regardingType and regardingId go together.', {
        fields: { regardingType: `one of ${REGARDING_TYPES.join(', ')}, with regardingId` },
      }),
    );
  }
  const type = regardingType as RegardingType;
  const regarding: Regarding[] = [{ type, id: regardingId }];
  if (type !== 'lead') {
    // Every lead converted into it, page by page: an organisation may have absorbed hundreds.
    let cursor: string | undefined;
    do {
      const leads = await deps.records.list(ws, 'lead', {
        limit: 1_000,
        filters: { [CONVERTED_INTO[type]]: regardingId },
        ...(cursor !== undefined ? { cursor } : {}),
      });
      for (const lead of leads.items) regarding.push({ type: 'lead', id: lead.record.id });
      cursor = leads.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }
  return ok(await deps.records.listActivities(ws, { ...query.value, regarding }));
}
