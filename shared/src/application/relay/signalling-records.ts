import type { Clock, RecordRepository } from '../ports';
import type { OutboxSignal, PendingOutboxIndex, RelayLog } from './relay-ports';

/**
 * The records repository of a process that commits (tab server, bot), made to tell the relay about
 * new events: the workspace is marked in the pending index *before* the commit (a crash in between
 * leaves a mark pointing at nothing, which a sweep clears; never an event nobody looks for), and
 * signalled *after* it (best effort: a lost signal costs latency until the next sweep).
 */
export function withOutboxSignal(
  records: RecordRepository,
  deps: {
    readonly index: PendingOutboxIndex;
    readonly signal: OutboxSignal;
    readonly clock: Clock;
    readonly log: Pick<RelayLog, 'warn'>;
  },
): RecordRepository {
  const commit: RecordRepository['commit'] = async (ws, changes) => {
    if (changes.events.length === 0) return records.commit(ws, changes);
    await deps.index.mark(ws, deps.clock.now());
    const result = await records.commit(ws, changes);
    if (result.ok) {
      deps.signal.notify(ws).catch((error: unknown) => {
        deps.log.warn(
          { err: error, workspaceId: ws },
          'outbox signal not sent; the relay sweep will find the events',
        );
      });
    }
    return result;
  };
  // Every other method is the repository's own, called on it.
  return new Proxy(records, {
    get(target, property) {
      if (property === 'commit') return commit;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
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
