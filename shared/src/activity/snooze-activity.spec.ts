import { anActivity } from '../testing/builders';
import { decideActivitySnooze, snoozedDueAt } from './snooze-activity';

describe('snoozedDueAt', () => {
  it.each([
    // due, until, now, zone, new due
    // Tomorrow keeps the time of day where the person is.
    [
      '2026-03-03T08:30:00.000Z',
      'tomorrow',
      '2026-03-03T10:00:00.000Z',
      'Europe/Oslo',
      '2026-03-04T08:30:00.000Z',
    ],
    // Overdue since last week: tomorrow is the day after today, not after the due day.
    [
      '2026-02-20T13:00:00.000Z',
      'tomorrow',
      '2026-03-03T10:00:00.000Z',
      'Europe/Oslo',
      '2026-03-04T13:00:00.000Z',
    ],
    // Saturday 09:00 in Oslo → Sunday 09:00, the day summer time starts: an hour earlier in UTC.
    [
      '2026-03-28T08:00:00.000Z',
      'tomorrow',
      '2026-03-28T07:00:00.000Z',
      'Europe/Oslo',
      '2026-03-29T07:00:00.000Z',
    ],
    // Saturday 02:30 → Sunday 02:30, which the clock skips: 03:30.
    [
      '2026-03-28T01:30:00.000Z',
      'tomorrow',
      '2026-03-28T07:00:00.000Z',
      'Europe/Oslo',
      '2026-03-29T01:30:00.000Z',
    ],
    // Friday 09:00 → next week is Monday 09:00, after summer time ended on Sunday.
    [
      '2026-10-23T07:00:00.000Z',
      'next-week',
      '2026-10-23T07:30:00.000Z',
      'Europe/Amsterdam',
      '2026-10-26T08:00:00.000Z',
    ],
    // On a Monday, next week is the Monday after.
    ['2026-03-02T12:00:00.000Z', 'next-week', '2026-03-02T12:00:00.000Z', 'UTC', '2026-03-09T12:00:00.000Z'],
    // Late on Sunday evening in São Paulo it is already Monday in UTC: the days are São Paulo's.
    [
      '2026-03-08T12:00:00.000Z',
      'next-week',
      '2026-03-09T01:00:00.000Z',
      'America/Sao_Paulo',
      '2026-03-09T12:00:00.000Z',
    ],
    [
      '2026-03-08T12:00:00.000Z',
      'tomorrow',
      '2026-03-09T01:00:00.000Z',
      'America/Sao_Paulo',
      '2026-03-09T12:00:00.000Z',
    ],
  ] as const)('given due %s, %s at %s in %s, then due %s', (due, until, now, zone, expected) => {
    expect(snoozedDueAt(due, until, now, zone)).toBe(expected);
  });
});

describe('decideActivitySnooze', () => {
  const ctx = { actor: 'user-anna', now: '2026-03-03T10:00:00.000Z' };

  it('given an open task, when snoozed to tomorrow, then it is due tomorrow', () => {
    const task = anActivity({ type: 'task', completed: false, occurredAt: '2026-03-03T08:00:00.000Z' });
    const decided = decideActivitySnooze(task, { until: 'tomorrow', timeZone: 'UTC' }, ctx);
    expect(decided.ok && decided.value).toMatchObject({
      changed: true,
      activity: { occurredAt: '2026-03-04T08:00:00.000Z', updatedAt: ctx.now },
    });
  });

  it('given a done activity, when snoozed, then ACTIVITY.ALREADY_COMPLETED', () => {
    const call = anActivity({ type: 'call', completed: true, completedAt: '2026-03-03T09:00:00.000Z' });
    const decided = decideActivitySnooze(call, { until: 'tomorrow', timeZone: 'UTC' }, ctx);
    expect(!decided.ok && decided.error.code).toBe('ACTIVITY.ALREADY_COMPLETED');
  });
});
