import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ALICE, startTestServer, workspaceWith, type TestServer } from '../testing/test-server';

/** One trace from the API call through its use case to each storage call, with the workspace on it. */
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();

let server: TestServer;
let ws: string;

beforeAll(async () => {
  server = await startTestServer();
  ws = await workspaceWith(server, ALICE);
});
afterAll(() => provider.shutdown());

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

it('traces a conversion: the use case span carries the workspace and holds every storage call it made', async () => {
  const alice = await server.as(ALICE);
  const lead = await alice.post(`/api/v1/workspaces/${ws}/leads`, {
    lastName: 'Jansen',
    company: 'Jansen BV',
  });
  exporter.reset();

  const converted = await alice.post(`/api/v1/workspaces/${ws}/leads/${lead.body.id}/convert`, {});

  expect(converted.status).toBe(200);
  const spans = exporter.getFinishedSpans();
  const useCase = spans.find((s) => s.name === 'api convertLead');
  expect(useCase?.attributes).toMatchObject({ 'crm.workspace.id': ws, 'crm.operation': 'convertLead' });
  const storage = spans.filter((s) => s.name.startsWith('storage '));
  const inside = storage.filter((s) => parentOf(s) === useCase!.spanContext().spanId);
  // Reads of the workspace, member and lead, then the conversion's transaction.
  expect(inside.length).toBeGreaterThanOrEqual(3);
  expect(inside.every((s) => s.spanContext().traceId === useCase!.spanContext().traceId)).toBe(true);
  const names = inside.map((s) => s.name);
  expect(names.some((name) => /^storage GET \w+records$/.test(name))).toBe(true);
  expect(names).toContain('storage POST transaction');
  expect(inside.some((s) => s.attributes['crm.workspace.id'] === ws)).toBe(true);
  expect(inside.every((s) => typeof s.attributes['http.response.status_code'] === 'number')).toBe(true);
});
