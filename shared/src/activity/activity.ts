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
  /** When it happened (or, for an open task, when it is due). */
  readonly occurredAt: Instant;
  readonly outcome?: string;
  /** Tasks only: done or not. */
  readonly completed?: boolean;
  /** Who had the interaction. */
  readonly ownerId: UserId;
};

export type Activity = ActivityDetails & Audit & { readonly id: Id; readonly workspaceId: WorkspaceId };
