import fc from 'fast-check';
import { z } from 'zod';
import { createFixture, urlFor, type Fixture } from '../testing/route-fixtures';
import { ALICE, startTestServer, type TestServer } from '../testing/test-server';
import { apiRoutes } from './api-routes';
import type { RouteSpec } from './route-spec';

/**
 * Arbitrary JSON, near-miss objects (the route's own field names with any values) and raw text at
 * every write route, sent by a member with the current ETag: never a 5xx, always a problem with a code.
 */
let server: TestServer;
let fixture: Fixture;
const writes = apiRoutes().filter((r) => r.method === 'post' || r.method === 'patch');

beforeAll(async () => {
  server = await startTestServer();
  fixture = await createFixture(server);
});

const fieldNames = (route: RouteSpec): string[] => {
  if (!route.body) return ['name'];
  type Shape = { properties?: object; $ref?: string; $defs?: Record<string, Shape> };
  const json = z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) as Shape;
  // A named body (a component schema) comes back as a reference into $defs.
  const shape = json.$ref ? json.$defs?.[json.$ref.split('/').pop() ?? ''] : json;
  return Object.keys(shape?.properties ?? {});
};

type Payload = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };

const payloads = (route: RouteSpec): fc.Arbitrary<Payload> =>
  fc.oneof(
    fc.jsonValue().map((value): Payload => ({ kind: 'json', value })),
    fc
      .dictionary(fc.constantFrom(...fieldNames(route)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 })
      .map((value): Payload => ({ kind: 'json', value })),
    fc.string({ maxLength: 40 }).map((text): Payload => ({ kind: 'raw', text })),
  );

describe.each(writes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', (_, route) => {
  it('never answers 5xx, and every failure is a problem with a code', async () => {
    const token = await server.tokenFor(ALICE);
    await fc.assert(
      fc.asyncProperty(payloads(route), async (payload) => {
        const url = urlFor(route, fixture);
        let req = server.http[route.method](url).set('Authorization', `Bearer ${token}`);
        if (route.ifMatch) {
          // The current ETag, so the body (not a stale version) decides.
          const current = await server.http
            .get(url.replace(/\/(convert|disqualify|restore)$/, ''))
            .set('Authorization', `Bearer ${token}`);
          if (current.headers.etag) req = req.set('If-Match', current.headers.etag);
        }
        const res =
          payload.kind === 'json'
            ? await req.set('Content-Type', 'application/json').send(JSON.stringify(payload.value))
            : await req.set('Content-Type', 'application/json').send(payload.text);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.body.code).toEqual(expect.any(String));
        }
      }),
      { numRuns: 25 },
    );
  });
});
