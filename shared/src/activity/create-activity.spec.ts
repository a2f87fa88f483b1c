import type { CreateContext } from '../common/record-change';
import type { ActivityType } from './activity';
import { decideActivityCreation } from './create-activity';

const T0 = '2026-03-02T09:00:00.000Z';
const ctx: CreateContext = { id: 'act-1', workspaceId: 'ws-1', actor: 'alice', now: T0 };
const regarding = { type: 'opportunity' as const, id: 'opp-1' };

describe('decideActivityCreation', () => {
  it('given a logged call, then it happened now, by the actor, with no done flag', () => {
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
    expect(result.ok && result.value).toMatchObject(input);
  });

  it('given a task without a done flag, then it starts open', () => {
    const result = decideActivityCreation({ type: 'task', subject: 'Follow up', regarding }, ctx);
    expect(result.ok && result.value.completed).toBe(false);
  });

  it.each<ActivityType>(['call', 'email', 'meeting', 'note'])(
    'given a %s marked completed, then VALIDATION.FAILED',
    (type) => {
      const result = decideActivityCreation({ type, subject: 'x', regarding, completed: false }, ctx);
      expect(!result.ok && result.error).toMatchObject({
        code: 'VALIDATION.FAILED',
        fields: { completed: 'only for tasks' },
      });
    },
  );
});
