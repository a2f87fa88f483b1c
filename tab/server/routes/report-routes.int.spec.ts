import { ALICE, BOB, startTestServer, workspaceWith, type TestServer } from '../testing/test-server';

let server: TestServer;
let base: string;

beforeAll(async () => {
  server = await startTestServer();
  base = `/api/v1/workspaces/${await workspaceWith(server, ALICE)}`;
  const alice = await server.as(ALICE);
  const org = await alice.post(`${base}/organisations`, { name: 'Report Co' });
  const deal = await alice.post(`${base}/opportunities`, {
    name: 'D1',
    organisationId: org.body.id,
    amount: 1000,
    currency: 'EUR',
  });
  await alice.patch(`${base}/opportunities/${deal.body.id}`, { stage: 'proposal' }, deal.headers.etag);
  await alice.post(`${base}/opportunities`, {
    name: 'D2',
    organisationId: org.body.id,
    amount: 500,
    currency: 'NOK',
  });
  const campaign = await alice.post(`${base}/campaigns`, {
    name: 'Fair',
    type: 'trade-show',
    currency: 'EUR',
    actualCost: 100,
  });
  const lead = await alice.post(`${base}/leads`, {
    lastName: 'L',
    company: 'LC',
    source: 'trade-show',
    campaignId: campaign.body.id,
  });
  await alice.post(`${base}/leads/${lead.body.id}/convert`, {});
});

describe('GET /reports/*', () => {
  it('pipeline: by stage, amounts per currency, never added across currencies', async () => {
    const res = await (await server.as(ALICE)).get(`${base}/reports/pipeline`);
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(text).toContain('proposal');
    expect(text).toContain('EUR');
    expect(text).toContain('NOK');
    expect(text).not.toContain('1500');
  });

  it.each(['forecast', 'conversion', 'campaigns', 'win-rate', 'sales-cycle', 'stale-deals'])(
    '%s answers 200',
    async (name) => {
      const res = await (await server.as(ALICE)).get(`${base}/reports/${name}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.any(Object));
    },
  );

  it('conversion by source counts the converted trade-show lead', async () => {
    const res = await (await server.as(ALICE)).get(`${base}/reports/conversion?by=source`);
    expect(JSON.stringify(res.body)).toContain('trade-show');
  });

  it('win rate and sales cycle over a period count only what falls in it', async () => {
    const alice = await server.as(ALICE);
    const won = await alice.get(`${base}/reports/win-rate?to=2000-12-31`);
    expect(won.body).toEqual({ won: 0, lost: 0, winRate: null, wonAmount: {} });
    const cycle = await alice.get(`${base}/reports/sales-cycle?from=2000-01-01&to=2000-12-31`);
    expect(cycle.body).toEqual({ wonDeals: 0, averageDays: null });
  });

  it.each([
    ['win-rate?to=2026-12', 'to'],
    ['sales-cycle?from=yesterday', 'from'],
    ['forecast?months=99', 'months'],
    ['forecast?from=yesterday', 'from'],
    ['conversion?by=mood', 'by'],
    ['conversion?by=a&by=b', 'by'],
  ])('rejects %s with 400', async (query, field) => {
    const res = await (await server.as(ALICE)).get(`${base}/reports/${query}`);
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty(field);
  });

  it('has no report by another name', async () => {
    expect((await (await server.as(ALICE)).get(`${base}/reports/gossip`)).status).toBe(404);
  });
});

describe('deal lists kept by activity writes', () => {
  it('a planned activity takes the deal off no-next-step and shows on its board card', async () => {
    const alice = await server.as(ALICE);
    const org = await alice.post(`${base}/organisations`, { name: 'Next Step Co' });
    const deal = await alice.post(`${base}/opportunities`, {
      name: 'Needs a call',
      organisationId: org.body.id,
      currency: 'EUR',
    });
    const listed = async (report: string) =>
      ((await alice.get(`${base}/reports/${report}?limit=200`)).body.deals as { id: string }[]).map(
        (d) => d.id,
      );
    expect(await listed('no-next-step')).toContain(deal.body.id);

    const call = await alice.post(`${base}/activities`, {
      type: 'call',
      subject: 'Discovery call',
      completed: false,
      occurredAt: '2031-01-06T09:00:00.000Z',
      regarding: { type: 'opportunity', id: deal.body.id },
    });
    expect(call.status).toBe(201);
    expect(await listed('no-next-step')).not.toContain(deal.body.id);
    const board = await alice.get(`${base}/board`);
    const card = (board.body.columns as { items: { id: string; nextActivity?: { subject: string } }[] }[])
      .flatMap((c) => c.items)
      .find((d) => d.id === deal.body.id);
    expect(card?.nextActivity?.subject).toBe('Discovery call');
  });
});

describe('GET /board by owner', () => {
  type Column = {
    stage: string;
    count: number;
    totals: object;
    items: { name: string }[];
    nextCursor: string | null;
  };

  it("shows one owner's cards, counts and totals, and the open pipeline per currency", async () => {
    const ws = `/api/v1/workspaces/${await workspaceWith(server, ALICE, [BOB])}`;
    const alice = await server.as(ALICE);
    const org = await alice.post(`${ws}/organisations`, { name: 'Owner Co' });
    const deal = async (
      name: string,
      ownerId: string,
      amount: number,
      currency: string,
      stage = 'proposal',
    ) =>
      expect(
        (
          await alice.post(`${ws}/opportunities`, {
            name,
            organisationId: org.body.id,
            ownerId,
            amount,
            currency,
            stage,
            probability: 50,
          })
        ).status,
      ).toBe(201);
    await deal('A1', 'alice', 1_000, 'EUR');
    await deal('B1', 'bob', 200, 'EUR');
    await deal('B2', 'bob', 300, 'USD');
    await deal('B3', 'bob', 400, 'EUR', 'qualification');

    const board = async (query: string) => {
      const res = await alice.get(`${ws}/board${query}`);
      expect(res.status).toBe(200);
      const proposal = (res.body.columns as Column[]).find((c) => c.stage === 'proposal')!;
      return { body: res.body, proposal };
    };
    const everyone = await board('');
    expect(everyone.body.owner).toBeUndefined();
    expect(everyone.body.pipeline).toEqual({
      count: 4,
      totals: {
        EUR: { count: 3, amount: 1_600, weightedAmount: 800 },
        USD: { count: 1, amount: 300, weightedAmount: 150 },
      },
    });
    expect(everyone.proposal.count).toBe(3);

    const mine = await board('?owner=me');
    expect(mine.body.owner).toBe('alice');
    expect(mine.proposal.items.map((d) => d.name)).toEqual(['A1']);
    expect(mine.proposal).toMatchObject({ count: 1, totals: { EUR: { count: 1, amount: 1_000 } } });
    expect(mine.body.pipeline).toEqual({
      count: 1,
      totals: { EUR: { count: 1, amount: 1_000, weightedAmount: 500 } },
    });

    // Bob's, a card at a time: the next page of his column holds his other deal, never Alice's.
    const bobs = await board('?owner=bob&limit=1');
    expect(bobs.proposal.count).toBe(2);
    expect(bobs.proposal.totals).toEqual({
      EUR: { count: 1, amount: 200, weightedAmount: 100 },
      USD: { count: 1, amount: 300, weightedAmount: 150 },
    });
    expect(bobs.body.pipeline.count).toBe(3);
    const first = bobs.proposal.items.map((d) => d.name);
    const rest = await alice.get(
      `${ws}/board/proposal?owner=bob&limit=5&cursor=${encodeURIComponent(bobs.proposal.nextCursor!)}`,
    );
    expect(rest.status).toBe(200);
    expect([...first, ...rest.body.items.map((d: { name: string }) => d.name)].sort()).toEqual(['B1', 'B2']);

    const twice = await alice.get(`${ws}/board?owner=bob&owner=alice`);
    expect(twice.status).toBe(400);
    expect(twice.body.code).toBe('VALIDATION.FAILED');
  });
});
