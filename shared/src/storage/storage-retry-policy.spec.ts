import {
  createHttpHeaders,
  createPipelineRequest,
  RestError,
  type PipelineResponse,
  type SendRequest,
} from '@azure/core-rest-pipeline';
import { isStorageBusy, StorageBusyError } from '../common/storage-busy';
import { storageRetryPolicy, type StorageRetryOptions } from './storage-retry-policy';

const OPTIONS: StorageRetryOptions = {
  attempts: 4,
  baseMs: 100,
  capMs: 1_000,
  tryTimeoutMs: 5_000,
  budgetMs: 60_000,
};

type Answer = number | { status: number; headers?: Record<string, string> } | Error;

/**
 * A `next` that answers the scripted statuses (or throws the scripted errors) in turn. Error statuses
 * are thrown as the SDK's deserialization policy throws them: a RestError carrying the response.
 */
function scripted(answers: Answer[]) {
  const tries: string[] = [];
  const next: SendRequest = async (request) => {
    tries.push(request.method);
    const answer = answers.shift() ?? 200;
    if (answer instanceof Error) throw answer;
    const { status, headers = {} } = typeof answer === 'number' ? { status: answer } : answer;
    const response = { request, status, headers: createHttpHeaders(headers) } as PipelineResponse;
    if (status >= 400) throw new RestError(`answered ${status}`, { statusCode: status, request, response });
    return response;
  };
  return { next, tries };
}

const busy = { status: 503, headers: { 'x-ms-error-code': 'ServerBusy' } };
const timedOut = { status: 500, headers: { 'x-ms-error-code': 'OperationTimedOut' } };
const reset = () =>
  new RestError('socket hang up', { code: RestError.REQUEST_SEND_ERROR, statusCode: undefined });

async function send(method: 'GET' | 'POST' | 'PUT', answers: Answer[], options = OPTIONS) {
  const waits: number[] = [];
  const transients: string[] = [];
  const policy = storageRetryPolicy(options, {
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
    onTransient: (f) => transients.push(f.what),
  });
  const { next, tries } = scripted(answers);
  const request = createPipelineRequest({ url: 'http://127.0.0.1:10002/devstoreaccount1/t', method });
  const outcome = await policy.sendRequest(request, next).then(
    (response) => response.status,
    (error: unknown) => (error instanceof RestError && error.statusCode ? error.statusCode : error),
  );
  return { outcome, tries: tries.length, waits, transients, timeout: request.timeout };
}

describe('storageRetryPolicy', () => {
  it('given a read storage refuses twice, then it answers: retried with backoff, the answer returned', async () => {
    const { outcome, tries, waits } = await send('GET', [busy, busy, 200]);
    expect({ outcome, tries }).toEqual({ outcome: 200, tries: 3 });
    // Equal jitter at random 0.5: three quarters of min(cap, base·2^(n-1)).
    expect(waits).toEqual([75, 150]);
  });

  it('given storage asks to wait (x-ms-retry-after-ms, Retry-After), then it waits that long', async () => {
    const { waits } = await send('GET', [
      { status: 503, headers: { 'x-ms-retry-after-ms': '1200' } },
      { status: 503, headers: { 'retry-after': '2' } },
      200,
    ]);
    expect(waits).toEqual([1_200, 2_000]);
  });

  it('given a read that keeps failing, then it gives up after the attempts with StorageBusyError (not ambiguous)', async () => {
    const { outcome, tries, transients } = await send('GET', [busy, timedOut, reset(), busy, busy]);
    expect(tries).toBe(4);
    expect(transients).toHaveLength(4);
    expect(isStorageBusy(outcome)).toBe(true);
    expect(outcome).toMatchObject({ ambiguous: false, retryAfterMs: 600 });
  });

  it('given a write storage refused (503 ServerBusy), then it is sent again: storage did not apply it', async () => {
    const { outcome, tries } = await send('POST', [busy, 202]);
    expect({ outcome, tries }).toEqual({ outcome: 202, tries: 2 });
  });

  it.each([
    ['a lost connection', reset()],
    ['a 500 OperationTimedOut', timedOut],
  ])(
    'given a write whose answer is %s, then it is NOT sent again: StorageBusyError, ambiguous',
    async (_what, answer) => {
      const { outcome, tries } = await send('POST', [answer, 202]);
      expect(tries).toBe(1);
      expect(outcome).toBeInstanceOf(StorageBusyError);
      expect(outcome).toMatchObject({ ambiguous: true });
    },
  );

  it('given a try that takes too long, then the request carries the try timeout', async () => {
    expect((await send('GET', [200])).timeout).toBe(OPTIONS.tryTimeoutMs);
  });

  it('given answers that are not transient (404, 409, 412), then they pass through untouched', async () => {
    for (const status of [404, 409, 412]) {
      expect(await send('PUT', [status])).toMatchObject({ outcome: status, tries: 1, transients: [] });
    }
    const unrelated = new Error('a bug');
    expect((await send('GET', [unrelated])).outcome).toBe(unrelated);
  });

  it('given the time budget would pass, then it gives up before waiting', async () => {
    const { tries, outcome } = await send('GET', [{ status: 503, headers: { 'retry-after': '30' } }], {
      ...OPTIONS,
      budgetMs: 5_000,
    });
    expect(tries).toBe(1);
    expect(outcome).toMatchObject({ name: 'StorageBusyError', retryAfterMs: 30_000 });
  });
});
