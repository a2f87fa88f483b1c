import { ALICE, startTestServer, testStorage } from '../../server/testing/test-server';
import { apiContract } from '../testing/contracts/api.contract';
import { createApiClient } from './api-client';

/** The API contract against the real server (HTTP on a port, the run's Azurite), through the tab's client. */
let close: () => Promise<void>;
let baseUrl: string;
let token: string;

beforeAll(async () => {
  // Every contract case works in a workspace of its own: more than one person may create by default.
  const server = await startTestServer({
    app: { ...(await testStorage()), limits: { workspacesPerUser: 1_000 } },
  });
  token = await server.tokenFor(ALICE);
  const listening = await new Promise<ReturnType<typeof server.app.listen>>((ready) => {
    const s = server.app.listen(0, '127.0.0.1', () => ready(s));
  });
  const address = listening.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  baseUrl = `http://127.0.0.1:${address.port}`;
  close = () => new Promise((closed) => listening.close(() => closed()));
});

afterAll(() => close());

apiContract(async () => ({ api: createApiClient({ baseUrl, getToken: async () => token }) }));
