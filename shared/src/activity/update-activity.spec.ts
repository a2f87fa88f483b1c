import { anActivity } from '../testing/builders';
import type { Activity } from './activity';
import type { ActivityPatchInput } from './activity.schema';
import { decideActivityUpdate } from './update-activity';

const ctx = { actor: 'bob', now: '2026-03-03T10:00:00.000Z' };
const DONE_AT = '2026-03-01T08:00:00.000Z';
const task = anActivity({ type: 'task', completed: false, notes: 'Draft', outcome: 'Pending' });
const call = anActivity({ type: 'call', completed: true, completedAt: DONE_AT });
delete (task as { completedAt?: string }).completedAt;

describe('decideActivityUpdate', () => {
  it.each<[string, Activity, ActivityPatchInput, boolean, string | undefined]>([
    ['a task marked done', task, { completed: true }, true, ctx.now],
    ['a call marked undone', call, { completed: false }, false, undefined],
    ['a done call edited otherwise keeps when it was done', call, { subject: 'x' }, true, DONE_AT],
    ['a done call marked done again keeps when', call, { completed: true }, true, DONE_AT],
    ['a done call turned into a task stays done', call, { type: 'task' }, true, DONE_AT],
    ['an open task turned into a call stays open', task, { type: 'call' }, false, undefined],
    ['an open task marked done as a meeting', task, { type: 'meeting', completed: true }, true, ctx.now],
  ])('given %s, then completed %s since %s', (_case, activity, patch, completed, completedAt) => {
    const result = decideActivityUpdate(activity, patch, ctx);
    expect(result.ok && result.value.completed).toBe(completed);
    expect(result.ok && result.value.completedAt).toBe(completedAt);
    expect(result.ok && 'completedAt' in result.value).toBe(completedAt !== undefined);
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
