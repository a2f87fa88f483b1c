import type { Instant, WorkspaceId } from '../../common/types';
import type { Version } from '../../records/versions';
import type { NotificationTarget } from '../notification-ports';

/**
 * How the relay finds pending events without a query per workspace per tick:
 * - a compact index of workspaces that may have pending events, marked before every commit that
 *   writes events (so a crash between the two cannot hide an event) and swept slowly;
 * - a wake-up signal sent after the commit, so the post goes out within a second or so.
 */
export interface PendingOutboxIndex {
  /** Marks the workspace as possibly having pending events (an upsert; idempotent). */
  mark(ws: WorkspaceId, at: Instant): Promise<void>;
  /** Every marked workspace. Its cost grows with the workspaces that have pending events, not all of them. */
  list(): AsyncIterable<WorkspaceId>;
  /**
   * Removes the mark when it was last set before `markedBefore` (a commit marked later may not have
   * landed yet). ETag-guarded: a mark set meanwhile wins. True when removed.
   */
  clear(ws: WorkspaceId, markedBefore: Instant): Promise<boolean>;
}

/** Best-effort "this workspace has new events" (a queue message). Losing one only costs latency. */
export interface OutboxSignal {
  notify(ws: WorkspaceId): Promise<void>;
}

/** The relay's side of the signal: workspaces signalled since the last call (possibly none). */
export interface OutboxWakeups {
  receive(): Promise<WorkspaceId[]>;
}

/** Only the holder of a workspace's lease delivers its events, so instances do not send twice. */
export type RelayLease = {
  readonly ws: WorkspaceId;
  readonly owner: string;
  readonly until: Instant;
  readonly version: Version;
};

export interface RelayLeases {
  /** Takes the lease when free or expired; otherwise says until when another instance holds it. */
  acquire(
    ws: WorkspaceId,
    owner: string,
    now: Instant,
    ttlMs: number,
  ): Promise<RelayLease | { readonly busyUntil: Instant }>;
  /** Extends a lease still held (same ETag); undefined when it was lost. */
  renew(lease: RelayLease, now: Instant, ttlMs: number): Promise<RelayLease | undefined>;
  /** Gives the lease up (only if still held as read). */
  release(lease: RelayLease): Promise<void>;
}

/** Structured logs (pino's shape), so the application names no logging library. */
export type RelayLog = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
  debug(fields: object, message: string): void;
};

/**
 * Where one event stands with each of its targets. Kept with the event in the outbox and written
 * right after every send, so a retry (by this relay, after a restart, or by another instance) never
 * sends again to a target that already got it.
 */
export type TargetDelivery =
  | {
      readonly target: NotificationTarget;
      readonly status: 'pending';
      readonly attempts: number;
      /** Not before this instant (Retry-After or backoff); absent: now. */
      readonly notBefore?: Instant;
      readonly lastError?: string;
    }
  | {
      readonly target: NotificationTarget;
      readonly status: 'sent';
      readonly attempts: number;
      readonly at: Instant;
    }
  | {
      readonly target: NotificationTarget;
      readonly status: 'gone';
      readonly attempts: number;
      readonly reason: string;
    };

/**
 * Who hears of the event could not be worked out yet (`targetsFor` threw): tried `attempts` times,
 * not again before `notBefore`. Later events of the workspace go on meanwhile.
 */
export type Resolution = {
  readonly attempts: number;
  readonly notBefore: Instant;
  readonly lastError: string;
};

export type Delivery = { readonly targets: readonly TargetDelivery[]; readonly resolution?: Resolution };

/** Attempts over all targets, and the latest error still standing (shown on the outbox row). */
export function summary(delivery: Delivery): { attempts: number; lastError?: string } {
  let attempts = delivery.resolution?.attempts ?? 0;
  let lastError: string | undefined = delivery.resolution?.lastError;
  for (const t of delivery.targets) {
    attempts += t.attempts;
    if (t.status === 'pending' && t.lastError) lastError = t.lastError;
  }
  return lastError === undefined ? { attempts } : { attempts, lastError };
}

/** Targets that have the post. */
export const sentCount = (delivery: Delivery | undefined): number =>
  delivery?.targets.filter((t) => t.status === 'sent').length ?? 0;

/**
 * A dead letter sent again: targets that had the post keep it, the others start over (no attempts,
 * no wait); an event whose targets were never resolved is resolved afresh.
 */
export function restartDelivery(delivery: Delivery | undefined): Delivery | undefined {
  if (delivery === undefined || delivery.resolution !== undefined) return undefined;
  return {
    targets: delivery.targets.map((t): TargetDelivery =>
      t.status === 'pending' ? { target: t.target, status: 'pending', attempts: 0 } : t,
    ),
  };
}
