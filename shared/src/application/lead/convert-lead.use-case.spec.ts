import { domainError } from '../../common/domain-error';
import { err, type Result } from '../../common/result';
import { anActor, asCaller, inMemoryApp, type TestApp } from '../../testing/app-harness';
import { conversionMatches } from './conversion-matches.use-case';
import { convertLead } from './convert-lead.use-case';
import { createContact } from '../contact/contact.use-case';
import { createLead, deleteLead, disqualifyLead } from './lead.use-case';
import { createOrganisation } from '../organisation/organisation.use-case';
import { listRecords } from '../record/records.use-case';
import { addMember, createWorkspace } from '../workspace/workspace.use-case';

const anna = anActor();
const caller = asCaller(anna);

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function givenWorkspaceWithLead(app: TestApp, lead: Record<string, unknown> = {}) {
  const ws = value(await createWorkspace(app.deps, anna, { name: 'Vendas' })).record.id;
  const created = value(
    await createLead(app.deps, caller, ws, {
      firstName: 'João',
      lastName: 'Pereira',
      email: 'joao@exemplo.pt',
      company: 'Exemplo Lda',
      website: 'https://exemplo.pt',
      source: 'trade-show',
      qualification: { budget: true, timeline: true, authority: true },
      ...lead,
    }),
  );
  return { ws, lead: created.record };
}

async function countAll(app: TestApp, ws: string) {
  const count = async (kind: 'organisation' | 'contact' | 'opportunity') =>
    value(await listRecords(app.deps, caller, ws, kind, { limit: 1000 })).items.length;
  return {
    organisations: await count('organisation'),
    contacts: await count('contact'),
    opportunities: await count('opportunity'),
  };
}

describe('convertLead use case', () => {
  it('given a qualified lead, when converted, then organisation, contact, opportunity and the event are committed', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app);

    const result = value(await convertLead(app.deps, caller, ws, lead.id, {}));

    expect(result.lead.record).toMatchObject({
      status: 'closed-converted',
      convertedOrganisationId: result.organisation.record.id,
      convertedContactId: result.contact.record.id,
      convertedOpportunityId: result.opportunity?.record.id,
    });
    expect(result.organisation.record).toMatchObject({ name: 'Exemplo Lda', status: 'prospect' });
    expect(result.contact.record).toMatchObject({
      lastName: 'Pereira',
      organisationId: result.organisation.record.id,
      isDecisionMaker: true,
    });
    expect(result.opportunity?.record).toMatchObject({
      leadId: lead.id,
      stage: 'prospecting',
      currency: 'EUR',
    });
    expect(await countAll(app, ws)).toEqual({ organisations: 1, contacts: 1, opportunities: 1 });
    const pending = await app.deps.outbox.pending(ws, 10);
    expect(pending.map((p) => p.event.type)).toContain('lead.converted');
    const history = await app.deps.records.stageHistory(ws, result.opportunity!.record.id);
    expect(history).toHaveLength(1);
  });

  it('given a converted lead, when converted again, then LEAD.ALREADY_CONVERTED and nothing is created twice', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app);
    value(await convertLead(app.deps, caller, ws, lead.id, {}));

    const again = await convertLead(app.deps, caller, ws, lead.id, {});

    expect(again.ok || again.error.code).toBe('LEAD.ALREADY_CONVERTED');
    expect(await countAll(app, ws)).toEqual({ organisations: 1, contacts: 1, opportunities: 1 });
  });

  it('given ten simultaneous conversions, then exactly one succeeds and one of each record exists', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app);

    const results = await Promise.all(
      Array.from({ length: 10 }, () => convertLead(app.deps, caller, ws, lead.id, {})),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok))
      expect(!r.ok && r.error.code).toBe('LEAD.ALREADY_CONVERTED');
    expect(await countAll(app, ws)).toEqual({ organisations: 1, contacts: 1, opportunities: 1 });
  });

  it('given an Idempotency-Key, when the same request is retried, then the first result is returned', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app);
    const keyed = asCaller(anna, 'key-1');

    const first = value(await convertLead(app.deps, keyed, ws, lead.id, { createOpportunity: true }));
    const retry = value(await convertLead(app.deps, keyed, ws, lead.id, { createOpportunity: true }));
    const reused = await convertLead(app.deps, keyed, ws, lead.id, { createOpportunity: false });

    expect(retry.organisation.record.id).toBe(first.organisation.record.id);
    expect(retry.opportunity?.record.id).toBe(first.opportunity?.record.id);
    expect(reused.ok || reused.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await countAll(app, ws)).toEqual({ organisations: 1, contacts: 1, opportunities: 1 });
  });

  it('given concurrent retries with one key, then all get the same result', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app);
    const keyed = asCaller(anna, 'key-2');

    const results = await Promise.all(
      Array.from({ length: 5 }, () => convertLead(app.deps, keyed, ws, lead.id, {})),
    );

    const ids = new Set(results.map((r) => value(r).organisation.record.id));
    expect(ids.size).toBe(1);
  });

  it('given a qualification, when converted, then the checklist and the conversion are one commit', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app, { qualification: { budget: true } });
    const commit = jest.spyOn(app.deps.records, 'commit');

    const result = value(
      await convertLead(app.deps, caller, ws, lead.id, { qualification: { need: true, authority: true } }),
    );

    expect(commit).toHaveBeenCalledTimes(1);
    const qualification = { budget: true, authority: true, need: true, timeline: false };
    expect(result.lead.record.qualification).toEqual(qualification);
    expect(result.contact.record.isDecisionMaker).toBe(true);
    const stored = await app.deps.records.get(ws, 'lead', lead.id);
    expect(stored).toEqual({ record: result.lead.record, version: result.lead.version });
  });

  it('given a qualification, when the conversion fails, then the checklist is left as it was', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app, { qualification: { budget: true } });
    const before = await app.deps.records.get(ws, 'lead', lead.id);

    const refused = await convertLead(app.deps, caller, ws, lead.id, {
      qualification: { need: true },
      organisationId: 'no-such-org',
    });
    jest
      .spyOn(app.deps.records, 'commit')
      .mockResolvedValue(err(domainError('CONCURRENCY.STALE', 'Changed meanwhile.')));
    const lost = await convertLead(app.deps, caller, ws, lead.id, { qualification: { need: true } });

    expect(refused.ok || refused.error.code).toBe('CONVERSION.ORGANISATION_NOT_FOUND');
    expect(lost.ok || lost.error.code).toBe('CONCURRENCY.STALE');
    expect(await app.deps.records.get(ws, 'lead', lead.id)).toEqual(before);
    expect(await countAll(app, ws)).toEqual({ organisations: 0, contacts: 0, opportunities: 0 });
  });

  it('given a qualification and an Idempotency-Key, when retried, then the first result is replayed', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app);
    const keyed = asCaller(anna, 'key-q');
    const input = { qualification: { need: true, notes: 'Board meets Friday' } };

    const first = value(await convertLead(app.deps, keyed, ws, lead.id, input));
    const commit = jest.spyOn(app.deps.records, 'commit');
    const retry = value(await convertLead(app.deps, keyed, ws, lead.id, input));
    const reused = await convertLead(app.deps, keyed, ws, lead.id, { qualification: { need: false } });

    expect(commit).not.toHaveBeenCalled();
    expect(retry).toEqual(first);
    expect(retry.lead.record.qualification).toMatchObject({ need: true, notes: 'Board meets Friday' });
    expect(reused.ok || reused.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('given an existing organisation, when converting into it, then only its empty fields are filled', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app, { industry: 'Retail', phone: '+351 210 000 000' });
    const org = value(
      await createOrganisation(app.deps, caller, ws, { name: 'Exemplo', website: 'https://old.example' }),
    );

    const result = value(await convertLead(app.deps, caller, ws, lead.id, { organisationId: org.record.id }));

    expect(result.organisation.record.id).toBe(org.record.id);
    expect(result.organisation.record.name).toBe('Exemplo');
    expect(result.organisation.record.website).toBe('https://old.example');
    expect(result.organisation.record.industry).toBe('Retail');
    expect(await countAll(app, ws)).toMatchObject({ organisations: 1 });
  });

  it('given an existing contact of another organisation, then CONVERSION.CONTACT_NOT_IN_ORGANISATION and nothing changes', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app);
    const orgA = value(await createOrganisation(app.deps, caller, ws, { name: 'A' }));
    const orgB = value(await createOrganisation(app.deps, caller, ws, { name: 'B' }));
    const contact = value(
      await createContact(app.deps, caller, ws, { organisationId: orgB.record.id, lastName: 'Berg' }),
    );

    const result = await convertLead(app.deps, caller, ws, lead.id, {
      organisationId: orgA.record.id,
      contactId: contact.record.id,
    });

    expect(result.ok || result.error.code).toBe('CONVERSION.CONTACT_NOT_IN_ORGANISATION');
    expect((await app.deps.records.get(ws, 'lead', lead.id))?.record.status).toBe('open-not-contacted');
  });

  it('given only an existing contact, then its organisation is used', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app);
    const org = value(await createOrganisation(app.deps, caller, ws, { name: 'Nordlys AS' }));
    const contact = value(
      await createContact(app.deps, caller, ws, { organisationId: org.record.id, lastName: 'Pereira' }),
    );

    const result = value(
      await convertLead(app.deps, caller, ws, lead.id, {
        contactId: contact.record.id,
        createOpportunity: false,
      }),
    );

    expect(result.organisation.record.id).toBe(org.record.id);
    expect(result.contact.record.id).toBe(contact.record.id);
    expect(result.opportunity).toBeUndefined();
    expect(result.lead.record.convertedOpportunityId).toBeUndefined();
  });

  it('given unknown organisation or contact ids, then a not-found code and nothing is written', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app);

    const noOrg = await convertLead(app.deps, caller, ws, lead.id, { organisationId: 'nope' });
    const noContact = await convertLead(app.deps, caller, ws, lead.id, { contactId: 'nope' });

    expect(noOrg.ok || noOrg.error.code).toBe('CONVERSION.ORGANISATION_NOT_FOUND');
    expect(noContact.ok || noContact.error.code).toBe('CONVERSION.CONTACT_NOT_FOUND');
    expect(await countAll(app, ws)).toEqual({ organisations: 0, contacts: 0, opportunities: 0 });
  });

  it('given a disqualified lead, then it must be reopened first', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app);
    value(await disqualifyLead(app.deps, caller, ws, lead.id, undefined, { reason: 'No budget' }));

    const result = await convertLead(app.deps, caller, ws, lead.id, {});

    expect(result.ok || result.error.code).toBe('LEAD.INVALID_TRANSITION');
  });

  it('given a non-member or another tenant, then the workspace is not found', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app);
    const stranger = asCaller(anActor({ userId: 'user-other' }));
    const otherTenant = asCaller(anActor({ tenantId: 'tenant-b' }));

    for (const who of [stranger, otherTenant]) {
      const result = await convertLead(app.deps, who, ws, lead.id, {});
      expect(result.ok || result.error.code).toBe('WORKSPACE.NOT_FOUND');
    }
    expect(await countAll(app, ws)).toEqual({ organisations: 0, contacts: 0, opportunities: 0 });
  });

  it('given a member, then the member may convert', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app);
    value(await addMember(app.deps, anna, ws, { userId: 'user-bo', role: 'member' }));

    const result = await convertLead(app.deps, asCaller(anActor({ userId: 'user-bo' })), ws, lead.id, {});

    expect(result.ok).toBe(true);
  });
});

describe('deleting a converted lead', () => {
  it('given a converted lead, when deleted, then LEAD.READ_ONLY and it stays', async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app);
    const converted = value(await convertLead(app.deps, caller, ws, lead.id, {}));

    const result = await deleteLead(app.deps, caller, ws, lead.id, converted.lead.version);

    expect(result.ok || result.error.code).toBe('LEAD.READ_ONLY');
    expect((await app.deps.records.get(ws, 'lead', lead.id))?.record.status).toBe('closed-converted');
  });
});

describe('conversion matches', () => {
  it("given organisations and contacts like the lead, then they are suggested, best first, the e-mail's organisation selected", async () => {
    const app = inMemoryApp();
    const { ws, lead } = await givenWorkspaceWithLead(app, {
      company: 'Exemplo, Lda.',
      website: 'https://www.exemplo.pt/contacto',
    });
    const sameSite = value(
      await createOrganisation(app.deps, caller, ws, { name: 'Grupo Exemplo', website: 'exemplo.pt' }),
    );
    const sameName = value(await createOrganisation(app.deps, caller, ws, { name: 'EXEMPLO LDA' }));
    value(await createOrganisation(app.deps, caller, ws, { name: 'Outra Empresa' }));
    const contact = value(
      await createContact(app.deps, caller, ws, {
        organisationId: sameName.record.id,
        lastName: 'Pereira',
        email: 'JOAO@exemplo.pt',
      }),
    );

    const matches = value(await conversionMatches(app.deps, caller, ws, lead.id));

    expect(
      matches.organisations.map((m) => [m.record.record.id, m.matches.map((x) => x.reason), m.suggested]),
    ).toEqual([
      [sameName.record.id, ['same-email', 'same-name'], true],
      [sameSite.record.id, ['same-domain'], false],
    ]);
    expect(matches.contacts.map((c) => [c.record.record.id, c.strength, c.suggested])).toEqual([
      [contact.record.id, 'strong', true],
    ]);
  });
});
