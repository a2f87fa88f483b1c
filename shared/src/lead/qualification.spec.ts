import { EMPTY_QUALIFICATION, type Qualification } from './lead';
import { mergeQualification } from './qualification';

describe('mergeQualification', () => {
  const current: Qualification = { ...EMPTY_QUALIFICATION, budget: true, notes: 'Q3' };

  it.each([
    ['no patch', undefined, current],
    ['one criterion', { timeline: true }, { ...current, timeline: true }],
    ['a criterion turned off', { budget: false }, { ...current, budget: false }],
    ['new notes', { notes: 'Q4' }, { ...current, notes: 'Q4' }],
    ['notes cleared', { notes: null }, { ...EMPTY_QUALIFICATION, budget: true }],
  ])('given %s, then the result keeps what was not mentioned', (_, patch, expected) => {
    expect(mergeQualification(current, patch)).toEqual(expected);
  });
});
