import { ALICE, startTestServer, workspaceWith, type TestServer } from '../testing/test-server';

let server: TestServer;
let ws: string;
const base = () => `/api/v1/workspaces/${ws}`;

beforeAll(async () => {
  server = await startTestServer();
  ws = await workspaceWith(server, ALICE);
});

const newLead = async (extra: object = {}) =>
  (await server.as(ALICE)).post(`${base()}/leads`, {
    lastName: 'Jansen',
    company: 'Jansen Transport',
    email: 'p@jansen.example',
    ...extra,
  });

describe('POST /leads/{id}/convert', () => {
  it('converts into an organisation, a contact and an opportunity, each with an etag', async () => {
    const alice = await server.as(ALICE);
    const lead = await newLead();
    const res = await alice.post(`${base()}/leads/${lead.body.id}/convert`, {
      opportunity: { amount: 5000, currency: 'EUR' },
    });
    expect(res.status).toBe(200);
    const { lead: converted, organisation, contact, opportunity } = res.body;
    expect(converted).toMatchObject({
      status: 'closed-converted',
      convertedOrganisationId: organisation.id,
      convertedContactId: contact.id,
      convertedOpportunityId: opportunity.id,
    });
    expect(converted.convertedAt).toEqual(expect.any(String));
    expect(organisation).toMatchObject({ name: 'Jansen Transport', status: 'prospect' });
    expect(contact).toMatchObject({ organisationId: organisation.id, lastName: 'Jansen' });
    expect(opportunity).toMatchObject({ organisationId: organisation.id, amount: 5000, currency: 'EUR' });
    for (const record of [converted, organisation, contact, opportunity]) expect(record.etag).toMatch(/^"/);
    expect((await alice.get(`${base()}/opportunities/${opportunity.id}`)).headers.etag).toBe(
      opportunity.etag,
    );

    const twice = await alice.post(`${base()}/leads/${lead.body.id}/convert`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('LEAD.ALREADY_CONVERTED');
    const edit = await alice.patch(`${base()}/leads/${lead.body.id}`, { title: 'x' }, converted.etag);
    expect(edit.status).toBe(409);
  });

  it('converts without an opportunity when asked, and with an empty body by default', async () => {
    const alice = await server.as(ALICE);
    const without = await alice.post(`${base()}/leads/${(await newLead()).body.id}/convert`, {
      createOpportunity: false,
    });
    expect(without.status).toBe(200);
    expect(without.body.opportunity).toBeUndefined();
    const empty = await alice.post(`${base()}/leads/${(await newLead()).body.id}/convert`);
    expect(empty.status).toBe(200);
    expect(empty.body.opportunity).toBeDefined();
  });

  it('replays a retried conversion with the same Idempotency-Key, and refuses the key for another request', async () => {
    const alice = await server.as(ALICE);
    const lead = await newLead();
    const url = `${base()}/leads/${lead.body.id}/convert`;
    const first = await alice.post(url, {}).set('Idempotency-Key', 'conv-1');
    const retry = await alice.post(url, {}).set('Idempotency-Key', 'conv-1');
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body.organisation.id).toBe(first.body.organisation.id);
    expect(retry.body.opportunity.id).toBe(first.body.opportunity.id);
    const reused = await alice.post(url, { createOpportunity: false }).set('Idempotency-Key', 'conv-1');
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    const orgs = await alice.get(`${base()}/organisations?q=jansen&limit=1000`);
    expect(orgs.body.items.filter((o: { id: string }) => o.id === first.body.organisation.id)).toHaveLength(
      1,
    );
  });

  it('qualifies and converts in one step: the checklist commits with the conversion or not at all', async () => {
    const alice = await server.as(ALICE);
    const lead = await newLead({ email: 'q@jansen.example', qualification: { budget: true } });
    const url = `${base()}/leads/${lead.body.id}/convert`;

    const failed = await alice.post(url, { qualification: { need: true }, organisationId: '01NOSUCHORG' });
    expect(failed.status).toBe(400);
    expect(failed.body.code).toBe('CONVERSION.ORGANISATION_NOT_FOUND');
    const untouched = await alice.get(`${base()}/leads/${lead.body.id}`);
    expect(untouched.body).toMatchObject({ status: 'open-not-contacted', qualification: { need: false } });
    expect(untouched.headers.etag).toBe(lead.headers.etag);

    const body = { qualification: { need: true, authority: true, notes: 'Met the board' } };
    const res = await alice.post(url, body).set('Idempotency-Key', 'qualify-convert-1');
    expect(res.status).toBe(200);
    const qualification = {
      budget: true,
      authority: true,
      need: true,
      timeline: false,
      notes: 'Met the board',
    };
    expect(res.body.lead).toMatchObject({ status: 'closed-converted', qualification });
    expect(res.body.contact.isDecisionMaker).toBe(true);
    const stored = await alice.get(`${base()}/leads/${lead.body.id}`);
    expect(stored.body.qualification).toEqual(qualification);
    expect(stored.headers.etag).toBe(res.body.lead.etag);

    const replay = await alice.post(url, body).set('Idempotency-Key', 'qualify-convert-1');
    expect(replay.status).toBe(200);
    expect(replay.body.lead.etag).toBe(res.body.lead.etag);
    expect(replay.body.organisation.id).toBe(res.body.organisation.id);
  });

  it('answers 404 for a lead that does not exist and 400 for a bad body', async () => {
    const alice = await server.as(ALICE);
    expect((await alice.post(`${base()}/leads/01NOSUCHLEAD/convert`, {})).status).toBe(404);
    const bad = await alice.post(`${base()}/leads/${(await newLead()).body.id}/convert`, {
      createOpportunity: 'yes',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('createOpportunity');
    const badChecklist = await alice.post(`${base()}/leads/${(await newLead()).body.id}/convert`, {
      qualification: { budget: 'yes' },
    });
    expect(badChecklist.status).toBe(400);
    expect(badChecklist.body.fields).toHaveProperty(['qualification.budget']);
  });
});

describe('POST /leads/{id}/disqualify', () => {
  it('closes the lead as not converted with the reason', async () => {
    const alice = await server.as(ALICE);
    const lead = await newLead();
    const res = await alice.post(`${base()}/leads/${lead.body.id}/disqualify`, { reason: 'No budget' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed-not-converted', disqualificationReason: 'No budget' });
    expect(res.headers.etag).toBe(res.body.etag);
  });

  it('needs a reason, and honours If-Match when sent', async () => {
    const alice = await server.as(ALICE);
    const lead = await newLead();
    const url = `${base()}/leads/${lead.body.id}/disqualify`;
    const blank = await alice.post(url, { reason: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.body.code).toBe('LEAD.REASON_REQUIRED');
    expect((await alice.post(url, { reason: 'x' }).set('If-Match', '"c3RhbGU"')).status).toBe(412);
  });
});

describe('Idempotency-Key on creates', () => {
  it('creates once for two requests with one key', async () => {
    const alice = await server.as(ALICE);
    const body = { lastName: 'Once', company: 'Idem Co' };
    const first = await alice.post(`${base()}/leads`, body).set('Idempotency-Key', 'create-once');
    const second = await alice.post(`${base()}/leads`, body).set('Idempotency-Key', 'create-once');
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const found = await alice.get(`${base()}/leads?q=idem`);
    expect(found.body.items).toHaveLength(1);
  });

  it('rejects a key that storage could not hold', async () => {
    const res = await (
      await server.as(ALICE)
    )
      .post(`${base()}/leads`, { lastName: 'x' })
      .set('Idempotency-Key', 'a/b#c');
    expect(res.status).toBe(400);
  });
});

describe('opportunity stages', () => {
  it('moves through stages by PATCH, wins (organisation becomes a customer), reopens on purpose, keeps history', async () => {
    const alice = await server.as(ALICE);
    const org = await alice.post(`${base()}/organisations`, { name: 'Stage Co' });
    const deal = await alice.post(`${base()}/opportunities`, {
      name: 'Deal',
      organisationId: org.body.id,
      amount: 100,
    });
    const url = `${base()}/opportunities/${deal.body.id}`;
    expect(deal.body).toMatchObject({ stage: 'prospecting', probability: 10, forecastCategory: 'pipeline' });

    const proposal = await alice.patch(url, { stage: 'proposal' }, deal.headers.etag);
    expect(proposal.body).toMatchObject({
      stage: 'proposal',
      probability: 75,
      forecastCategory: 'best-case',
    });
    const lostNoReason = await alice.patch(url, { stage: 'closed-lost' }, proposal.headers.etag);
    expect(lostNoReason.status).toBe(400);
    expect(lostNoReason.body.code).toBe('OPPORTUNITY.LOST_REASON_REQUIRED');
    const unknownStage = await alice.patch(url, { stage: 'on-the-moon' }, proposal.headers.etag);
    expect(unknownStage.status).toBe(400);

    const won = await alice.patch(url, { stage: 'closed-won' }, proposal.headers.etag);
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ stage: 'closed-won', probability: 100, forecastCategory: 'closed' });
    expect((await alice.get(`${base()}/organisations/${org.body.id}`)).body.status).toBe('customer');

    const moveClosed = await alice.patch(url, { stage: 'negotiation' }, won.headers.etag);
    expect(moveClosed.status).toBe(409);
    expect(moveClosed.body.code).toBe('OPPORTUNITY.CLOSED');
    const reopened = await alice.patch(url, { stage: 'negotiation', reopen: true }, won.headers.etag);
    expect(reopened.status).toBe(200);
    expect(reopened.body.stage).toBe('negotiation');

    const history = await alice.get(`${url}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((c: { from?: string; to: string }) => `${c.from ?? ''}>${c.to}`)).toEqual(
      expect.arrayContaining([
        '>prospecting',
        'prospecting>proposal',
        'proposal>closed-won',
        'closed-won>negotiation',
      ]),
    );
    expect(history.body.items).toHaveLength(4);
    expect((await alice.get(`${base()}/opportunities/01NOSUCHDEAL/history`)).status).toBe(404);
  });
});

describe('POST /leads: possible duplicates', () => {
  it("answers the contact and organisation a new lead's e-mail and company may be, with why, and never itself", async () => {
    const alice = await server.as(ALICE);
    const org = await alice.post(`${base()}/organisations`, {
      name: 'Fjordlys Logistikk AS',
      website: 'https://www.fjordlys.example',
    });
    const contact = await alice.post(`${base()}/contacts`, {
      organisationId: org.body.id,
      firstName: 'Ingrid',
      lastName: 'Solberg',
      email: 'ingrid@fjordlys.example',
    });

    const kari = await newLead({
      firstName: 'Kari',
      lastName: 'Nordmann',
      company: 'Fjordlys Logistikk',
      email: 'Ingrid@fjordlys.example',
    });

    expect(kari.status).toBe(201);
    expect(kari.body.possibleDuplicates).toEqual([
      {
        kind: 'contact',
        id: contact.body.id,
        name: 'Ingrid Solberg',
        matches: [{ reason: 'same-email', strength: 'strong' }],
        strength: 'strong',
      },
      {
        kind: 'organisation',
        id: org.body.id,
        name: 'Fjordlys Logistikk AS',
        matches: [
          { reason: 'same-domain', strength: 'strong' },
          { reason: 'same-name-but-suffix', strength: 'strong', suffix: 'AS' },
        ],
        strength: 'strong',
      },
    ]);
    const again = await newLead({ lastName: 'Nordmann', company: 'Annet', email: 'ingrid@fjordlys.example' });
    expect(again.body.possibleDuplicates.map((d: { kind: string; id: string }) => [d.kind, d.id])).toEqual([
      ['lead', kari.body.id],
      ['contact', contact.body.id],
      ['organisation', org.body.id],
    ]);
    const alone = await newLead({ lastName: 'Berg', company: 'Ingen Likhet', email: 'berg@gmail.com' });
    expect(alone.body.possibleDuplicates).toEqual([]);
  });
});
