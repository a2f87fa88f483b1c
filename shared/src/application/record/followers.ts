import type { Activity } from '../../activity/activity';
import type { WorkspaceId } from '../../common/types';
import type { Write } from '../../records/change-set';
import type { AnyRecord, RecordKind } from '../../records/records';
import { activitySummaryWrites } from '../activity/activity-summary-writes';
import type { AppDeps } from '../deps';

/**
 * Writes that keep other records in step with one record's write, committed with it: the summaries
 * (next and last activity) of the lead and deal an activity is about. `before` is the record as
 * stored, `after` as it will be; either is absent for a create or a delete.
 */
type Followers = (
  deps: Pick<AppDeps, 'records'>,
  ws: WorkspaceId,
  before: AnyRecord | undefined,
  after: AnyRecord | undefined,
) => Promise<Write[]>;

const FOLLOWERS: { readonly [K in RecordKind]?: Followers } = {
  activity: (deps, ws, before, after) =>
    activitySummaryWrites(deps, ws, before as Activity | undefined, after as Activity | undefined),
};

export const hasFollowers = (kind: RecordKind): boolean => FOLLOWERS[kind] !== undefined;

export function followerWrites(
  deps: Pick<AppDeps, 'records'>,
  ws: WorkspaceId,
  kind: RecordKind,
  before: AnyRecord | undefined,
  after: AnyRecord | undefined,
): Promise<Write[]> {
  return FOLLOWERS[kind]?.(deps, ws, before, after) ?? Promise.resolve([]);
}
