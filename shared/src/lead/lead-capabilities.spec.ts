import { convert } from './conversion.fixtures';
import { ensureLeadDeletable } from './delete-lead';
import { decideDisqualification } from './disqualify-lead';
import { LEAD_STATUSES, type LeadStatus } from './lead';
import {
  canMarkContacted,
  isConvertedLead,
  isDisqualifiedLead,
  leadCapabilities,
  type LeadCapabilities,
} from './lead-capabilities';
import { aLeadIn, changeContext } from './lead.fixtures';
import { decideReopening } from './reopen-lead';
import { decideLeadUpdate } from './update-lead';

const ALL = { edit: true, convert: true, disqualify: true, reopen: false, delete: true };
const NONE = { edit: false, convert: false, disqualify: false, reopen: false, delete: false };

describe('leadCapabilities', () => {
  it.each<[LeadStatus, LeadCapabilities]>([
    ['open-not-contacted', ALL],
    ['working-contacted', ALL],
    ['closed-not-converted', { ...NONE, edit: true, reopen: true, delete: true }],
    ['closed-converted', NONE],
  ])('given a %s lead, then it allows %j', (status, expected) => {
    expect(leadCapabilities(aLeadIn(status))).toEqual(expected);
  });

  it.each<[LeadStatus, boolean]>([
    ['open-not-contacted', true],
    ['working-contacted', false],
    ['closed-not-converted', false],
    ['closed-converted', false],
  ])('given a %s lead, then marking it contacted is offered: %s', (status, expected) => {
    expect(canMarkContacted(aLeadIn(status))).toBe(expected);
  });

  it.each(LEAD_STATUSES)('given a %s lead, then each named state is its own status', (status) => {
    const lead = aLeadIn(status);
    expect([isConvertedLead(lead), isDisqualifiedLead(lead)]).toEqual([
      status === 'closed-converted',
      status === 'closed-not-converted',
    ]);
  });
});

describe('leadCapabilities agrees with the decisions', () => {
  const ctx = changeContext();

  it.each(LEAD_STATUSES)('given a %s lead, then edit is offered exactly when an edit is accepted', (s) => {
    expect(leadCapabilities(aLeadIn(s)).edit).toBe(decideLeadUpdate(aLeadIn(s), { title: 'CEO' }, ctx).ok);
  });

  it.each(LEAD_STATUSES)('given a %s lead, then convert is offered exactly when it converts', (s) => {
    expect(leadCapabilities(aLeadIn(s)).convert).toBe(convert({}, { lead: aLeadIn(s) }).ok);
  });

  it.each(LEAD_STATUSES)('given a %s lead, then disqualify is offered exactly when it closes it', (s) => {
    const lead = aLeadIn(s);
    const decided = decideDisqualification(lead, 'No budget', ctx);
    // Disqualifying a disqualified lead again only replaces the reason: nothing to offer.
    expect(leadCapabilities(lead).disqualify).toBe(decided.ok && decided.value.lead.status !== lead.status);
  });

  it.each(LEAD_STATUSES)('given a %s lead, then reopen is offered exactly when it reopens', (s) => {
    expect(leadCapabilities(aLeadIn(s)).reopen).toBe(decideReopening(aLeadIn(s), ctx).ok);
  });

  it.each(LEAD_STATUSES)('given a %s lead, then delete is offered exactly when it may be deleted', (s) => {
    expect(leadCapabilities(aLeadIn(s)).delete).toBe(ensureLeadDeletable(aLeadIn(s)).ok);
  });
});
