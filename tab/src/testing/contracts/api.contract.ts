import type { Activity, Contact, Lead, LeadCreateInput, Opportunity, Organisation } from '@crm/shared';
import type { ApiClient } from '../../api/api-client';
import { ApiError } from '../../api/api-error';

/** What the contract runs against: an ApiClient signed in as a user of the tenant. */
export type ApiUnderTest = { readonly api: ApiClient };

/** The problem the API answered with; fails the test when the call succeeds. */
async function refusal(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the API to refuse');
}

/**
 * What the tab's components rely on the API for, as seen through `ApiClient`: records with ETags
 * (list, create, change, delete, restore), conversion, stage moves, settings, members, and refusals
 * as problem codes. It runs against the in-memory API of the component specs (`fakeApi`) and
 * against the real server on Azurite, so the two cannot drift apart. Every case works in a
 * workspace of its own.
 */
export function apiContract(subject: () => Promise<ApiUnderTest>): void {
  const fresh = async () => {
    const { api } = await subject();
    const workspace = await api.createWorkspace('Contract');
    return { api, ws: workspace.id, workspace };
  };
  /** A new lead as reads show it (createLead's answer also lists its possible duplicates). */
  const aLead = async (api: ApiClient, ws: string, input: Partial<LeadCreateInput> = {}) => {
    const { possibleDuplicates: _duplicates, ...lead } = await api.createLead(ws, {
      lastName: 'Jansen',
      company: 'Jansen Transport BV',
      source: 'web',
      ...input,
    });
    return lead;
  };
  const anOrganisation = (api: ApiClient, ws: string, name = 'Souza Ltda') =>
    api.create<Organisation>(ws, 'organisations', { name });
  const aDeal = async (api: ApiClient, ws: string) => {
    const organisation = await anOrganisation(api, ws);
    return api.create<Opportunity>(ws, 'opportunities', {
      name: 'Trucks',
      organisationId: organisation.id,
      amount: 25_000,
      currency: 'EUR',
    });
  };

  describe('records and their ETags', () => {
    it('creates a record with its defaults and an etag, and reads it back unchanged', async () => {
      const { api, ws } = await fresh();

      const lead = await aLead(api, ws);

      expect(lead).toMatchObject({
        id: expect.any(String),
        etag: expect.stringMatching(/^".+"$/),
        lastName: 'Jansen',
        status: 'open-not-contacted',
        qualification: { budget: false, authority: false, need: false, timeline: false },
      });
      expect(await api.get<Lead>(ws, 'leads', lead.id)).toEqual(lead);
    });

    it('refuses an invalid record with VALIDATION.FAILED and the field', async () => {
      const { api, ws } = await fresh();

      const refused = await refusal(api.create(ws, 'leads', { firstName: 'Ana' }));

      expect(refused).toMatchObject({ status: 400, code: 'VALIDATION.FAILED', kind: 'invalid' });
      expect(refused.fields).toContain('lastName');
      // Read from a problem+json body, not from the status alone.
      expect(refused.requestId).toEqual(expect.any(String));
      expect((await api.list(ws, 'leads', {})).items).toEqual([]);
    });

    it('lists newest first, each item with the etag a change needs, in one page', async () => {
      const { api, ws } = await fresh();
      const first = await aLead(api, ws, { lastName: 'Jansen' });
      const second = await aLead(api, ws, { lastName: 'Souza' });

      const page = await api.list<Lead>(ws, 'leads', { limit: '100' });

      expect(page.items.map((l) => [l.id, l.etag])).toEqual([
        [second.id, second.etag],
        [first.id, first.etag],
      ]);
      expect(page.nextCursor).toBeNull();
    });

    it('filters by exact value and searches by prefix', async () => {
      const { api, ws } = await fresh();
      const jansen = await aLead(api, ws, { lastName: 'Jansen', source: 'web' });
      const souza = await aLead(api, ws, { lastName: 'Souza', source: 'event', status: 'working-contacted' });
      const ids = async (query: Record<string, string>) =>
        (await api.list<Lead>(ws, 'leads', query)).items.map((l) => l.id);

      expect(await ids({ status: 'working-contacted' })).toEqual([souza.id]);
      expect(await ids({ source: 'web' })).toEqual([jansen.id]);
      expect(await ids({ q: 'souz' })).toEqual([souza.id]);
    });

    it('sorts on the server, and refuses an unknown sort or a sort with a search', async () => {
      const { api, ws } = await fresh();
      for (const lastName of ['Souza', 'almeida', 'Jansen']) await aLead(api, ws, { lastName });
      const names = async (sort: string) =>
        (await api.list<Lead>(ws, 'leads', { sort })).items.map((l) => l.lastName);

      expect(await names('name')).toEqual(['almeida', 'Jansen', 'Souza']);
      expect(await names('-name')).toEqual(['Souza', 'Jansen', 'almeida']);
      expect(await refusal(api.list(ws, 'leads', { sort: 'shoeSize' }))).toMatchObject({
        status: 400,
        code: 'LIST.UNKNOWN_SORT',
      });
      expect(await refusal(api.list(ws, 'leads', { sort: 'name', q: 'souza' }))).toMatchObject({
        status: 400,
        code: 'LIST.SORT_WITH_SEARCH',
      });
    });

    it('changes a record with its etag, which the change replaces: the old one is then stale (412)', async () => {
      const { api, ws } = await fresh();
      const lead = await aLead(api, ws);

      const changed = await api.update(ws, 'leads', lead, { title: 'CEO' });
      const stale = await refusal(api.update(ws, 'leads', lead, { title: 'CFO' }));

      expect(changed).toMatchObject({ id: lead.id, title: 'CEO', company: lead.company });
      expect(changed.etag).not.toBe(lead.etag);
      expect(stale).toMatchObject({ status: 412, code: 'CONCURRENCY.STALE', kind: 'stale' });
      expect(await api.get<Lead>(ws, 'leads', lead.id)).toEqual(changed);
    });

    it('clears an optional field with null and checks a change with the shared schema', async () => {
      const { api, ws } = await fresh();
      const lead = await aLead(api, ws, { title: 'CEO' });

      const cleared = await api.update(ws, 'leads', lead, { title: null });
      const refused = await refusal(api.update(ws, 'leads', cleared, { email: 'nope' }));

      expect(cleared.title).toBeUndefined();
      expect(refused).toMatchObject({ status: 400, code: 'VALIDATION.FAILED', fields: ['email'] });
    });

    it("answers an id it does not have with 404 and the kind's code", async () => {
      const { api, ws } = await fresh();
      const lead = await aLead(api, ws);
      const missing = { ...lead, id: 'nope' };

      for (const call of [
        () => api.get(ws, 'leads', 'nope'),
        () => api.update(ws, 'leads', missing, { title: 'CEO' }),
        () => api.remove(ws, 'leads', missing),
      ])
        expect(await refusal(call())).toMatchObject({ status: 404, code: 'LEAD.NOT_FOUND' });
      // An id that could never name a record is refused before the use case, as RECORD.NOT_FOUND.
      expect(await refusal(api.get(ws, 'leads', 'x'.repeat(65)))).toMatchObject({
        status: 404,
        code: 'RECORD.NOT_FOUND',
      });
    });

    it('deletes with the current etag only, into the recycle bin, and restores from there', async () => {
      const { api, ws } = await fresh();
      const lead = await aLead(api, ws);
      const changed = await api.update(ws, 'leads', lead, { title: 'CEO' });

      expect(await refusal(api.remove(ws, 'leads', lead))).toMatchObject({
        status: 412,
        code: 'CONCURRENCY.STALE',
      });
      await api.remove(ws, 'leads', changed);

      expect(await refusal(api.get(ws, 'leads', lead.id))).toMatchObject({ code: 'LEAD.NOT_FOUND' });
      expect((await api.list(ws, 'leads', {})).items).toEqual([]);
      const bin = await api.recycleBin(ws, {});
      expect(bin.items).toEqual([
        {
          kind: 'lead',
          record: expect.objectContaining({ id: lead.id, lastName: 'Jansen' }),
          deletedAt: expect.any(String),
          deletedBy: expect.any(String),
        },
      ]);

      await api.restore(ws, 'leads', lead.id);

      expect(await api.get<Lead>(ws, 'leads', lead.id)).toMatchObject({ id: lead.id, title: 'CEO' });
      expect((await api.recycleBin(ws, {})).items).toEqual([]);
    });

    it('purges a deleted record for good', async () => {
      const { api, ws } = await fresh();
      const organisation = await anOrganisation(api, ws);
      await api.remove(ws, 'organisations', organisation);

      await api.purge(ws, 'organisations', organisation.id);

      expect((await api.recycleBin(ws, {})).items).toEqual([]);
      expect(await refusal(api.restore(ws, 'organisations', organisation.id))).toMatchObject({
        kind: expect.stringMatching(/^(gone|not-found)$/),
      });
    });

    it('lists the activities regarding one record', async () => {
      const { api, ws } = await fresh();
      const organisation = await anOrganisation(api, ws);
      const contact = await api.create<Contact>(ws, 'contacts', {
        organisationId: organisation.id,
        lastName: 'Souza',
      });
      const call = await api.create<Activity>(ws, 'activities', {
        type: 'call',
        subject: 'Intro call',
        regarding: { type: 'contact', id: contact.id },
      });
      await api.create<Activity>(ws, 'activities', {
        type: 'note',
        subject: 'About the company',
        regarding: { type: 'organisation', id: organisation.id },
      });

      const page = await api.list<Activity>(ws, 'activities', {
        regardingType: 'contact',
        regardingId: contact.id,
      });

      expect(page.items.map((a) => a.id)).toEqual([call.id]);
      expect(page.items[0]).toMatchObject({ occurredAt: expect.any(String), ownerId: expect.any(String) });
    });
  });

  describe('leads: conversion and disqualification', () => {
    it('converts a lead into an organisation, a contact and a deal, each with an etag; the lead is then read-only', async () => {
      const { api, ws } = await fresh();
      const lead = await aLead(api, ws, { firstName: 'Pieter', email: 'p@jansen.example' });

      const result = await api.convertLead(ws, lead.id, { opportunity: { amount: 12_000 } });

      const { organisation, contact, opportunity } = result;
      expect(result.lead).toMatchObject({
        id: lead.id,
        status: 'closed-converted',
        convertedOrganisationId: organisation.id,
        convertedContactId: contact.id,
        convertedOpportunityId: opportunity?.id,
      });
      expect(organisation).toMatchObject({ name: 'Jansen Transport BV', status: 'prospect' });
      expect(contact).toMatchObject({
        organisationId: organisation.id,
        firstName: 'Pieter',
        lastName: 'Jansen',
      });
      expect(opportunity).toMatchObject({
        organisationId: organisation.id,
        amount: 12_000,
        name: expect.any(String),
        stage: expect.any(String),
      });
      const produced = [
        ['leads', result.lead],
        ['organisations', organisation],
        ['contacts', contact],
        ['opportunities', opportunity!],
      ] as const;
      for (const [plural, record] of produced) expect(await api.get(ws, plural, record.id)).toEqual(record);

      expect(await refusal(api.convertLead(ws, lead.id, {}))).toMatchObject({
        status: 409,
        code: 'LEAD.ALREADY_CONVERTED',
      });
      expect(await refusal(api.updateLead(ws, result.lead, { title: 'CEO' }))).toMatchObject({
        status: 409,
        code: 'LEAD.READ_ONLY',
      });
      expect(await refusal(api.remove(ws, 'leads', result.lead))).toMatchObject({
        status: 409,
        code: 'LEAD.READ_ONLY',
      });
    });

    it('suggests an organisation by a similar name, and converts into it without a deal when asked', async () => {
      const { api, ws } = await fresh();
      const existing = await anOrganisation(api, ws, 'Jansen Transport Rotterdam');
      await anOrganisation(api, ws, 'Bakker Bouw');
      const lead = await aLead(api, ws, { company: 'Jansen Transport' });

      const matches = await api.conversionMatches(ws, lead.id);
      const result = await api.convertLead(ws, lead.id, {
        organisationId: existing.id,
        createOpportunity: false,
      });

      expect(
        matches.organisations.map((m) => [m.organisation.id, m.matches.map((x) => x.reason), m.suggested]),
      ).toEqual([[existing.id, ['similar-name'], false]]);
      expect(matches.organisations[0]?.organisation.etag).toBe(existing.etag);
      expect(result.organisation.id).toBe(existing.id);
      expect(result.opportunity ?? undefined).toBeUndefined();
      expect(result.lead).not.toHaveProperty('convertedOpportunityId');
    });

    it('merges two organisations: fill-only, contacts, deals and activities moved, the loser in the recycle bin', async () => {
      const { api, ws } = await fresh();
      const survivor = await api.create<Organisation>(ws, 'organisations', { name: 'Fjordlys Logistikk AS' });
      const loser = await api.create<Organisation>(ws, 'organisations', {
        name: 'Fjordlys Logistikk',
        website: 'fjordlys.example',
      });
      const contact = await api.create<Contact>(ws, 'contacts', {
        organisationId: loser.id,
        lastName: 'Solberg',
      });
      const deal = await api.create<Opportunity>(ws, 'opportunities', {
        name: 'Scanners',
        organisationId: loser.id,
        currency: 'EUR',
      });
      const call = await api.create<Activity>(ws, 'activities', {
        type: 'call',
        subject: 'Intro',
        regarding: { type: 'organisation', id: loser.id },
      });

      const stale = await refusal(
        api.merge(ws, 'organisations', survivor, { ...loser, etag: survivor.etag }),
      );
      expect(stale).toMatchObject({ status: 412, code: 'CONCURRENCY.STALE' });
      expect((await api.get<Contact>(ws, 'contacts', contact.id)).organisationId).toBe(loser.id);

      const merged = await api.merge<Organisation>(ws, 'organisations', survivor, loser);

      expect(merged.survivor).toMatchObject({
        id: survivor.id,
        name: 'Fjordlys Logistikk AS',
        website: 'fjordlys.example',
      });
      expect(merged.moved).toEqual({ contacts: 1, opportunities: 1, activities: 1, leads: 0 });
      expect((await api.get<Contact>(ws, 'contacts', contact.id)).organisationId).toBe(survivor.id);
      expect((await api.get<Opportunity>(ws, 'opportunities', deal.id)).organisationId).toBe(survivor.id);
      expect((await api.get<Activity>(ws, 'activities', call.id)).regarding).toEqual({
        type: 'organisation',
        id: survivor.id,
      });
      expect(await refusal(api.get(ws, 'organisations', loser.id))).toMatchObject({ status: 404 });
      const bin = await api.recycleBin(ws, {});
      expect(bin.items.map((d) => d.record.id)).toContain(loser.id);
      expect(await refusal(api.merge(ws, 'organisations', merged.survivor, merged.survivor))).toMatchObject({
        status: 400,
        code: 'MERGE.SAME_RECORD',
      });
    });

    it('refuses to convert into an organisation the workspace does not have', async () => {
      const { api, ws } = await fresh();
      const lead = await aLead(api, ws);

      const refused = await refusal(api.convertLead(ws, lead.id, { organisationId: 'nope' }));

      expect(refused).toMatchObject({ status: 400, code: 'CONVERSION.ORGANISATION_NOT_FOUND' });
      expect(await api.get<Lead>(ws, 'leads', lead.id)).toEqual(lead);
    });

    it('disqualifies with a reason only, and reopens by setting an open status', async () => {
      const { api, ws } = await fresh();
      const lead = await aLead(api, ws);

      const blank = await refusal(api.disqualifyLead(ws, lead, ' '));
      const disqualified = await api.disqualifyLead(ws, lead, 'No budget this year');
      const reopened = await api.updateLead(ws, disqualified, { status: 'working-contacted' });

      expect(blank).toMatchObject({ status: 400, code: 'LEAD.REASON_REQUIRED' });
      expect(disqualified).toMatchObject({
        status: 'closed-not-converted',
        disqualificationReason: 'No budget this year',
        disqualifiedAt: expect.any(String),
      });
      expect(disqualified.etag).not.toBe(lead.etag);
      expect(reopened.status).toBe('working-contacted');
      expect(await refusal(api.disqualifyLead(ws, lead, 'Again'))).toMatchObject({
        code: 'CONCURRENCY.STALE',
      });
    });

    it('reopens a disqualified lead on its etag; an open or converted one is refused', async () => {
      const { api, ws } = await fresh();
      const lead = await aLead(api, ws);
      const disqualified = await api.disqualifyLead(ws, lead, 'No budget this year');

      const stale = await refusal(api.reopenLead(ws, lead));
      const reopened = await api.reopenLead(ws, disqualified);

      expect(stale).toMatchObject({ status: 412, code: 'CONCURRENCY.STALE' });
      expect(reopened).toMatchObject({ id: lead.id, status: 'working-contacted' });
      expect(reopened).not.toHaveProperty('disqualificationReason');
      expect(await api.get(ws, 'leads', lead.id)).toEqual(reopened);
      expect(await refusal(api.reopenLead(ws, reopened))).toMatchObject({
        status: 409,
        code: 'LEAD.INVALID_TRANSITION',
      });
      const converted = (await api.convertLead(ws, reopened.id, { createOpportunity: false })).lead;
      expect(await refusal(api.reopenLead(ws, converted))).toMatchObject({
        status: 409,
        code: 'LEAD.READ_ONLY',
      });
    });

    it('says with every lead what it allows now (its capabilities)', async () => {
      const { api, ws } = await fresh();
      const lead = await aLead(api, ws);
      const disqualified = await api.disqualifyLead(ws, await aLead(api, ws, { lastName: 'Souza' }), 'No');
      const converted = (await api.convertLead(ws, lead.id, { createOpportunity: false })).lead;
      const open = await aLead(api, ws, { lastName: 'Hansen' });

      const listed = (await api.list<Lead>(ws, 'leads', {})).items;
      const allows = (id: string) =>
        (listed.find((l) => l.id === id) as { capabilities?: unknown }).capabilities;

      expect(allows(open.id)).toEqual({
        edit: true,
        convert: true,
        disqualify: true,
        reopen: false,
        delete: true,
      });
      expect(allows(disqualified.id)).toEqual({
        edit: true,
        convert: false,
        disqualify: false,
        reopen: true,
        delete: true,
      });
      expect(allows(converted.id)).toEqual({
        edit: false,
        convert: false,
        disqualify: false,
        reopen: false,
        delete: false,
      });
      expect(converted).toHaveProperty('capabilities', allows(converted.id));
    });

    it('saves the qualification checklist with the lead', async () => {
      const { api, ws } = await fresh();
      const lead = await aLead(api, ws);

      const saved = await api.updateLead(ws, lead, {
        qualification: { budget: true, timeline: true, notes: 'Fleet of 40' },
      });

      expect(saved.qualification).toEqual({
        budget: true,
        authority: false,
        need: false,
        timeline: true,
        notes: 'Fleet of 40',
      });
    });
  });

  describe('opportunities: stage moves', () => {
    it('moves a deal to another stage with its etag and records the move', async () => {
      const { api, ws } = await fresh();
      const deal = await aDeal(api, ws);

      const won = await api.update(ws, 'opportunities', deal, { stage: 'closed-won' });

      expect(won).toMatchObject({ stage: 'closed-won', probability: 100, closedAt: expect.any(String) });
      expect(await refusal(api.update(ws, 'opportunities', deal, { stage: 'closed-lost' }))).toMatchObject({
        code: 'CONCURRENCY.STALE',
      });
      const history = await api.opportunityHistory(ws, deal.id);
      expect(history.at(-1)).toMatchObject({ opportunityId: deal.id, from: deal.stage, to: 'closed-won' });
    });

    it('asks why a deal was lost, and refuses a stage the workspace does not have', async () => {
      const { api, ws } = await fresh();
      const deal = await aDeal(api, ws);

      const noReason = await refusal(api.update(ws, 'opportunities', deal, { stage: 'closed-lost' }));
      const unknown = await refusal(api.update(ws, 'opportunities', deal, { stage: 'on-the-moon' }));
      const lost = await api.update(ws, 'opportunities', deal, {
        stage: 'closed-lost',
        lostReason: 'Too expensive',
      });

      expect(noReason).toMatchObject({ status: 400, code: 'OPPORTUNITY.LOST_REASON_REQUIRED' });
      expect(unknown).toMatchObject({ status: 400, code: 'OPPORTUNITY.UNKNOWN_STAGE' });
      expect(lost).toMatchObject({ stage: 'closed-lost', lostReason: 'Too expensive' });
    });

    it('reopens a closed deal only when the move says so', async () => {
      const { api, ws } = await fresh();
      const won = await api.update(ws, 'opportunities', await aDeal(api, ws), { stage: 'closed-won' });
      const open = (await api.getWorkspace(ws)).settings.stages.find((s) => s.kind === 'open')!;

      const refused = await refusal(api.update(ws, 'opportunities', won, { stage: open.id }));
      const reopened = await api.update(ws, 'opportunities', won, { stage: open.id, reopen: true });

      expect(refused).toMatchObject({ status: 409, code: 'OPPORTUNITY.CLOSED' });
      expect(reopened.stage).toBe(open.id);
      expect(reopened.closedAt).toBeUndefined();
    });
  });

  describe('workspaces and members', () => {
    it('creates a workspace its creator owns, with stages, and lists it', async () => {
      const { api, ws, workspace } = await fresh();

      expect(workspace).toMatchObject({ name: 'Contract', role: 'owner', etag: expect.any(String) });
      expect(workspace.settings.stages.map((s) => s.kind)).toEqual(
        expect.arrayContaining(['open', 'won', 'lost']),
      );
      expect((await api.listWorkspaces()).map((w) => w.id)).toContain(ws);
      expect(await api.getWorkspace(ws)).toEqual(workspace);
      expect(await refusal(api.getWorkspace('not-mine'))).toMatchObject({
        status: 404,
        code: 'WORKSPACE.NOT_FOUND',
      });
    });

    it('changes the settings with the etag; an old etag is stale', async () => {
      const { api, ws, workspace } = await fresh();

      const changed = await api.updateWorkspace(ws, workspace, { name: 'Sales NL', defaultCurrency: 'NOK' });
      const stale = await refusal(api.updateWorkspace(ws, workspace, { name: 'Sales BE' }));

      expect(changed).toMatchObject({ name: 'Sales NL', role: 'owner' });
      expect(changed.settings.defaultCurrency).toBe('NOK');
      expect(changed.etag).not.toBe(workspace.etag);
      expect(stale).toMatchObject({ status: 412, code: 'CONCURRENCY.STALE' });
    });

    it('refuses stages without an open one, and the removal of a stage that deals stand in, naming it', async () => {
      const { api, ws, workspace } = await fresh();
      const deal = await aDeal(api, ws);
      const stages = workspace.settings.stages;

      const noOpen = await refusal(
        api.updateWorkspace(ws, workspace, { stages: stages.filter((s) => s.kind !== 'open') }),
      );
      const inUse = await refusal(
        api.updateWorkspace(ws, workspace, { stages: stages.filter((s) => s.id !== deal.stage) }),
      );

      expect(noOpen).toMatchObject({ status: 400, code: 'WORKSPACE.INVALID_STAGES' });
      expect(inUse).toMatchObject({
        status: 409,
        code: 'WORKSPACE.STAGE_IN_USE',
        details: expect.objectContaining({ stage: deal.stage }),
      });
    });

    it('adds a member, changes the role, removes them; the last owner stays', async () => {
      const { api, ws } = await fresh();
      const [me] = await api.listMembers(ws);

      const added = await api.addMember(ws, { userId: 'sam', role: 'member', name: 'Sam' });
      const promoted = await api.changeMemberRole(ws, 'sam', 'owner');
      await api.removeMember(ws, 'sam');

      expect(added).toMatchObject({ userId: 'sam', role: 'member', name: 'Sam' });
      expect(promoted).toMatchObject({ userId: 'sam', role: 'owner' });
      expect((await api.listMembers(ws)).map((m) => m.userId)).toEqual([me!.userId]);
      expect(await refusal(api.removeMember(ws, me!.userId))).toMatchObject({
        status: 409,
        code: 'WORKSPACE.LAST_OWNER',
      });
      expect(await refusal(api.changeMemberRole(ws, 'nobody', 'owner'))).toMatchObject({
        status: 404,
        code: 'WORKSPACE.MEMBER_NOT_FOUND',
      });
    });
  });
}
