import { followedRegarding } from './followed-regarding';
import { aConvertedLead, aLeadIn } from './lead.fixtures';

describe('followedRegarding', () => {
  it('given a converted lead, then its activities also count for its organisation, contact and opportunity', () => {
    expect(followedRegarding(aConvertedLead())).toEqual([
      { type: 'organisation', id: 'org-9' },
      { type: 'contact', id: 'contact-9' },
      { type: 'opportunity', id: 'opp-9' },
    ]);
  });

  it('given a lead converted without an opportunity, then only its organisation and contact', () => {
    const { convertedOpportunityId: _opp, ...lead } = aConvertedLead();
    expect(followedRegarding(lead)).toEqual([
      { type: 'organisation', id: 'org-9' },
      { type: 'contact', id: 'contact-9' },
    ]);
  });

  it.each(['open-not-contacted', 'working-contacted', 'closed-not-converted'] as const)(
    'given a lead in %s, then its activities follow nowhere',
    (status) => {
      expect(followedRegarding(aLeadIn(status))).toEqual([]);
    },
  );
});
