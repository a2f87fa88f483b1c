import { anActivity } from '../testing/builders';
import type { Activity } from './activity';
import type { ActivityPatchInput } from './activity.schema';
import { decideActivityUpdate } from './update-activity';

const ctx = { actor: 'bob', now: '2026-03-03T10:00:00.000Z' };
const task = anActivity({ type: 'task', completed: false, notes: 'Draft', outcome: 'Pending' });
const call = anActivity({ type: 'call' });

describe('decideActivityUpdate', () => {
  it.each<[string, Activity, ActivityPatchInput, boolean | undefined]>([
    ['a task marked done', task, { completed: true }, true],
    [
      'a task edited otherwise keeps its flag',
      anActivity({ type: 'task', completed: true }),
      { subject: 'x' },
      true,
    ],
    [
      'a task turned into a call loses its flag',
      anActivity({ type: 'task', completed: true }),
      { type: 'call' },
      undefined,
    ],
    ['a call turned into a task starts open', call, { type: 'task' }, false],
    ['a call turned into a done task', call, { type: 'task', completed: true }, true],
  ])('given %s, then completed is %s', (_case, activity, patch, completed) => {
    const result = decideActivityUpdate(activity, patch, ctx);
    expect(result.ok && result.value.completed).toBe(completed);
    expect(result.ok && 'completed' in result.value).toBe(completed !== undefined);
  });

  it.each<[string, Activity, ActivityPatchInput]>([
    ['a call marked done', call, { completed: true }],
    ['a task turned into a meeting and marked done', task, { type: 'meeting', completed: true }],
  ])('given %s, then VALIDATION.FAILED', (_case, activity, patch) => {
    const result = decideActivityUpdate(activity, patch, ctx);
    expect(!result.ok && result.error.code).toBe('VALIDATION.FAILED');
  });

  it('given new details and cleared notes, then they apply and the audit moves on', () => {
    const regarding = { type: 'contact' as const, id: 'con-9' };
    const result = decideActivityUpdate(
      task,
      { subject: 'Call back', regarding, notes: null, outcome: null },
      ctx,
    );
    expect(result.ok && result.value).toMatchObject({
      subject: 'Call back',
      regarding,
      updatedAt: ctx.now,
      updatedBy: 'bob',
    });
    expect(result.ok && ('notes' in result.value || 'outcome' in result.value)).toBe(false);
  });
});
