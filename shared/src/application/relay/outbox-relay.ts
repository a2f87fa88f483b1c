import type { Instant, WorkspaceId } from '../../common/types';
import type { NotificationChannel, SendOutcome } from '../notification-ports';
import type { Clock, OutboxRepository, PendingEvent } from '../ports';
import type { Version } from '../../records/versions';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../../common/backoff';
import {
  dueTargets,
  failedResolution,
  isExhausted,
  isFinished,
  needsTargets,
  nextAttemptAt,
  recordOutcome,
  startDelivery,
} from './delivery';
import { plusMs } from '../../common/instant';
import { zeroCounters, type RelayMetrics } from './relay-metrics';
import { createRelayScheduler } from './relay-scheduler';
import { countedSend } from './relay-send';
import type {
  Delivery,
  OutboxWakeups,
  PendingOutboxIndex,
  RelayLease,
  RelayLeases,
  RelayLog,
} from './relay-ports';

export type OutboxRelayDeps = {
  readonly outbox: OutboxRepository;
  readonly index: PendingOutboxIndex;
  readonly leases: RelayLeases;
  /** The queue; absent → the sweep alone finds events (slower). */
  readonly wakeups?: OutboxWakeups;
  readonly channel: NotificationChannel;
  readonly clock: Clock;
  /** In [0, 1): jitter. */
  readonly random: () => number;
  readonly log: RelayLog;
  /**
   * Runs a piece of the relay's work inside a trace span (a pass over a workspace, one send), with
   * the workspace and event ids as attributes; absent → no tracing. The bot passes OpenTelemetry's.
   */
  readonly trace?: RelayTrace;
};

/** `name`, its attributes, the work: the span ends when the work does. */
export type RelayTrace = <T>(
  name: string,
  attributes: Readonly<Record<string, string | number>>,
  work: () => Promise<T>,
) => Promise<T>;

export type OutboxRelayOptions = {
  /** This instance's name on the leases it holds. */
  readonly owner: string;
  readonly leaseMs: number;
  readonly sweepMs: number;
  /** The queue is polled every `min` ms while it brings work, backing off to `max` when idle. */
  readonly poll: { readonly minMs: number; readonly maxMs: number };
  /** Workspaces delivered at once. */
  readonly concurrency: number;
  /** Events read per workspace pass. */
  readonly batch: number;
  /** A mark younger than this is kept even when the outbox looks empty (its commit may be in flight). */
  readonly markGraceMs: number;
  /** Waits between retries of a target that gave no Retry-After. */
  readonly backoff: BackoffPolicy;
  /** Waits before a workspace whose pass storage failed is tried again. */
  readonly storageBackoff: BackoffPolicy;
  /** How soon to look again at a workspace another instance is delivering. */
  readonly busyRecheckMs: number;
  /**
   * Tries per event before it is given up on and moved to the dead letters (owners send it again from
   * Settings): resolving its targets, or sending to a target that keeps failing (with the default
   * backoff capped at 5 min, 20 tries take about an hour and a quarter).
   */
  readonly maxAttempts: number;
};

export const DEFAULT_RELAY_OPTIONS: Omit<OutboxRelayOptions, 'owner'> = {
  leaseMs: 30_000,
  sweepMs: 15_000,
  poll: { minMs: 100, maxMs: 1_000 },
  concurrency: 4,
  batch: 100,
  markGraceMs: 2 * 60_000,
  backoff: DEFAULT_BACKOFF,
  storageBackoff: { baseMs: 500, capMs: 30_000 },
  busyRecheckMs: 2_000,
  maxAttempts: 20,
};

export type OutboxRelay = {
  /** A workspace has new events (the local shortcut of the queue signal). */
  wake(ws: WorkspaceId): void;
  metrics(): RelayMetrics;
  /**
   * Finishes the send in flight and records it, then stops; pending work stays for the next
   * instance. Gives up waiting after `timeoutMs` (a send that hangs; its lease then expires).
   */
  stop(timeoutMs?: number): Promise<void>;
};

type Pass = { readonly blocked: Map<string, Instant>; readonly gone: Map<string, string> };

/** Done: delivered or dead-lettered (gone from the outbox). Else: when to look at it again. */
type EventResult = { readonly done: true } | { readonly done: false; readonly next?: Instant } | 'lease-lost';

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const noTrace: RelayTrace = (_name, _attributes, work) => work();

/**
 * Delivers outbox events to the channel's targets, at least once: per-(event, target) state written
 * right after each send, Retry-After honoured, backoff with jitter otherwise, `gone` final. Workspaces
 * are found through the queue signal and a slow sweep of the pending index, and delivered under a
 * lease so several instances do not send the same event. Nothing here throws out: storage and
 * channel failures are counted, logged and retried.
 */
export function startOutboxRelay(
  deps: OutboxRelayDeps,
  options: Partial<OutboxRelayOptions> & { readonly owner: string },
): OutboxRelay {
  const o: OutboxRelayOptions = { ...DEFAULT_RELAY_OPTIONS, ...options };
  const counters = zeroCounters();
  const oldest = new Map<WorkspaceId, Instant>();
  const storageFailures = new Map<WorkspaceId, number>();
  let lastSweepAt: Instant | undefined;
  let knownPending = 0;

  const nowMs = () => Date.parse(deps.clock.now());
  const trace = deps.trace ?? noTrace;
  const counted = countedSend({ channel: deps.channel, counters, log: deps.log, nowMs });
  const send: typeof counted = (target, event) =>
    trace(
      'relay.send',
      {
        'crm.workspace.id': event.workspaceId,
        'crm.event.id': event.id,
        'crm.event.type': event.type,
        'crm.target': target.key,
      },
      () => counted(target, event),
    );
  const scheduler = createRelayScheduler({ nowMs, concurrency: o.concurrency, run: passOver });
  const schedule = scheduler.schedule;

  /** One pass over a workspace under its lease; returns when to look again (ms), if ever. */
  async function passOver(ws: WorkspaceId): Promise<number | undefined> {
    try {
      const taken = await deps.leases.acquire(ws, o.owner, deps.clock.now(), o.leaseMs);
      if ('busyUntil' in taken) {
        return Math.min(Date.parse(taken.busyUntil), nowMs() + o.busyRecheckMs);
      }
      let lease: RelayLease = taken;
      const holder = {
        /** Renews when half the lease is gone; false when another instance took it over. */
        async keep(): Promise<boolean> {
          if (Date.parse(lease.until) - nowMs() > o.leaseMs / 2) return true;
          const renewed = await deps.leases.renew(lease, deps.clock.now(), o.leaseMs);
          if (renewed) lease = renewed;
          return renewed !== undefined;
        },
      };
      try {
        const next = await trace('relay.pass', { 'crm.workspace.id': ws }, () =>
          deliverWorkspace(ws, holder),
        );
        storageFailures.delete(ws);
        return next;
      } finally {
        await deps.leases.release(lease).catch((error: unknown) => {
          deps.log.warn({ err: error, workspaceId: ws }, 'relay lease not released; it expires');
        });
      }
    } catch (error) {
      const failures = (storageFailures.get(ws) ?? 0) + 1;
      storageFailures.set(ws, failures);
      counters.failures++;
      const waitMs = backoffDelay(failures, deps.random(), o.storageBackoff);
      deps.log.error({ err: error, workspaceId: ws, failures, retryInMs: waitMs }, 'relay pass failed');
      return nowMs() + waitMs;
    }
  }

  async function deliverWorkspace(
    ws: WorkspaceId,
    holder: { keep(): Promise<boolean> },
  ): Promise<number | undefined> {
    // Targets that asked to wait (429) are not sent the next events before their time either, and
    // a conversation found gone (403/404) is not tried again in this pass.
    const pass: Pass = { blocked: new Map(), gone: new Map() };
    // One walk through the outbox in pages, each read from where the last one ended: every pending
    // event is read once per pass, however long the backlog (events committed meanwhile come after).
    let after: string | undefined;
    let waiting = 0;
    let next: Instant | undefined;
    for (;;) {
      const entries = await deps.outbox.pending(ws, o.batch, after);
      if (after === undefined) {
        if (entries.length === 0) oldest.delete(ws);
        else oldest.set(ws, entries[0]!.event.occurredAt);
      }
      for (const entry of entries) {
        if (scheduler.stopping) return undefined;
        const result = await deliverEvent(ws, entry, pass, holder);
        if (result === 'lease-lost') return nowMs() + o.busyRecheckMs;
        if (result.done) continue;
        waiting++;
        if (result.next !== undefined && (next === undefined || result.next < next)) next = result.next;
      }
      if (entries.length < o.batch) break;
      after = entries.at(-1)!.position;
    }
    if (waiting > 0) return next === undefined ? undefined : Date.parse(next);
    // Everything read was delivered. An event committed meanwhile with an earlier time (another
    // instance's clock) sits before where the walk went: look once more from the start.
    if (after !== undefined && (await deps.outbox.pending(ws, 1)).length > 0) return nowMs();
    oldest.delete(ws);
    await deps.index.clear(ws, plusMs(deps.clock.now(), -o.markGraceMs));
    return undefined;
  }

  async function deliverEvent(
    ws: WorkspaceId,
    entry: PendingEvent,
    { blocked, gone }: Pass,
    holder: { keep(): Promise<boolean> },
  ): Promise<EventResult> {
    const { event } = entry;
    let version: Version = entry.version;
    let delivery: Delivery;
    if (needsTargets(entry.delivery)) {
      const notBefore = entry.delivery?.resolution?.notBefore;
      if (notBefore !== undefined && notBefore > deps.clock.now()) return { done: false, next: notBefore };
      try {
        delivery = startDelivery(await deps.channel.targetsFor(event));
      } catch (error) {
        // One event whose targets cannot be worked out must not hold up the workspace: it waits
        // (backoff) or, out of attempts, becomes a dead letter; the next events go on.
        counters.unresolved++;
        const failed = failedResolution(entry.delivery, reasonOf(error), {
          now: deps.clock.now(),
          random: deps.random(),
          backoff: o.backoff,
        });
        deps.log.warn(
          { err: error, workspaceId: ws, eventId: event.id, attempts: failed.resolution?.attempts },
          'targets of an outbox event could not be resolved; later events go on',
        );
        return settle(ws, entry, failed, version);
      }
    } else {
      delivery = entry.delivery as Delivery;
    }
    for (;;) {
      if (isFinished(delivery)) {
        await deps.outbox.markDelivered(ws, entry);
        counters.eventsDelivered++;
        deps.log.info(
          { workspaceId: ws, eventId: event.id, type: event.type, targets: delivery.targets.length },
          'outbox event delivered',
        );
        return { done: true };
      }
      const now = deps.clock.now();
      const [target] = dueTargets(delivery, now, blocked);
      if (!target || scheduler.stopping) return { done: false, next: nextAttemptAt(delivery, now, blocked) };
      if (!(await holder.keep())) return 'lease-lost';
      const goneReason = gone.get(target.key);
      if (goneReason !== undefined) counters.gone++;
      const outcome: SendOutcome =
        goneReason !== undefined ? { kind: 'gone', reason: goneReason } : await send(target, event);
      if (outcome.kind === 'gone') gone.set(target.key, outcome.reason);
      delivery = recordOutcome(delivery, target.key, outcome, {
        now: deps.clock.now(),
        random: deps.random(),
        backoff: o.backoff,
      });
      if (outcome.kind === 'retry') {
        const state = delivery.targets.find((t) => t.target.key === target.key);
        if (state?.status === 'pending' && state.notBefore) blocked.set(target.key, state.notBefore);
      }
      // A finished event is deleted at the top of the loop: that deletion records the last send.
      if (isFinished(delivery)) continue;
      if (isExhausted(delivery, o.maxAttempts)) return settle(ws, entry, delivery, version);
      const saved = await deps.outbox.saveDelivery(ws, entry, delivery, version);
      if (!saved.ok) return staleWrite(ws, entry);
      version = saved.value;
    }
  }

  /**
   * Keeps where an unfinished event stands: out of attempts, it moves to the dead letters (done, as
   * far as the outbox goes); else its state is saved and it waits for its next attempt.
   */
  async function settle(
    ws: WorkspaceId,
    entry: PendingEvent,
    delivery: Delivery,
    version: Version,
  ): Promise<EventResult> {
    const { event } = entry;
    if (isExhausted(delivery, o.maxAttempts)) {
      const moved = await deps.outbox.deadLetter(ws, { ...entry, version }, delivery, deps.clock.now());
      if (!moved) return staleWrite(ws, entry);
      counters.deadLettered++;
      deps.log.error(
        { workspaceId: ws, eventId: event.id, type: event.type, attempts: o.maxAttempts },
        'outbox event given up on: moved to the dead letters (owners can send it again from Settings)',
      );
      return { done: true };
    }
    const saved = await deps.outbox.saveDelivery(ws, entry, delivery, version);
    if (!saved.ok) return staleWrite(ws, entry);
    return { done: false, next: nextAttemptAt(delivery, deps.clock.now()) ?? delivery.resolution?.notBefore };
  }

  function staleWrite(ws: WorkspaceId, entry: PendingEvent): 'lease-lost' {
    counters.staleWrites++;
    deps.log.warn(
      { workspaceId: ws, eventId: entry.event.id },
      'another relay changed this event; leaving it',
    );
    return 'lease-lost';
  }

  async function pollLoop(wakeups: OutboxWakeups): Promise<void> {
    let wait = o.poll.minMs;
    let failures = 0;
    while (!scheduler.stopping) {
      try {
        const workspaces = await wakeups.receive();
        if (failures > 0) deps.log.info({ failures }, 'outbox queue readable again');
        failures = 0;
        counters.signalsReceived += workspaces.length;
        for (const ws of workspaces) schedule(ws, nowMs());
        wait = workspaces.length > 0 ? o.poll.minMs : Math.min(wait * 2, o.poll.maxMs);
      } catch (error) {
        // Logged once per outage (a missing permission would otherwise log every second); the sweep
        // still finds every event meanwhile.
        if (failures++ === 0) deps.log.warn({ err: error }, 'outbox queue not readable; the sweep goes on');
        wait = backoffDelay(failures, deps.random(), { baseMs: o.poll.maxMs, capMs: o.sweepMs });
      }
      await scheduler.sleep(wait);
    }
  }

  async function sweepLoop(): Promise<void> {
    while (!scheduler.stopping) {
      try {
        let count = 0;
        for await (const ws of deps.index.list()) {
          count++;
          // A workspace waiting for a retry keeps its time; one unknown here is looked at now.
          if (!scheduler.knows(ws)) schedule(ws, nowMs());
        }
        knownPending = count;
        counters.sweeps++;
        lastSweepAt = deps.clock.now();
      } catch (error) {
        counters.failures++;
        deps.log.warn({ err: error }, 'pending-outbox sweep failed; trying again at the next one');
      }
      await scheduler.sleep(o.sweepMs);
    }
  }

  void sweepLoop();
  if (deps.wakeups) void pollLoop(deps.wakeups);
  deps.log.info({ owner: o.owner, queue: Boolean(deps.wakeups), sweepMs: o.sweepMs }, 'outbox relay started');

  return {
    wake: (ws) => schedule(ws, nowMs()),
    metrics(): RelayMetrics {
      let oldestAt: Instant | undefined;
      for (const at of oldest.values()) if (oldestAt === undefined || at < oldestAt) oldestAt = at;
      return {
        owner: o.owner,
        running: !scheduler.stopping,
        ...counters,
        pendingWorkspaces: oldest.size,
        markedWorkspaces: knownPending,
        ...(oldestAt !== undefined ? { oldestPendingAt: oldestAt } : {}),
        lagMs: oldestAt === undefined ? 0 : Math.max(nowMs() - Date.parse(oldestAt), 0),
        ...(lastSweepAt !== undefined ? { lastSweepAt } : {}),
      };
    },
    async stop(timeoutMs = 10_000) {
      const timedOut = await scheduler.stop(timeoutMs);
      deps.log.info({ owner: o.owner, timedOut, ...counters }, 'outbox relay stopped');
    },
  };
}
