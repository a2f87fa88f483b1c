import { aLeadConvertedEvent } from '../testing/builders';
import type { DomainEvent } from '../events/domain-event';
import { hearsOf, topicsNamed } from './notification-topics';

const base = aLeadConvertedEvent();
const deal = { opportunityId: 'o', name: 'D', organisationId: 'org', currency: 'EUR' };
const ev = (type: DomainEvent['type'], data: object = {}): DomainEvent =>
  ({ ...base, type, data: { ...deal, ...data } }) as DomainEvent;

describe('hearsOf', () => {
  it.each([
    ['conversion, conversions', ev('lead.converted'), ['conversions'], true],
    ['conversion, stages', ev('lead.converted'), ['stages'], false],
    ['disqualification, all', ev('lead.disqualified'), ['conversions', 'stages', 'won'], false],
    ['move, stages', ev('opportunity.stage-changed', { to: 'proposal' }), ['stages'], true],
    ['move to won, stages only', ev('opportunity.stage-changed', { to: 'closed-won' }), ['stages'], true],
    [
      'move to won, stages and won (told by the won card)',
      ev('opportunity.stage-changed', { to: 'closed-won' }),
      ['stages', 'won'],
      false,
    ],
    [
      'move to lost (told by the lost event)',
      ev('opportunity.stage-changed', { to: 'closed-lost' }),
      ['stages'],
      false,
    ],
    ['won, won', ev('opportunity.won'), ['won'], true],
    ['lost, stages', ev('opportunity.lost', { lostReason: 'price' }), ['stages'], true],
    ['lost, won', ev('opportunity.lost', { lostReason: 'price' }), ['won'], false],
  ] as const)('%s → %s', (_, event, topics, heard) => {
    expect(hearsOf(event, topics)).toBe(heard);
  });
});

describe('topicsNamed', () => {
  it.each([
    [undefined, ['conversions', 'stages', 'won']],
    ['ALL', ['conversions', 'stages', 'won']],
    ['won', ['won']],
    ['Stages', ['stages']],
    ['gossip', undefined],
  ])('%s → %j', (word, topics) => {
    expect(topicsNamed(word)).toEqual(topics);
  });
});
