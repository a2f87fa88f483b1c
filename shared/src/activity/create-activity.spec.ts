import type { CreateContext } from '../common/record-change';
import type { ActivityType } from './activity';
import { decideActivityCreation } from './create-activity';

const T0 = '2026-03-02T09:00:00.000Z';
const ctx: CreateContext = { id: 'act-1', workspaceId: 'ws-1', actor: 'alice', now: T0 };
const regarding = { type: 'opportunity' as const, id: 'opp-1' };

describe('decideActivityCreation', () => {
  it('given a call logged as it happens, then it happened now, by the actor, and is done', () => {
    expect(decideActivityCreation({ type: 'call', subject: 'Intro', regarding }, ctx)).toEqual({
      ok: true,
      value: {
        id: 'act-1',
        workspaceId: 'ws-1',
        type: 'call',
        subject: 'Intro',
        regarding,
        occurredAt: T0,
        ownerId: 'alice',
        completed: true,
        completedAt: T0,
        createdAt: T0,
        createdBy: 'alice',
        updatedAt: T0,
        updatedBy: 'alice',
      },
    });
  });

  it('given every field, then each is kept', () => {
    const input = {
      type: 'task' as const,
      subject: 'Send offer',
      notes: 'PDF',
      regarding,
      occurredAt: '2026-03-05T12:00:00.000Z',
      outcome: 'Sent',
      completed: true,
      ownerId: 'bob',
    };
    const result = decideActivityCreation(input, ctx);
    expect(result.ok && result.value).toMatchObject({ ...input, completedAt: T0 });
  });

  it.each<[string, ActivityType, string | undefined, boolean]>([
    ['a call held this morning', 'call', '2026-03-02T07:00:00.000Z', true],
    ['a call planned for Friday', 'call', '2026-03-06T09:00:00.000Z', false],
    ['a meeting planned for later today', 'meeting', '2026-03-02T15:00:00.000Z', false],
    ['a note written now', 'note', undefined, true],
    ['an email sent now', 'email', undefined, true],
    ['a task due now', 'task', undefined, false],
    ['a task that was due yesterday', 'task', '2026-03-01T09:00:00.000Z', false],
  ])('given %s without a done flag, then completed is %s', (_case, type, occurredAt, completed) => {
    const result = decideActivityCreation(
      { type, subject: 'x', regarding, ...(occurredAt ? { occurredAt } : {}) },
      ctx,
    );
    expect(result.ok && result.value.completed).toBe(completed);
    expect(result.ok && result.value.completedAt).toBe(completed ? T0 : undefined);
  });

  it.each<[ActivityType, boolean]>([
    ['call', false],
    ['meeting', true],
    ['note', false],
  ])('given a %s with completed %s, then the flag decides', (type, completed) => {
    const result = decideActivityCreation({ type, subject: 'x', regarding, completed }, ctx);
    expect(result.ok && result.value.completed).toBe(completed);
  });
});
