import type { UserId } from '../common/types';

export const LEAD_ASSIGNMENT_MODES = ['creator', 'round-robin'] as const;
export type LeadAssignmentMode = (typeof LEAD_ASSIGNMENT_MODES)[number];

/**
 * Who owns a new lead that names no owner (form, bot, import): its creator, or the members who opted
 * in, in turn. Owners choose in the workspace settings; absent means `creator`.
 */
export type LeadAssignment = {
  readonly mode: LeadAssignmentMode;
  /** The round-robin's members, in turn order. */
  readonly memberIds: readonly UserId[];
};

/** The counter (records' `counter` write) that holds whom the round-robin gave the last lead. */
export const LEAD_OWNER_COUNTER = 'lead-owner';

export type LeadOwners = {
  /** Owners for the next `count` leads, in order. */
  readonly owners: readonly UserId[];
  /** The counter's new value (the last one given), when the round-robin moved. */
  readonly last?: UserId;
};

/**
 * Owners for new leads: the actor, unless the round-robin is on; then the opted-in members who still
 * are members, each in turn after the one who got the last lead (`last`; from the first when that
 * one left the list). Pure: the members, the counter and the actor come in.
 */
export function decideLeadOwners(
  assignment: LeadAssignment | undefined,
  ctx: { readonly members: ReadonlySet<UserId>; readonly last?: UserId; readonly actor: UserId },
  count = 1,
): LeadOwners {
  const pool =
    assignment?.mode === 'round-robin' ? assignment.memberIds.filter((id) => ctx.members.has(id)) : [];
  if (pool.length === 0) return { owners: Array.from({ length: count }, () => ctx.actor) };
  let at = ctx.last === undefined ? -1 : pool.indexOf(ctx.last);
  const owners: UserId[] = [];
  for (let i = 0; i < count; i++) {
    at = (at + 1) % pool.length;
    owners.push(pool[at] as UserId);
  }
  return { owners, last: owners.at(-1) as UserId };
}
