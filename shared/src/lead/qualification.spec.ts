import { EMPTY_QUALIFICATION, type Qualification } from './lead';
import { assessQualification, mergeQualification } from './qualification';

describe('assessQualification', () => {
  const q = (budget: boolean, authority: boolean, need: boolean, timeline: boolean): Qualification => ({
    budget,
    authority,
    need,
    timeline,
  });

  it.each([
    [q(false, false, false, false), 0, false],
    [q(true, false, false, false), 1, false],
    [q(false, false, false, true), 1, false],
    [q(true, false, false, true), 2, true],
    [q(false, true, true, false), 2, false],
    [q(true, true, true, false), 3, false],
    [q(true, true, true, true), 4, true],
  ])(
    'given %j, then %i criteria are met and the minimum is %s',
    (qualification, criteriaMet, meetsMinimum) => {
      expect(assessQualification(qualification)).toEqual({ criteriaMet, meetsMinimum });
    },
  );
});

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
