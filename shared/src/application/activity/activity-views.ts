import type { Activity, RegardingType } from '../../activity/activity';
import type { Id, WorkspaceId } from '../../common/types';
import { recordDisplayName } from '../../records/record-names';
import type { Versioned } from '../../records/versions';
import type { AppDeps } from '../deps';

/** An activity as lists show it: with the name of the record it is about (absent when that is gone). */
export type ActivityView = Activity & { readonly regardingName?: string };

/**
 * Names every activity's regarding record: one point read per distinct record (a page of 50 reads at
 * most 50), never a denormalised copy that a rename would leave stale.
 */
export async function withRegardingNames(
  deps: Pick<AppDeps, 'records'>,
  ws: WorkspaceId,
  activities: readonly Versioned<Activity>[],
): Promise<Versioned<ActivityView>[]> {
  const wanted = new Map<RegardingType, Set<Id>>();
  for (const { record } of activities) {
    const ids = wanted.get(record.regarding.type) ?? new Set<Id>();
    ids.add(record.regarding.id);
    wanted.set(record.regarding.type, ids);
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...wanted].map(async ([type, ids]) => {
      for (const found of await deps.records.getMany(ws, type, [...ids])) {
        names.set(`${type}:${found.record.id}`, recordDisplayName(type, found.record));
      }
    }),
  );
  return activities.map(({ record, version }) => {
    const name = names.get(`${record.regarding.type}:${record.regarding.id}`);
    return { record: name === undefined ? record : { ...record, regardingName: name }, version };
  });
}
