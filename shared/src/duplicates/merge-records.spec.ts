import { aConvertedLead } from '../lead/lead.fixtures';
import { aContact, anActivity, anOpportunity, anOrganisation } from '../testing/builders';
import { decideContactMerge, decideOrganisationMerge, type MergeLinks } from './merge-records';

const ctx = { actor: 'user-merger', now: '2026-12-01T09:00:00.000Z' };
const none: MergeLinks = { contacts: [], opportunities: [], activities: [], leads: [] };

describe('decideOrganisationMerge', () => {
  const survivor = anOrganisation({
    id: 'org-keep',
    name: 'Fjordlys Logistikk AS',
    website: undefined,
    city: 'Bergen',
    status: 'prospect',
  });
  const loser = anOrganisation({
    id: 'org-lose',
    name: 'Fjordlys Logistikk',
    website: 'fjordlys.example',
    city: 'Oslo',
    phone: '+47 55 00 00 00',
    status: 'customer',
  });

  it("given two organisations, then the survivor keeps its values and fills only its empty fields from the loser's", () => {
    const merged = decideOrganisationMerge(survivor, loser, none, ctx);

    expect(merged.ok && merged.value.survivor).toEqual({
      ...survivor,
      website: 'fjordlys.example',
      phone: '+47 55 00 00 00',
      status: 'customer',
      updatedAt: ctx.now,
      updatedBy: ctx.actor,
    });
  });

  it('given contacts, deals, activities and a converted lead of the loser, then each points at the survivor', () => {
    const links: MergeLinks = {
      contacts: [aContact({ id: 'c1', organisationId: 'org-lose' })],
      opportunities: [anOpportunity({ id: 'd1', organisationId: 'org-lose' })],
      activities: [anActivity({ id: 'a1', regarding: { type: 'organisation', id: 'org-lose' } })],
      leads: [{ ...aConvertedLead(), convertedOrganisationId: 'org-lose' }],
    };

    const merged = decideOrganisationMerge(survivor, loser, links, ctx);

    if (!merged.ok) throw new Error(merged.error.code);
    const { moved } = merged.value;
    expect(moved.contacts.map((c) => c.organisationId)).toEqual(['org-keep']);
    expect(moved.opportunities.map((o) => o.organisationId)).toEqual(['org-keep']);
    expect(moved.activities.map((a) => a.regarding)).toEqual([{ type: 'organisation', id: 'org-keep' }]);
    expect(moved.leads.map((l) => l.status === 'closed-converted' && l.convertedOrganisationId)).toEqual([
      'org-keep',
    ]);
    expect(moved.contacts[0]?.updatedAt).toBe(ctx.now);
  });

  it('given the same organisation twice, then MERGE.SAME_RECORD', () => {
    const merged = decideOrganisationMerge(survivor, survivor, none, ctx);
    expect(!merged.ok && merged.error.code).toBe('MERGE.SAME_RECORD');
  });
});

describe('decideContactMerge', () => {
  const survivor = aContact({
    id: 'c-keep',
    organisationId: 'org-a',
    phone: undefined,
    isDecisionMaker: false,
  });
  const loser = aContact({
    id: 'c-lose',
    organisationId: 'org-a',
    email: 'other@fjordlys.example',
    phone: '+47 900 00 000',
    isDecisionMaker: true,
  });

  it('given two contacts of one organisation, then fill-only, a decision maker stays one, deals naming the loser move', () => {
    const merged = decideContactMerge(
      survivor,
      loser,
      {
        ...none,
        opportunities: [anOpportunity({ id: 'd1', organisationId: 'org-a', primaryContactId: 'c-lose' })],
        activities: [anActivity({ id: 'a1', regarding: { type: 'contact', id: 'c-lose' } })],
        leads: [{ ...aConvertedLead(), convertedContactId: 'c-lose' }],
      },
      ctx,
    );

    if (!merged.ok) throw new Error(merged.error.code);
    expect(merged.value.survivor).toMatchObject({
      email: survivor.email,
      phone: '+47 900 00 000',
      isDecisionMaker: true,
    });
    expect(merged.value.moved.opportunities.map((o) => o.primaryContactId)).toEqual(['c-keep']);
    expect(merged.value.moved.activities.map((a) => a.regarding.id)).toEqual(['c-keep']);
    expect(
      merged.value.moved.leads.map((l) => l.status === 'closed-converted' && l.convertedContactId),
    ).toEqual(['c-keep']);
  });

  it('given contacts of two organisations, then MERGE.DIFFERENT_ORGANISATIONS', () => {
    const merged = decideContactMerge(survivor, { ...loser, organisationId: 'org-b' }, none, ctx);
    expect(!merged.ok && merged.error.code).toBe('MERGE.DIFFERENT_ORGANISATIONS');
  });
});
