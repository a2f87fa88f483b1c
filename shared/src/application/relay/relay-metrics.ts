import type { Instant } from '../../common/types';

/** What the relay has done since it started, and how far behind it is (in /readyz, /metrics and logs). */
export type RelayMetrics = {
  readonly owner: string;
  readonly running: boolean;
  /** Posts that reached a target. */
  readonly sent: number;
  /** Attempts answered "try later" (429, 5xx, network); `rateLimited` of them came with a Retry-After. */
  readonly retries: number;
  readonly rateLimited: number;
  /** (event, target) pairs dropped for good (403/404; later events of the pass are not sent there). */
  readonly gone: number;
  /** Sends that threw, and workspace passes that storage failed (both retried). */
  readonly failures: number;
  /** Events finished (every target sent or gone) and removed from the outbox. */
  readonly eventsDelivered: number;
  /** Delivery-state writes that lost to another relay (the event was left to it). */
  readonly staleWrites: number;
  /** Events whose targets could not be worked out (`targetsFor` threw; retried, later events go on). */
  readonly unresolved: number;
  /** Events given up on after their attempts and moved to the workspace's dead letters. */
  readonly deadLettered: number;
  /** Workspaces in which this instance last saw pending events. */
  readonly pendingWorkspaces: number;
  /** Marks in the pending index at the last sweep (a mark outlives its events by a grace period). */
  readonly markedWorkspaces: number;
  /** The oldest pending event this instance has seen, and its age: the relay's lag. */
  readonly oldestPendingAt?: Instant;
  readonly lagMs: number;
  readonly signalsReceived: number;
  readonly sweeps: number;
  readonly lastSweepAt?: Instant;
};

export type Counters = {
  -readonly [
    K in
      | 'sent'
      | 'retries'
      | 'rateLimited'
      | 'gone'
      | 'failures'
      | 'eventsDelivered'
      | 'staleWrites'
      | 'unresolved'
      | 'deadLettered'
      | 'signalsReceived'
      | 'sweeps'
  ]: number;
};

export const zeroCounters = (): Counters => ({
  sent: 0,
  retries: 0,
  rateLimited: 0,
  gone: 0,
  failures: 0,
  eventsDelivered: 0,
  staleWrites: 0,
  unresolved: 0,
  deadLettered: 0,
  signalsReceived: 0,
  sweeps: 0,
});
