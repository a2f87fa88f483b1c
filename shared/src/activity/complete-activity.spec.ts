import { anActivity } from '../testing/builders';
import {
  decideActivityCompletion,
  decideActivityReopening,
  decideActivityRescheduling,
} from './complete-activity';

const ctx = { actor: 'bob', now: '2026-03-03T10:00:00.000Z' };
const DUE = '2026-03-06T09:00:00.000Z';
const { completedAt: _unused, ...openBase } = anActivity({ type: 'meeting', occurredAt: DUE });
const planned = { ...openBase, completed: false };
const done = anActivity({ type: 'call', completed: true, completedAt: '2026-03-02T09:00:00.000Z' });

describe('decideActivityCompletion', () => {
  it('given an open activity, when marked done, then it is done now, keeping its due time', () => {
    const result = decideActivityCompletion(planned, { outcome: 'Agreed on a pilot' }, ctx);
    expect(result.ok && result.value).toEqual({
      changed: true,
      activity: {
        ...planned,
        completed: true,
        completedAt: ctx.now,
        outcome: 'Agreed on a pilot',
        updatedAt: ctx.now,
        updatedBy: 'bob',
      },
    });
  });

  it('given a done activity, when marked done again (a double click), then nothing changes', () => {
    expect(decideActivityCompletion(done, {}, ctx)).toEqual({
      ok: true,
      value: { activity: done, changed: false },
    });
  });

  it('given a done activity, when marked done with an outcome, then only the outcome is new', () => {
    const result = decideActivityCompletion(done, { outcome: 'Voicemail' }, ctx);
    expect(result.ok && result.value.activity).toMatchObject({
      completedAt: done.completedAt,
      outcome: 'Voicemail',
    });
  });
});

describe('decideActivityReopening', () => {
  it('given a done activity, when reopened, then it is open and forgets when it was done', () => {
    const result = decideActivityReopening(done, ctx);
    expect(result.ok && result.value.changed).toBe(true);
    expect(result.ok && result.value.activity.completed).toBe(false);
    expect(result.ok && 'completedAt' in result.value.activity).toBe(false);
  });

  it('given an open activity, when reopened, then nothing changes', () => {
    expect(decideActivityReopening(planned, ctx)).toEqual({
      ok: true,
      value: { activity: planned, changed: false },
    });
  });
});

describe('decideActivityRescheduling', () => {
  it('given an open activity, when moved to Monday, then it is due on Monday', () => {
    const result = decideActivityRescheduling(planned, { dueAt: '2026-03-09T09:00:00.000Z' }, ctx);
    expect(result.ok && result.value.activity).toMatchObject({
      occurredAt: '2026-03-09T09:00:00.000Z',
      completed: false,
      updatedBy: 'bob',
    });
  });

  it('given the time it already has, then nothing changes', () => {
    expect(decideActivityRescheduling(planned, { dueAt: DUE }, ctx)).toEqual({
      ok: true,
      value: { activity: planned, changed: false },
    });
  });

  it('given a done activity, then ACTIVITY.ALREADY_COMPLETED', () => {
    const result = decideActivityRescheduling(done, { dueAt: DUE }, ctx);
    expect(!result.ok && result.error.code).toBe('ACTIVITY.ALREADY_COMPLETED');
  });
});
