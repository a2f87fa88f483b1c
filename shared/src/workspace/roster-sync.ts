import type { Instant, UserId } from '../common/types';
import type { RosterEntry } from './team';
import type { Member, Workspace } from './workspace';

export type RosterChange = { readonly upsert: readonly Member[]; readonly remove: readonly UserId[] };

export type RosterContext = {
  readonly workspace: Pick<Workspace, 'id' | 'tenantId'>;
  /** Who caused the sync (the installer, or the bot's own service user for roster events). */
  readonly actor: UserId;
  readonly now: Instant;
};

/**
 * The team's roster is the workspace's membership: people on the roster who are not members join as
 * members (names refreshed for those who are), members missing from it leave. Owners are kept while
 * they are the last ones, so the workspace always has someone who can manage it.
 */
export function syncRoster(
  members: readonly Member[],
  roster: readonly RosterEntry[],
  ctx: RosterContext,
): RosterChange {
  const onRoster = new Map(roster.map((entry) => [entry.userId, entry]));
  const current = new Map(members.map((m) => [m.userId, m]));
  const upsert: Member[] = [];
  for (const entry of onRoster.values()) {
    const member = current.get(entry.userId);
    if (!member) {
      upsert.push(newMember(entry, 'member', ctx));
    } else if (entry.name !== undefined && entry.name !== member.name) {
      upsert.push({ ...member, name: entry.name });
    }
  }
  const leaving = members.filter((m) => !onRoster.has(m.userId));
  const ownersStaying = members.some((m) => m.role === 'owner' && onRoster.has(m.userId));
  const remove = leaving.filter((m) => m.role !== 'owner' || ownersStaying).map((m) => m.userId);
  return { upsert, remove };
}

/** People who joined the team: members from now on (those already members are left as they are). */
export function joinRoster(
  members: readonly Member[],
  joined: readonly RosterEntry[],
  ctx: RosterContext,
): RosterChange {
  const known = new Set(members.map((m) => m.userId));
  const fresh = new Map(joined.filter((e) => !known.has(e.userId)).map((e) => [e.userId, e]));
  return { upsert: [...fresh.values()].map((e) => newMember(e, 'member', ctx)), remove: [] };
}

/** People who left the team lose access, except the last owner(s). */
export function leaveRoster(members: readonly Member[], left: readonly UserId[]): RosterChange {
  const leaving = new Set(left);
  const ownersStaying = members.some((m) => m.role === 'owner' && !leaving.has(m.userId));
  const remove = members
    .filter((m) => leaving.has(m.userId) && (m.role !== 'owner' || ownersStaying))
    .map((m) => m.userId);
  return { upsert: [], remove };
}

const newMember = (entry: RosterEntry, role: Member['role'], ctx: RosterContext): Member => ({
  workspaceId: ctx.workspace.id,
  tenantId: ctx.workspace.tenantId,
  userId: entry.userId,
  role,
  ...(entry.name !== undefined ? { name: entry.name } : {}),
  addedAt: ctx.now,
  addedBy: ctx.actor,
});

/** Splits a change into steps that each fit one storage batch (`size` rows besides the guard row). */
export function chunkRosterChange(change: RosterChange, size: number): RosterChange[] {
  const rows = [
    ...change.upsert.map((m) => ({ upsert: m })),
    ...change.remove.map((userId) => ({ remove: userId })),
  ];
  const chunks: RosterChange[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const slice = rows.slice(i, i + size);
    chunks.push({
      upsert: slice.flatMap((r) => ('upsert' in r ? [r.upsert] : [])),
      remove: slice.flatMap((r) => ('remove' in r ? [r.remove] : [])),
    });
  }
  return chunks;
}
