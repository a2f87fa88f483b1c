import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Actor } from '@crm/shared';
import {
  createLead,
  createOpportunity,
  createOrganisation,
  createWorkspace,
  updateOpportunity,
  type AppDeps,
} from '@crm/shared/application';
import { recordTeam } from '@crm/shared/testing';
import { azuriteAppDeps } from './testing/azurite-app';
import { must } from './testing/must';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import pino from 'pino';
import { createBotApp } from './bot-app';
import { createTranslator } from './messages/translator';
import { teamsMessage, type TestSender } from './testing/activities';
import { startConnectorStandIn, type ConnectorStandIn } from './testing/connector-stand-in';

const TENANT = '11111111-1111-1111-1111-111111111111';
const ALICE: Actor = { tenantId: TENANT, userId: 'aaaaaaaa-0000-0000-0000-00000000a11c', name: 'Alice' };
const BOB: Actor = { tenantId: TENANT, userId: 'bbbbbbbb-0000-0000-0000-000000000b0b', name: 'Bob' };
const TEAM = '19:acme-sales-team@thread.tacv2';

const alice: TestSender = { tenantId: TENANT, aadObjectId: ALICE.userId, name: 'Alice', teamId: TEAM };

let connector: ConnectorStandIn;
let server: Server;
let botUrl: string;

// Spans of every activity, for the tracing check (one trace per Teams activity).
const exporter = new InMemorySpanExporter();
const tracing = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
tracing.register();

beforeAll(async () => {
  const app = await azuriteAppDeps('botapp');
  await seed(app);
  connector = await startConnectorStandIn();
  server = createBotApp({
    app,
    credentials: undefined,
    translator: createTranslator(),
    logger: pino({ level: 'silent' }),
    ready: async () => undefined,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await connector?.close();
  await tracing.shutdown();
});

/** Seeds one team-bound workspace through the use cases, as the tab would. */
async function seed(app: AppDeps): Promise<void> {
  await recordTeam(app, TENANT, TEAM, [ALICE.userId]);
  const ws = must(await createWorkspace(app, ALICE, { name: 'Acme Sales', teamId: TEAM })).record.id;
  const caller = { actor: ALICE };
  must(
    await createLead(app, caller, ws, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Analytical Engines',
    }),
  );
  must(
    await createLead(app, caller, ws, { firstName: 'Grace', lastName: 'Hopper', company: 'Navy Compilers' }),
  );
  const org = must(await createOrganisation(app, caller, ws, { name: 'Analytical Engines' })).record;
  const deal = must(
    await createOpportunity(app, caller, ws, {
      name: 'Engines rollout',
      organisationId: org.id,
      amount: 1000,
      currency: 'EUR',
    }),
  );
  must(await updateOpportunity(app, caller, ws, deal.record.id, deal.version, { stage: 'proposal' }));
  must(
    await createOpportunity(app, caller, ws, {
      name: 'Fjord deal',
      organisationId: org.id,
      amount: 500,
      currency: 'NOK',
    }),
  );
}

/** Sends one activity as the Bot Connector would and returns what the bot replied to it. */
async function say(text: string, from: TestSender) {
  const activity = teamsMessage(connector.url, text, from);
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(res.status).toBe(200);
  const replies = connector.sent.filter((s) => s.replyToId === activity.id);
  expect(replies).toHaveLength(1);
  const reply = replies[0]!;
  expect(reply.conversationId).toBe((activity.conversation as { id: string }).id);
  return {
    text: reply.activity.text ?? '',
    card: JSON.stringify(reply.activity.attachments?.[0]?.content ?? null),
    contentType: reply.activity.attachments?.[0]?.contentType,
  };
}

describe('the bot over HTTP, with a stand-in Bot Connector', () => {
  it('traces a message: the activity span names the activity and the workspace, and holds its storage calls', async () => {
    exporter.reset();
    const activity = teamsMessage(connector.url, 'leads', alice);

    const res = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });

    expect(res.status).toBe(200);
    const spans = exporter.getFinishedSpans();
    const turn = spans.find((s) => s.name === 'teams message');
    expect(turn?.attributes).toMatchObject({
      'crm.teams.activity_id': activity.id,
      'crm.teams.activity_type': 'message',
      'crm.workspace.id': expect.any(String),
    });
    const storage = spans.filter(
      (s) => s.name.startsWith('storage ') && s.spanContext().traceId === turn!.spanContext().traceId,
    );
    expect(storage.length).toBeGreaterThanOrEqual(2);
    expect(
      storage.some((s) => s.attributes['crm.workspace.id'] === turn!.attributes['crm.workspace.id']),
    ).toBe(true);
  });

  it('answers help with the command list', async () => {
    const reply = await say('<at>Pipeline CRM</at> help', alice);
    expect(reply.text).toContain('**leads**');
    expect(reply.text).toContain('**pipeline**');
  });

  it('finds a lead by search and shows it on an Adaptive Card', async () => {
    const reply = await say('<at>Pipeline CRM</at> LEADS ada', alice);
    expect(reply.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(reply.card).toContain('"version":"1.5"');
    expect(reply.card).toContain('Ada Lovelace');
    expect(reply.card).toContain('Analytical Engines');
    expect(reply.card).toContain('Open – Not Contacted');
    expect(reply.card).not.toContain('Grace Hopper');
  });

  it('lists open leads without a search', async () => {
    const reply = await say('leads', alice);
    expect(reply.card).toContain('Ada Lovelace');
    expect(reply.card).toContain('Grace Hopper');
  });

  it('shows the pipeline per currency, never adding currencies', async () => {
    const reply = await say('pipeline', alice);
    expect(reply.card).toContain('EUR');
    expect(reply.card).toContain('NOK');
    expect(reply.card).toContain('Proposal');
    expect(reply.card).toContain('€1,000.00');
    expect(reply.card).not.toContain('1,500');
  });

  it('lists open deals with stage and amount', async () => {
    const reply = await say('deals', alice);
    expect(reply.card).toContain('Engines rollout');
    expect(reply.card).toContain('Fjord deal');
    expect(reply.card).toContain('Prospecting');
  });

  it('answers a re-sent activity the same way (read-only, idempotent)', async () => {
    const first = await say('leads ada', alice);
    const again = await say('leads ada', alice);
    expect(again.card).toBe(first.card);
  });

  it('gives a non-member of the team workspace no data', async () => {
    const bob = { ...alice, aadObjectId: BOB.userId, name: 'Bob' };
    for (const command of ['leads', 'pipeline', 'deals ada']) {
      const reply = await say(command, bob);
      expect(reply.card).toBe('null');
      expect(reply.text).toMatch(/no CRM workspace you can use/);
      expect(reply.text).not.toMatch(/Ada|Acme|EUR/);
    }
  });

  it('tells a team with no workspace so, in a friendly way', async () => {
    const reply = await say('leads', { ...alice, teamId: '19:unbound@thread.tacv2' });
    expect(reply.text).toMatch(/This team has no CRM workspace you can use/);
  });

  it('uses the only workspace in a personal chat', async () => {
    const reply = await say('leads ada', { ...alice, teamId: undefined });
    expect(reply.card).toContain('Ada Lovelace');
  });

  it('shows no data to a sender without an Entra identity', async () => {
    const reply = await say('leads', { teamId: TEAM, name: 'Emulator user' });
    expect(reply.text).toMatch(/cannot tell who you are/);
  });

  it('speaks Portuguese to pt-BR, and English to German (not one of our languages)', async () => {
    const portuguese = await say('leads', { ...alice, locale: 'pt-BR' });
    expect(portuguese.card).toContain('Leads abertos em Acme Sales');
    expect(portuguese.card).toContain('Aberto – Não contatado');
    const money = await say('pipeline', { ...alice, locale: 'pt-BR' });
    expect(money.card).toMatch(/€\s1\.000,00/);
    const german = await say('hilfe', { ...alice, locale: 'de-DE' });
    expect(german.text).toContain('I did not understand "hilfe".');
    expect(german.text).toContain('You can ask me');
  });

  it('answers /healthz', async () => {
    const res = await fetch(`${botUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
