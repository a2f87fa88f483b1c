import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Actor } from '@crm/shared';
import type { ImportDeps } from '@crm/shared/application';
import { connectTableStorage, createIdGenerator, systemClock } from '@crm/shared/storage';
import { createApp, type ServerDeps } from '../app';
import type { BrowserBundle } from '../bundle/browser-bundle';
import { createDevTokenIssuer } from '../auth/dev-token-issuer';
import { createTokenVerifier } from '../auth/token-verifier';
import { createLogger } from '../http/logging';
import { createTestTokens, TEST_CLIENT_ID, type MintOptions } from './test-tokens';

/** API tests serve the HTML shell without building the browser bundle (page-routes.spec.ts builds it). */
const NO_BUNDLE: BrowserBundle = {
  dir: join(tmpdir(), 'crm-no-bundle'),
  ready: async () => ({
    script: 'app-TESTTEST.js',
    files: ['app-TESTTEST.js'],
    preload: [],
    teamsPreload: [],
    previous: [],
  }),
};

export const TENANT_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const TENANT_B = 'bbbbbbbb-0000-4000-8000-00000000000b';
export const ALICE: Actor = { tenantId: TENANT_A, userId: 'alice', name: 'Alice' };
export const BOB: Actor = { tenantId: TENANT_A, userId: 'bob', name: 'Bob' };
export const CAROL: Actor = { tenantId: TENANT_A, userId: 'carol', name: 'Carol' };
/** Same user id as Alice, other tenant: must never see Alice's data. */
export const MALLORY: Actor = { tenantId: TENANT_B, userId: 'alice', name: 'Mallory' };

/** Use-case dependencies over Table storage with this prefix (tests pass a proxy's connection string too). */
export async function connectTestStorage(
  connectionString: string,
  tablePrefix: string,
  options: Omit<Parameters<typeof connectTableStorage>[1], 'tablePrefix'> = {},
): Promise<ImportDeps> {
  const storage = connectTableStorage({ connectionString }, { tablePrefix, ...options });
  await storage.ensureTables();
  return {
    records: storage.records,
    workspaces: storage.workspaces,
    outbox: storage.outbox,
    importJobs: storage.importJobs,
    teams: storage.teams,
    conversations: storage.conversations,
    clock: systemClock,
    ids: createIdGenerator(),
  };
}

/** Storage for one spec file: the run's Azurite, tables of its own. */
export async function testStorage(prefix = 't'): Promise<ImportDeps> {
  const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString)
    throw new Error('TEST_STORAGE_CONNECTION_STRING is not set: run as an integration test');
  return connectTestStorage(connectionString, `${prefix}${randomBytes(6).toString('hex')}`);
}

// Key pairs take a while to generate; one set serves every server in a spec file.
let sharedKeys:
  | Promise<[Awaited<ReturnType<typeof createTestTokens>>, Awaited<ReturnType<typeof createDevTokenIssuer>>]>
  | undefined;
const keys = () => (sharedKeys ??= Promise.all([createTestTokens(), createDevTokenIssuer(TEST_CLIENT_ID)]));

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** The real app over real storage (Azurite), with test tokens and a silent logger. */
export async function startTestServer(overrides: Partial<ServerDeps> & { app?: ServerDeps['app'] } = {}) {
  const deps = overrides.app ?? (await testStorage());
  const [tokens, devTokens] = await keys();
  const app = createApp({
    app: deps,
    verifier: createTokenVerifier({ keys: tokens.keys, clientId: TEST_CLIENT_ID }),
    logger: createLogger('silent'),
    ready: async () => {
      await deps.workspaces.get('readiness-probe');
    },
    rateLimit: { windowMs: 60_000, limit: 100_000 },
    addressRateLimit: { windowMs: 60_000, limit: 1_000_000 },
    bundle: NO_BUNDLE,
    ...overrides,
  });
  const tokenCache = new Map<string, string>();
  const tokenFor = async (actor: Actor, options?: MintOptions): Promise<string> => {
    if (options) return tokens.mint(actor, options);
    const key = `${actor.tenantId}/${actor.userId}`;
    const cached = tokenCache.get(key) ?? (await tokens.mint(actor));
    tokenCache.set(key, cached);
    return cached;
  };
  const http = request(app);
  const as = async (actor: Actor) => {
    const auth = `Bearer ${await tokenFor(actor)}`;
    return {
      get: (url: string) => http.get(url).set('Authorization', auth),
      post: (url: string, body?: object) =>
        (body === undefined ? http.post(url) : http.post(url).send(body)).set('Authorization', auth),
      patch: (url: string, body: object, etag?: string) => {
        const req = http.patch(url).send(body).set('Authorization', auth);
        return etag ? req.set('If-Match', etag) : req;
      },
      delete: (url: string, etag?: string) => {
        const req = http.delete(url).set('Authorization', auth);
        return etag ? req.set('If-Match', etag) : req;
      },
    };
  };
  return { app, deps, http, tokens, tokenFor, as, devTokens };
}

/** Creates a workspace owned by `owner` with `members` added; returns its id. */
export async function workspaceWith(
  server: TestServer,
  owner: Actor,
  members: readonly Actor[] = [],
): Promise<string> {
  const client = await server.as(owner);
  const created = await client.post('/api/v1/workspaces', { name: `Team of ${owner.userId}` });
  if (created.status !== 201) throw new Error(`workspace: ${created.status} ${JSON.stringify(created.body)}`);
  const ws = created.body.id as string;
  for (const member of members) {
    const added = await client.post(`/api/v1/workspaces/${ws}/members`, {
      userId: member.userId,
      role: 'member',
    });
    if (added.status !== 201) throw new Error(`member: ${added.status} ${JSON.stringify(added.body)}`);
  }
  return ws;
}
