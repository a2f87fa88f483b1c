import {
  dueTargets,
  isFinished,
  MAX_RETRY_AFTER_MS,
  nextAttemptAt,
  recordOutcome,
  startDelivery,
} from './delivery';
import { summary } from './relay-ports';

const T0 = '2026-11-22T10:00:00.000Z';
const channel = { key: 'channel:19:general', kind: 'channel' } as const;
const owner = { key: 'user:29:owner', kind: 'personal' } as const;
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
const ctx = (nowMs = 0, random = 0) => ({
  now: at(nowMs),
  random,
  backoff: { baseMs: 1_000, capMs: 60_000 },
});

describe('delivery of one event to its targets', () => {
  it('given targets named twice, when started, then each is pending once and due now', () => {
    const delivery = startDelivery([channel, owner, channel]);

    expect(delivery.targets.map((t) => [t.target.key, t.status, t.attempts])).toEqual([
      [channel.key, 'pending', 0],
      [owner.key, 'pending', 0],
    ]);
    expect(dueTargets(delivery, T0)).toEqual([channel, owner]);
    expect(isFinished(delivery)).toBe(false);
  });

  it('given no targets, then it is finished at once', () => {
    expect(isFinished(startDelivery([]))).toBe(true);
    expect(nextAttemptAt(startDelivery([]), T0)).toBeUndefined();
  });

  it('given a sent target, when another outcome comes for it, then it stays sent (never re-sent)', () => {
    const sent = recordOutcome(startDelivery([channel]), channel.key, { kind: 'sent' }, ctx(5));
    const again = recordOutcome(sent, channel.key, { kind: 'retry', reason: 'late 500' }, ctx(6));

    expect(again).toEqual(sent);
    expect(sent.targets[0]).toEqual({ target: channel, status: 'sent', attempts: 1, at: at(5) });
    expect(dueTargets(sent, at(10_000))).toEqual([]);
    expect(isFinished(sent)).toBe(true);
  });

  it('given a 429 with Retry-After, then the target waits exactly that long', () => {
    const delivery = recordOutcome(
      startDelivery([channel]),
      channel.key,
      { kind: 'retry', reason: '429', afterMs: 7_000 },
      ctx(),
    );

    expect(delivery.targets[0]).toMatchObject({ status: 'pending', attempts: 1, notBefore: at(7_000) });
    expect(dueTargets(delivery, at(6_999))).toEqual([]);
    expect(dueTargets(delivery, at(7_000))).toEqual([channel]);
    expect(nextAttemptAt(delivery, T0)).toBe(at(7_000));
  });

  it('given an absurd Retry-After, then it is clamped to an hour', () => {
    const delivery = recordOutcome(
      startDelivery([channel]),
      channel.key,
      { kind: 'retry', reason: '429', afterMs: 10 * 24 * 3_600_000 },
      ctx(),
    );
    expect(delivery.targets[0]).toMatchObject({ notBefore: at(MAX_RETRY_AFTER_MS) });
  });

  it.each([
    [1, 0, 500],
    [2, 0, 1_000],
    [3, 0.999999, 4_000],
  ])(
    'given %i failure(s) without Retry-After (random %d), then it backs off %i ms',
    (failures, random, wait) => {
      let delivery = startDelivery([channel]);
      for (let i = 0; i < failures; i++) {
        delivery = recordOutcome(delivery, channel.key, { kind: 'retry', reason: '502' }, ctx(0, random));
      }
      expect(delivery.targets[0]).toMatchObject({
        attempts: failures,
        notBefore: at(wait),
        lastError: '502',
      });
    },
  );

  it('given a gone target and a sent one, then the event is finished and gone is final', () => {
    let delivery = startDelivery([channel, owner]);
    delivery = recordOutcome(
      delivery,
      channel.key,
      { kind: 'gone', reason: '403 BotNotInConversationRoster' },
      ctx(),
    );
    expect(isFinished(delivery)).toBe(false);
    delivery = recordOutcome(delivery, owner.key, { kind: 'sent' }, ctx());

    expect(isFinished(delivery)).toBe(true);
    expect(delivery.targets[0]).toEqual({
      target: channel,
      status: 'gone',
      attempts: 1,
      reason: '403 BotNotInConversationRoster',
    });
    expect(summary(delivery)).toEqual({ attempts: 2 });
  });

  it('given a target blocked by an earlier event (429 this pass), then it is not due before its time', () => {
    const delivery = startDelivery([channel, owner]);
    const blocked = new Map([[channel.key, at(3_000)]]);

    expect(dueTargets(delivery, T0, blocked)).toEqual([owner]);
    const onlyChannel = recordOutcome(delivery, owner.key, { kind: 'sent' }, ctx());
    expect(nextAttemptAt(onlyChannel, T0, blocked)).toBe(at(3_000));
  });

  it('sums attempts and shows the error still standing', () => {
    let delivery = startDelivery([channel, owner]);
    delivery = recordOutcome(delivery, channel.key, { kind: 'retry', reason: '500' }, ctx());
    delivery = recordOutcome(delivery, owner.key, { kind: 'sent' }, ctx());
    expect(summary(delivery)).toEqual({ attempts: 2, lastError: '500' });
  });
});
