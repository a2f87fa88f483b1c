import { parseInput } from '../common/validation';
import { ActivityCreateInputSchema, ActivityPatchInputSchema } from './activity.schema';

const valid = { type: 'call', subject: 'Intro', regarding: { type: 'lead', id: 'lead-1' } };

describe('ActivityCreateInputSchema', () => {
  it('given an instant with an offset, then it is stored in UTC', () => {
    const result = parseInput(ActivityCreateInputSchema, {
      ...valid,
      occurredAt: '2026-03-02T10:00:00+01:00',
    });
    expect(result.ok && result.value.occurredAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it.each([
    ['type', { ...valid, type: 'visit' }],
    ['subject', { ...valid, subject: '' }],
    ['regarding', { type: 'call', subject: 'Intro' }],
    ['regarding.type', { ...valid, regarding: { type: 'campaign', id: 'c' } }],
    ['regarding.id', { ...valid, regarding: { type: 'lead', id: 'a/b' } }],
    ['occurredAt', { ...valid, occurredAt: '2026-03-02' }],
    ['completed', { ...valid, completed: 'yes' }],
    ['(body)', { ...valid, due: '2026-03-02' }],
  ])('given a bad %s, then VALIDATION.FAILED names it', (field, input) => {
    const result = parseInput(ActivityCreateInputSchema, input);
    expect(!result.ok && Object.keys(result.error.fields ?? {})).toEqual([field]);
  });
});

describe('ActivityPatchInputSchema', () => {
  it('given blank notes and a null outcome, then both mean "clear"', () => {
    expect(parseInput(ActivityPatchInputSchema, { notes: '  ', outcome: null })).toEqual({
      ok: true,
      value: { notes: null, outcome: null },
    });
  });

  it('given a null subject, then VALIDATION.FAILED', () => {
    expect(parseInput(ActivityPatchInputSchema, { subject: null }).ok).toBe(false);
  });
});
