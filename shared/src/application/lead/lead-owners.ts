import type { UserId, WorkspaceId } from '../../common/types';
import type { Write } from '../../records/change-set';
import { decideLeadOwners, LEAD_OWNER_COUNTER } from '../../workspace/lead-assignment';
import type { Workspace } from '../../workspace/workspace';
import type { AppDeps } from '../deps';

/** Owners the round-robin gave, and the counter write that records it (committed with the leads). */
export type AssignedOwners = { readonly owners: readonly UserId[]; readonly write: Write };

/**
 * Owners for `count` new leads that name none, when the workspace's round-robin is on: reads the
 * members and the counter, and returns the counter's write guarded by the version read, so two
 * creates at once cannot both give the next lead to the same person (the loser retries). Undefined
 * when leads go to their creator.
 */
export async function assignLeadOwners(
  deps: Pick<AppDeps, 'records' | 'workspaces'>,
  workspace: Workspace,
  actor: UserId,
  count = 1,
): Promise<AssignedOwners | undefined> {
  const assignment = workspace.settings.leadAssignment;
  if (assignment?.mode !== 'round-robin') return undefined;
  const ws: WorkspaceId = workspace.id;
  const [counter, members] = await Promise.all([
    deps.records.getCounter(ws, LEAD_OWNER_COUNTER),
    deps.workspaces.listMembers(ws),
  ]);
  const decided = decideLeadOwners(
    assignment,
    {
      members: new Set(members.map((m) => m.userId)),
      actor,
      ...(counter ? { last: counter.record } : {}),
    },
    count,
  );
  if (decided.last === undefined) return undefined;
  return {
    owners: decided.owners,
    write: {
      type: 'counter',
      name: LEAD_OWNER_COUNTER,
      value: decided.last,
      ...(counter ? { expected: counter.version } : {}),
    },
  };
}

/** Owners handed out one lead at a time (an import), the counter written once at the end. */
export type LeadOwnerRotation = { next(): UserId; finish(): Promise<void> };

/**
 * The round-robin for a stream of leads (an import): members and counter read once, owners handed
 * out in turn, and the counter moved to the last one given when the import ends. Writing the counter
 * per change set would make an import's concurrent change sets race each other; a create meanwhile
 * may give one person two leads in a row, nothing worse. Undefined when leads go to their creator.
 */
export async function leadOwnerRotation(
  deps: Pick<AppDeps, 'records' | 'workspaces'>,
  workspace: Workspace,
  actor: UserId,
): Promise<LeadOwnerRotation | undefined> {
  const assignment = workspace.settings.leadAssignment;
  if (assignment?.mode !== 'round-robin') return undefined;
  const ws = workspace.id;
  const members = new Set((await deps.workspaces.listMembers(ws)).map((m) => m.userId));
  let last = (await deps.records.getCounter(ws, LEAD_OWNER_COUNTER))?.record;
  if (decideLeadOwners(assignment, { members, actor }).last === undefined) return undefined;
  let moved = false;
  return {
    next: () => {
      const decided = decideLeadOwners(assignment, { members, actor, ...(last ? { last } : {}) });
      last = decided.last;
      moved = true;
      return decided.owners[0] ?? actor;
    },
    finish: async () => {
      if (!moved || last === undefined) return;
      for (let attempt = 0; attempt < 3; attempt++) {
        const counter = await deps.records.getCounter(ws, LEAD_OWNER_COUNTER);
        const saved = await deps.records.commit(ws, {
          writes: [
            {
              type: 'counter',
              name: LEAD_OWNER_COUNTER,
              value: last,
              ...(counter ? { expected: counter.version } : {}),
            },
          ],
          events: [],
        });
        if (saved.ok) return;
      }
    },
  };
}
