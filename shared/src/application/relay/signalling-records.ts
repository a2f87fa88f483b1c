import type { Clock, OutboxRepository, RecordRepository } from '../ports';
import type { OutboxSignal, PendingOutboxIndex, RelayLog } from './relay-ports';

type SignalDeps = {
  readonly index: PendingOutboxIndex;
  readonly signal: OutboxSignal;
  readonly clock: Clock;
  readonly log: Pick<RelayLog, 'warn'>;
};

/** Marks the workspace, runs the write that adds outbox events, and signals when it succeeded. */
async function markedAndSignalled<T extends { readonly ok: boolean }>(
  deps: SignalDeps,
  ws: string,
  write: () => Promise<T>,
): Promise<T> {
  await deps.index.mark(ws, deps.clock.now());
  const result = await write();
  if (result.ok) {
    deps.signal.notify(ws).catch((error: unknown) => {
      deps.log.warn(
        { err: error, workspaceId: ws },
        'outbox signal not sent; the relay sweep will find the events',
      );
    });
  }
  return result;
}

/** Every method but `name` is the target's own, called on it. */
function replacing<T extends object>(target: T, name: keyof T, replacement: unknown): T {
  return new Proxy(target, {
    get(inner, property) {
      if (property === name) return replacement;
      const value: unknown = Reflect.get(inner, property, inner);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(inner) : value;
    },
  });
}

/**
 * The records repository of a process that commits (tab server, bot), made to tell the relay about
 * new events: the workspace is marked in the pending index *before* the commit (a crash in between
 * leaves a mark pointing at nothing, which a sweep clears; never an event nobody looks for), and
 * signalled *after* it (best effort: a lost signal costs latency until the next sweep).
 */
export function withOutboxSignal(records: RecordRepository, deps: SignalDeps): RecordRepository {
  const commit: RecordRepository['commit'] = async (ws, changes) =>
    changes.events.length === 0
      ? records.commit(ws, changes)
      : markedAndSignalled(deps, ws, () => records.commit(ws, changes));
  return replacing(records, 'commit', commit);
}

/**
 * The outbox of a process where owners send dead letters again: a requeued event is marked and
 * signalled like a committed one, so a relay picks it up at once (its workspace's mark may be gone).
 */
export function withRequeueSignal(outbox: OutboxRepository, deps: SignalDeps): OutboxRepository {
  const requeue: OutboxRepository['requeue'] = (ws, eventId) =>
    markedAndSignalled(deps, ws, () => outbox.requeue(ws, eventId));
  return replacing(outbox, 'requeue', requeue);
}

/** Several signals as one (the queue for other processes, the local relay's wake-up); each best effort. */
export function allSignals(...signals: readonly OutboxSignal[]): OutboxSignal {
  return {
    async notify(ws) {
      const results = await Promise.allSettled(signals.map((s) => s.notify(ws)));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
