import { DEMO_PEOPLE } from '../../src/auth/demo-people';
import { createLogger } from '../http/logging';
import { startTestServer, testStorage } from '../testing/test-server';
import { DEMO_ACTOR, seedDemoData } from './demo-data';

const PLAYGROUND = 'http://127.0.0.1:56999/_connector';

describe('seedDemoData', () => {
  it('fills an empty storage with one demo workspace the demo user can work in, and only once', async () => {
    const deps = await testStorage();
    const logger = createLogger('silent');
    await expect(seedDemoData(deps, logger, { teamsServiceUrl: PLAYGROUND })).resolves.toBe(true);
    await expect(seedDemoData(deps, logger)).resolves.toBe(false);

    const server = await startTestServer({ app: deps });
    const demo = await server.as(DEMO_ACTOR);
    const mine = await demo.get('/api/v1/workspaces');
    expect(mine.body.items).toHaveLength(1);
    // The Agents Playground's team and tenant, as PRODUCT.md's "Local Teams" gives them.
    expect(mine.body.items[0]).toMatchObject({
      role: 'owner',
      name: 'My Team',
      teamId: 'team-id',
      tenantId: '00000000-0000-0000-0000-0000000000001',
    });
    expect(DEMO_ACTOR).toMatchObject({
      userId: '00000000-0000-0000-0000-0000000000020',
      name: 'Alex Wilber',
    });
    const ws = mine.body.items[0].id as string;
    const base = `/api/v1/workspaces/${ws}`;

    const leads = (await demo.get(`${base}/leads`)).body.items as { status: string }[];
    expect(new Set(leads.map((l) => l.status))).toEqual(
      new Set(['open-not-contacted', 'working-contacted', 'closed-converted', 'closed-not-converted']),
    );
    const stages = ((await demo.get(`${base}/opportunities`)).body.items as { stage: string }[]).map(
      (o) => o.stage,
    );
    expect(stages).toEqual(
      expect.arrayContaining(['prospecting', 'proposal', 'negotiation', 'closed-won', 'closed-lost']),
    );
    expect((await demo.get(`${base}/campaigns`)).body.items).toHaveLength(1);
    expect((await demo.get(`${base}/activities`)).body.items.length).toBeGreaterThanOrEqual(2);
    expect(
      (await demo.get(`${base}/organisations?status=customer`)).body.items.length,
    ).toBeGreaterThanOrEqual(1);

    // Every view has something to show: campaign results with a won deal, the dashboard's reports
    // (stale deals included) and the recycle bin.
    const campaigns = (await demo.get(`${base}/reports/campaigns`)).body;
    expect(JSON.stringify(campaigns)).toContain('Vakbeurs Logistiek Utrecht');
    expect(campaigns.rows[0]).toMatchObject({ leads: 2, convertedLeads: 1, wonDeals: 1 });
    const stale = (await demo.get(`${base}/reports/stale-deals`)).body;
    expect(stale.deals.map((d: { opportunity: { name: string } }) => d.opportunity.name).sort()).toEqual([
      'Estrela – point of sale',
      'Van der Berg – site tablets',
    ]);
    for (const report of ['pipeline', 'forecast', 'conversion', 'win-rate']) {
      const answer = await demo.get(`${base}/reports/${report}`);
      expect({ report, status: answer.status }).toEqual({ report, status: 200 });
      expect(JSON.stringify(answer.body)).toMatch(/\d/);
    }
    const bin = (await demo.get(`${base}/recycle-bin`)).body.items;
    expect(bin).toHaveLength(1);

    // My day opens with work in every section, and some open deal has no next step.
    const day = (await demo.get(`${base}/my-day`)).body;
    expect(day.overdue.items.length).toBeGreaterThanOrEqual(1);
    expect(day.today.items.length).toBeGreaterThanOrEqual(1);
    expect(day.upcoming.items.length).toBeGreaterThanOrEqual(1);
    const deals = (await demo.get(`${base}/opportunities`)).body.items as {
      name: string;
      stage: string;
      nextActivity?: object;
      ownerId: string;
    }[];
    const open = deals.filter((d) => !d.stage.startsWith('closed'));
    expect(open.filter((d) => !d.nextActivity).length).toBeGreaterThanOrEqual(1);
    expect(open.filter((d) => d.nextActivity).length).toBeGreaterThanOrEqual(1);
    expect(new Set(deals.map((d) => d.ownerId))).toEqual(
      new Set([DEMO_ACTOR.userId, DEMO_PEOPLE[1]!.userId]),
    );

    // The duplicate lead: converting Kari selects the organisation and contact she already is.
    const kari = (await demo.get(`${base}/leads?q=Nordmann`)).body.items[0];
    expect(kari).toMatchObject({ company: 'Fjordlys Logistikk', email: 'ingrid@fjordlys.example' });
    const matches = (await demo.get(`${base}/leads/${kari.id}/matches`)).body;
    expect(
      matches.organisations
        .filter((o: { suggested: boolean }) => o.suggested)
        .map((o: { organisation: { name: string } }) => o.organisation.name),
    ).toEqual(['Fjordlys Logistikk AS']);
    expect(
      matches.contacts
        .filter((c: { suggested: boolean }) => c.suggested)
        .map((c: { contact: { lastName: string } }) => c.contact.lastName),
    ).toEqual(['Solberg']);
  });

  it("binds the demo workspace to the playground's team as the bot's install does: roster, members, General subscribed", async () => {
    const deps = await testStorage();
    await seedDemoData(deps, createLogger('silent'), { teamsServiceUrl: PLAYGROUND });
    let ws: { id: string } | undefined;
    for await (const w of deps.workspaces.listAll()) ws = w;
    const tenantId = DEMO_ACTOR.tenantId;

    // The roster as the playground's connector lists it (its six people), with their Teams ids.
    const roster = await deps.teams.listRoster(tenantId, 'team-id');
    expect(roster).toHaveLength(6);
    for (const person of DEMO_PEOPLE) {
      expect(roster).toContainEqual({
        userId: person.userId,
        name: person.name,
        teamsUserId: person.teamsUserId,
      });
    }
    expect(await deps.teams.getTeam(tenantId, 'team-id')).toMatchObject({
      name: 'My Team',
      aadGroupId: '00000000-0000-0000-0000-000000000031',
      installedBy: DEMO_ACTOR.userId,
    });

    // Everyone the sign-in offers can sign in and work in it: Alex as owner, Megan and Adele as members.
    const server = await startTestServer({ app: deps });
    for (const person of DEMO_PEOPLE) {
      const them = await server.as({ tenantId, userId: person.userId, name: person.name });
      const items = (await them.get('/api/v1/workspaces')).body.items as { id: string; role: string }[];
      expect({ who: person.name, workspaces: items.map((w) => [w.id, w.role]) }).toEqual({
        who: person.name,
        workspaces: [[ws!.id, person.role]],
      });
    }

    // The General channel (conversation id = team id) hears everything, through the playground.
    const [general, ...others] = await deps.conversations.listSubscriptions(ws!.id);
    expect(others).toEqual([]);
    expect(general).toMatchObject({
      conversationId: 'team-id',
      teamId: 'team-id',
      topics: expect.arrayContaining(['conversions', 'stages', 'won']),
      address: {
        serviceUrl: PLAYGROUND,
        channelId: 'msteams',
        conversation: { id: 'team-id', conversationType: 'channel', tenantId },
      },
    });
    expect(general!.topics).toHaveLength(3);
  });
});
