import { decideLeadOwners, type LeadAssignment } from './lead-assignment';

const members = new Set(['alex', 'megan', 'adele', 'carol']);
const roundRobin: LeadAssignment = { mode: 'round-robin', memberIds: ['alex', 'megan', 'adele'] };

describe('decideLeadOwners', () => {
  it.each<[string, LeadAssignment | undefined, string | undefined, string[], string | undefined]>([
    ['no setting', undefined, undefined, ['carol'], undefined],
    ['the creator', { mode: 'creator', memberIds: ['alex'] }, 'alex', ['carol'], undefined],
    ['a round-robin never used', roundRobin, undefined, ['alex'], 'alex'],
    ['a round-robin that gave Megan the last lead', roundRobin, 'megan', ['adele'], 'adele'],
    ['a round-robin at its end', roundRobin, 'adele', ['alex'], 'alex'],
    ['a round-robin whose last owner opted out', roundRobin, 'carol', ['alex'], 'alex'],
    [
      'a round-robin of nobody still a member',
      { mode: 'round-robin', memberIds: ['gone'] },
      undefined,
      ['carol'],
      undefined,
    ],
  ])('given %s, then the next lead goes to %s', (_case, assignment, last, owners, counter) => {
    const decided = decideLeadOwners(assignment, { members, actor: 'carol', ...(last ? { last } : {}) });
    expect(decided).toEqual({ owners, ...(counter ? { last: counter } : {}) });
  });

  it('given five leads at once (an import), then they go round in turn, and the counter names the fifth', () => {
    expect(decideLeadOwners(roundRobin, { members, actor: 'carol', last: 'megan' }, 5)).toEqual({
      owners: ['adele', 'alex', 'megan', 'adele', 'alex'],
      last: 'alex',
    });
  });

  it('given a member who left, then they are skipped', () => {
    const left = new Set(['alex', 'adele']);
    expect(decideLeadOwners(roundRobin, { members: left, actor: 'carol', last: 'alex' }, 3).owners).toEqual([
      'adele',
      'alex',
      'adele',
    ]);
  });
});
