import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Actor } from '@crm/shared';
import { createLead, createWorkspace } from '@crm/shared/application';
import { recordTeam } from '@crm/shared/testing';
import pino from 'pino';
import { createBotApp } from './bot-app';
import { createTranslator } from './messages/translator';
import { teamsMessage, type TestSender } from './testing/activities';
import { azuriteAppDeps } from './testing/azurite-app';
import { startConnectorStandIn, type ConnectorStandIn } from './testing/connector-stand-in';
import { must } from './testing/must';

/** One trace per Teams activity: its id and the workspace on it, each storage call inside it. */
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();

const TENANT = '11111111-1111-1111-1111-1111111111aa';
const ALICE: Actor = { tenantId: TENANT, userId: 'aaaaaaaa-0000-0000-0000-0000000000aa', name: 'Alice' };
const TEAM = '19:traced-team@thread.tacv2';
const alice: TestSender = { tenantId: TENANT, aadObjectId: ALICE.userId, name: 'Alice', teamId: TEAM };

let connector: ConnectorStandIn;
let server: Server;
let ws: string;

beforeAll(async () => {
  const app = await azuriteAppDeps('bottrace');
  await recordTeam(app, TENANT, TEAM, [ALICE.userId]);
  ws = must(await createWorkspace(app, ALICE, { name: 'Traced', teamId: TEAM })).record.id;
  must(await createLead(app, { actor: ALICE }, ws, { lastName: 'Lovelace', company: 'Engines' }));
  connector = await startConnectorStandIn();
  server = createBotApp({
    app,
    credentials: undefined,
    translator: createTranslator(),
    logger: pino({ level: 'silent' }),
    ready: async () => undefined,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await connector?.close();
  await provider.shutdown();
});

it('traces a Teams message: the activity span names the activity and the workspace, and holds its storage calls', async () => {
  exporter.reset();
  const activity = teamsMessage(connector.url, 'leads', alice);

  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`, {
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
    'crm.workspace.id': ws,
  });
  const storage = spans.filter(
    (s) => s.name.startsWith('storage ') && s.spanContext().traceId === turn!.spanContext().traceId,
  );
  expect(storage.length).toBeGreaterThanOrEqual(2);
  expect(storage.some((s) => s.attributes['crm.workspace.id'] === ws)).toBe(true);
});
