import { anActivity, anOpportunity } from '../testing/builders';
import { staleDealsReport } from './stale-deals-report';

const now = '2026-03-31T12:00:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(now) - days * 86_400_000).toISOString();
const deal = (id: string, stageChangedDaysAgo: number, stage = 'proposal') =>
  anOpportunity({ id, stage, stageChangedAt: daysAgo(stageChangedDaysAgo) });
const on = (id: string, days: number, extra: Parameters<typeof anActivity>[0] = {}) =>
  anActivity({ regarding: { type: 'opportunity', id }, occurredAt: daysAgo(days), ...extra });

const report = (opportunities: ReturnType<typeof deal>[], activities: ReturnType<typeof on>[]) =>
  staleDealsReport({ opportunities, activities, now, staleAfterDays: 14 }).map((d) => [
    d.opportunity.id,
    d.lastTouch,
    d.daysInactive,
  ]);

describe('staleDealsReport', () => {
  it('given deals without activity, then the last stage change decides, oldest first', () => {
    expect(report([deal('a', 20), deal('b', 40), deal('c', 10)], [])).toEqual([
      ['b', 'stage-change', 40],
      ['a', 'stage-change', 20],
    ]);
  });

  it('given a recent activity on an old deal, then it is fresh', () => {
    expect(report([deal('a', 60)], [on('a', 3), on('a', 30)])).toEqual([]);
  });

  it('given only old activities, then the latest of them is the last touch', () => {
    expect(report([deal('a', 60)], [on('a', 50), on('a', 30)])).toEqual([['a', 'activity', 30]]);
  });

  it('given a stage change after the last activity, then the stage change keeps it fresh', () => {
    expect(report([deal('a', 2)], [on('a', 30)])).toEqual([]);
  });

  it.each([
    [
      'an activity regarding something else',
      anActivity({ regarding: { type: 'lead', id: 'a' }, occurredAt: daysAgo(1) }),
    ],
    ['an open task', on('a', 1, { type: 'task', completed: false })],
    ['an activity dated in the future', on('a', -5)],
  ])('given %s, then it does not count', (_case, activity) => {
    expect(report([deal('a', 30)], [activity])).toEqual([['a', 'stage-change', 30]]);
  });

  it('given a completed task, then it counts', () => {
    expect(report([deal('a', 30)], [on('a', 1, { type: 'task', completed: true })])).toEqual([]);
  });

  it('given closed deals, then they are never stale', () => {
    expect(report([deal('w', 90, 'closed-won'), deal('l', 90, 'closed-lost')], [])).toEqual([]);
  });

  it('given a deal exactly at the limit, then it is not yet stale', () => {
    expect(report([deal('a', 14)], [])).toEqual([]);
  });
});
