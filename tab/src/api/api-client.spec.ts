import type { Lead } from '@crm/shared';
import { createI18n } from '../i18n/i18n';
import { RESOURCES } from '../i18n/resources';
import { createApiClient, type WithEtag } from './api-client';
import { ApiError, errorMessage, errorText, retryQuery } from './api-error';

type Call = { url: string; init: RequestInit };

/** A fetch that records calls and answers from a script. */
function fakeFetch(...answers: Array<Response | Error>) {
  const calls: Call[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
const problem = (status: number, code: string, extra: object = {}) =>
  new Response(
    JSON.stringify({ type: 'about:blank', title: 'x', status, code, detail: 'SECRET server text', ...extra }),
    {
      status,
      headers: { 'content-type': 'application/problem+json' },
    },
  );
const headersOf = (call: Call | undefined) => new Headers(call?.init.headers);

const lead = { id: 'L1', lastName: 'Jansen', etag: '"djE"' } as unknown as WithEtag<Lead>;
const client = (fetch: typeof globalThis.fetch) =>
  createApiClient({
    getToken: async () => 'tok',
    fetch,
    newKey: () => 'key-1',
    sleep: async () => undefined,
  });

describe('api client: requests', () => {
  it('sends the bearer token and list filters, dropping empty ones', async () => {
    const { calls, fetch } = fakeFetch(json(200, { items: [], nextCursor: null }));
    await client(fetch).listLeads('ws 1', { q: 'jan', status: undefined });
    expect(calls[0]?.url).toBe('/api/v1/workspaces/ws%201/leads?q=jan');
    expect(headersOf(calls[0]).get('authorization')).toBe('Bearer tok');
  });

  it('sends the record’s ETag as If-Match on updates, and returns the new ETag', async () => {
    const { calls, fetch } = fakeFetch(json(200, { id: 'L1', etag: '"old"' }, { etag: '"djI"' }));
    const updated = await client(fetch).updateLead('ws', lead, { company: 'X' });
    expect(calls[0]?.init.method).toBe('PATCH');
    expect(headersOf(calls[0]).get('if-match')).toBe('"djE"');
    expect(headersOf(calls[0]).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ company: 'X' });
    expect(updated.etag).toBe('"djI"');
  });

  it('sends an Idempotency-Key with creates and conversions', async () => {
    const { calls, fetch } = fakeFetch(json(201, { id: 'L1' }), json(200, {}));
    await client(fetch).createLead('ws', { lastName: 'J', source: 'web' });
    await client(fetch).convertLead('ws', 'L1', {});
    expect(headersOf(calls[0]).get('idempotency-key')).toBe('key-1');
    expect(calls[1]?.url).toBe('/api/v1/workspaces/ws/leads/L1/convert');
    expect(headersOf(calls[1]).get('idempotency-key')).toBe('key-1');
  });
});

describe('api client: failures', () => {
  it.each([
    [412, 'CONCURRENCY.STALE', 'stale'],
    [409, 'LEAD.ALREADY_CONVERTED', 'conflict'],
    [400, 'VALIDATION.FAILED', 'invalid'],
    [401, 'AUTH.INVALID_TOKEN', 'unauthenticated'],
    [429, 'RATE_LIMIT.EXCEEDED', 'rate-limited'],
    [500, 'SERVER.INTERNAL', 'server'],
    [429, 'IMPORT.QUEUE_FULL', 'rate-limited'],
    [502, 'GATEWAY.SOMETHING', 'unknown'],
  ])('turns a %i %s problem into an ApiError of kind %s', async (status, code, kind) => {
    const answer = () => problem(status, code, { fields: { lastName: 'Required' } });
    // A 401 is tried once more with a fresh token; here the second answer is the same.
    const { fetch } = fakeFetch(answer(), answer());
    const error = await client(fetch)
      .updateLead('ws', lead, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, code, kind, fields: ['lastName'] });
  });

  it('keeps the problem’s details for a sentence of the client’s own', async () => {
    const { fetch } = fakeFetch(problem(409, 'WORKSPACE.STAGE_IN_USE', { details: { stage: 'proposal' } }));
    await expect(client(fetch).listWorkspaces()).rejects.toMatchObject({ details: { stage: 'proposal' } });
  });

  it('reports a body that is not JSON by status alone', async () => {
    const { fetch } = fakeFetch(new Response('<html>bad gateway</html>', { status: 502 }));
    await expect(client(fetch).listWorkspaces()).rejects.toMatchObject({ status: 502, code: 'HTTP.502' });
  });

  it('reports an unreachable server as a network error', async () => {
    const { fetch } = fakeFetch(new TypeError('Failed to fetch'));
    await expect(client(fetch).listWorkspaces()).rejects.toMatchObject({ kind: 'network' });
  });
});

describe('api client: busy answers', () => {
  const busy = (retryAfter?: string) =>
    new Response(JSON.stringify({ status: 503, code: 'STORAGE.BUSY', detail: 'x' }), {
      status: 503,
      headers: {
        'content-type': 'application/problem+json',
        ...(retryAfter ? { 'retry-after': retryAfter } : {}),
      },
    });
  /** A client whose waits are recorded instead of slept; jitter at its middle. */
  function waiting(fetch: typeof globalThis.fetch) {
    const waits: number[] = [];
    const api = createApiClient({
      getToken: async () => 'tok',
      fetch,
      newKey: () => 'key-1',
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    return { api, waits };
  }

  it('retries a read as Retry-After says, then returns the answer', async () => {
    const { calls, fetch } = fakeFetch(busy('2'), busy('1'), json(200, { items: [], nextCursor: null }));
    const { api, waits } = waiting(fetch);
    expect(await api.listWorkspaces()).toEqual([]);
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([2_000, 1_000]);
  });

  it('retries a create with the same Idempotency-Key, with backoff and jitter when no Retry-After came', async () => {
    const { calls, fetch } = fakeFetch(busy(), busy(), json(201, { id: 'L1' }, { etag: '"djE"' }));
    const { api, waits } = waiting(fetch);
    expect(await api.createLead('ws', { lastName: 'J', source: 'web' })).toMatchObject({ id: 'L1' });
    expect(calls.map((c) => headersOf(c).get('idempotency-key'))).toEqual(['key-1', 'key-1', 'key-1']);
    // Three quarters of 500 ms·2^(n-1) at jitter 0.5.
    expect(waits).toEqual([375, 750]);
  });

  it('does not repeat a change without an Idempotency-Key: the busy answer reaches the user', async () => {
    const { calls, fetch } = fakeFetch(busy('1'));
    const { api, waits } = waiting(fetch);
    const error = await api.updateLead('ws', lead, { company: 'X' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'STORAGE.BUSY', kind: 'rate-limited' });
    expect({ calls: calls.length, waits }).toEqual({ calls: 1, waits: [] });
  });

  it('gives up after four tries, and does not wait out a Retry-After past 30 s', async () => {
    const always = fakeFetch(busy('1'), busy('1'), busy('1'), busy('1'), busy('1'));
    const first = waiting(always.fetch);
    await expect(first.api.listWorkspaces()).rejects.toMatchObject({ status: 503, code: 'STORAGE.BUSY' });
    expect(always.calls).toHaveLength(4);
    const long = fakeFetch(busy('120'));
    const second = waiting(long.fetch);
    await expect(second.api.listWorkspaces()).rejects.toMatchObject({ status: 503 });
    expect({ calls: long.calls.length, waits: second.waits }).toEqual({ calls: 1, waits: [] });
  });

  it('retries a read whose connection failed, then reports the network if it stays down', async () => {
    const { calls, fetch } = fakeFetch(
      new TypeError('Failed to fetch'),
      json(200, { items: [], nextCursor: null }),
    );
    expect(await waiting(fetch).api.listWorkspaces()).toEqual([]);
    expect(calls).toHaveLength(2);
  });
});

describe('api client: an expired token', () => {
  /** A token source like Teams SSO: the cached token until asked to refresh. */
  function tokens() {
    const asked: Array<boolean | undefined> = [];
    let current = 'expired';
    const getToken = async (request?: { refresh?: boolean }) => {
      asked.push(request?.refresh);
      if (request?.refresh) current = 'fresh';
      return current;
    };
    return { asked, getToken };
  }

  it('is refreshed once on a 401 and the request sent again with the fresh token', async () => {
    const { calls, fetch } = fakeFetch(
      problem(401, 'AUTH.INVALID_TOKEN'),
      json(201, { id: 'L1' }, { etag: '"djE"' }),
    );
    const source = tokens();
    const api = createApiClient({ getToken: source.getToken, fetch, newKey: () => 'key-1' });
    expect(await api.createLead('ws', { lastName: 'J', source: 'web' })).toMatchObject({ id: 'L1' });
    expect(calls.map((c) => headersOf(c).get('authorization'))).toEqual(['Bearer expired', 'Bearer fresh']);
    // The same request: body and Idempotency-Key.
    expect(calls[1]?.init.body).toBe(calls[0]?.init.body);
    expect(headersOf(calls[1]).get('idempotency-key')).toBe('key-1');
    expect(source.asked).toEqual([undefined, true]);
  });

  it('gives up after one refresh: a second 401 means signed out', async () => {
    const { calls, fetch } = fakeFetch(
      problem(401, 'AUTH.INVALID_TOKEN'),
      problem(401, 'AUTH.INVALID_TOKEN'),
    );
    const api = createApiClient({ getToken: tokens().getToken, fetch });
    await expect(api.listWorkspaces()).rejects.toMatchObject({ status: 401, kind: 'unauthenticated' });
    expect(calls).toHaveLength(2);
  });
});

describe('errorMessage', () => {
  const t = createI18n('nl', RESOURCES).t;
  it('uses the code’s own sentence when there is one', () => {
    expect(errorMessage(new ApiError(409, 'LEAD.ALREADY_CONVERTED'), t)).toBe(
      'Deze lead is al geconverteerd.',
    );
    expect(errorMessage(new ApiError(429, 'IMPORT.SPOOL_FULL'), t)).toBe(
      'De server heeft nu geen ruimte voor nog een import. Probeer het later opnieuw.',
    );
  });
  it('falls back to the kind, then to a generic sentence, never to server text', () => {
    expect(errorMessage(new ApiError(409, 'ORGANISATION.HAS_DEPENDENTS'), t)).toBe(
      'Dit kan in de huidige toestand niet.',
    );
    expect(errorMessage(new ApiError(500, 'SERVER.INTERNAL'), t)).toBe(
      'Er ging bij ons iets mis. Probeer het zo opnieuw.',
    );
    expect(errorMessage(new ApiError(502, 'GATEWAY.SOMETHING'), t)).toBe(
      'Er ging iets mis. Probeer het opnieuw.',
    );
    expect(errorMessage(new Error('SECRET stack'), t)).toBe('Er ging iets mis. Probeer het opnieuw.');
    expect(errorMessage(new ApiError(0, 'NETWORK.UNAVAILABLE'), t)).toMatch(/server is niet bereikbaar/);
  });
});

describe('errorText', () => {
  const t = createI18n('en', RESOURCES).t;
  const refused = (status: number, code: string, detail: string, reasons: Record<string, string> = {}) =>
    new ApiError(status, code, Object.keys(reasons), undefined, {}, { detail, reasons });
  it('adds what the server said to the sentence: its detail, and the reasons it does not name', () => {
    const notATask = refused(400, 'VALIDATION.FAILED', 'Only a task can be completed, not a call.', {
      completed: 'only for tasks',
    });
    expect(errorText(notATask, t)).toBe(
      'Some of the data is not valid. Only a task can be completed, not a call.',
    );
    const badEmail = refused(400, 'VALIDATION.FAILED', 'The input is not valid.', {
      email: 'Invalid email address',
    });
    expect(errorText(badEmail, t)).toBe(
      'Some of the data is not valid. The input is not valid. email: Invalid email address',
    );
  });
  it('says only the sentence for a code with its own, and for a server failure', () => {
    expect(errorText(refused(409, 'LEAD.ALREADY_CONVERTED', 'Lead L1 is converted.'), t)).toBe(
      'This lead has already been converted.',
    );
    expect(errorText(refused(500, 'SERVER.INTERNAL', 'TypeError at line 3'), t)).toBe(
      'Something went wrong on our side. Try again in a moment.',
    );
  });
});

describe('retryQuery', () => {
  it('lets React Query ask once more, except after busy answers the client already retried', () => {
    expect(retryQuery(0, new ApiError(500, 'SERVER.INTERNAL'))).toBe(true);
    expect(retryQuery(1, new ApiError(500, 'SERVER.INTERNAL'))).toBe(false);
    expect(retryQuery(0, new ApiError(503, 'STORAGE.BUSY'))).toBe(false);
    expect(retryQuery(0, new ApiError(429, 'REQUEST.RATE_LIMITED'))).toBe(false);
    expect(retryQuery(0, new ApiError(0, 'NETWORK.UNAVAILABLE'))).toBe(false);
  });
});
