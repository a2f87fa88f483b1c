import type { Audit, Id, Instant, UserId, WorkspaceId } from '../common/types';

export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'note', 'task'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const REGARDING_TYPES = ['lead', 'organisation', 'contact', 'opportunity'] as const;
export type RegardingType = (typeof REGARDING_TYPES)[number];
export type Regarding = { readonly type: RegardingType; readonly id: Id };

export type ActivityDetails = {
  readonly type: ActivityType;
  readonly subject: string;
  readonly notes?: string;
  readonly regarding: Regarding;
  /**
   * The activity's one "when": while it is open, when it is due; once done, when it happened
   * (see `happenedAt`: never later than the moment it was marked done).
   */
  readonly occurredAt: Instant;
  readonly outcome?: string;
  /** Done (true) or still to do (false), for every type. */
  readonly completed: boolean;
  /** When it was marked done; present exactly while `completed`. */
  readonly completedAt?: Instant;
  /** Who has it to do, or had the interaction; a member of the workspace. */
  readonly ownerId: UserId;
};

export type Activity = ActivityDetails & Audit & { readonly id: Id; readonly workspaceId: WorkspaceId };

/**
 * Activities stored before every type could be planned have no `completed` for calls, emails,
 * meetings and notes: those were logged as they happened, so they are done. Storage reads every
 * activity through this.
 */
export function upgradeActivity(stored: Activity): Activity {
  const flag = (stored as { completed?: boolean }).completed;
  if (typeof flag === 'boolean') return stored;
  return { ...stored, completed: stored.type !== 'task' };
}
