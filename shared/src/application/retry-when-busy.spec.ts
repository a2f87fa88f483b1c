import { StorageBusyError } from '../common/storage-busy';
import { retryWhenBusy } from './retry-when-busy';

const refused = (retryAfterMs = 0) =>
  new StorageBusyError('503 ServerBusy', { retryAfterMs, ambiguous: false });
const lost = () => new StorageBusyError('answer lost', { retryAfterMs: 0, ambiguous: true });
const policy = { attempts: 3, baseMs: 100, capMs: 1_000, budgetMs: 10_000 };

function scripted(outcomes: Array<Error | string>) {
  let calls = 0;
  const waits: number[] = [];
  const run = () =>
    retryWhenBusy(
      async () => {
        const next = outcomes[calls++];
        if (next instanceof Error) throw next;
        return next;
      },
      policy,
      { random: () => 0.5, sleep: async (ms) => void waits.push(ms), nowMs: () => 0 },
    );
  return { run, waits, calls: () => calls };
}

describe('retryWhenBusy', () => {
  it('given storage refused twice, then it tries again, waiting the longer of Retry-After and backoff', async () => {
    const s = scripted([refused(300), refused(), 'done']);
    expect(await s.run()).toBe('done');
    expect(s.waits).toEqual([300, 150]);
  });

  it('given storage keeps refusing, then it stops after the attempts with the busy error', async () => {
    const s = scripted([refused(), refused(), refused(), 'never']);
    await expect(s.run()).rejects.toBeInstanceOf(StorageBusyError);
    expect(s.calls()).toBe(3);
  });

  it('given a write whose answer was lost (ambiguous), then it is not repeated', async () => {
    const s = scripted([lost(), 'never']);
    await expect(s.run()).rejects.toMatchObject({ ambiguous: true });
    expect(s.calls()).toBe(1);
  });

  it('given another error, then it passes through at once', async () => {
    const s = scripted([new Error('a bug'), 'never']);
    await expect(s.run()).rejects.toThrow('a bug');
    expect(s.calls()).toBe(1);
  });

  it('given a wait past the budget, then it gives up instead of waiting', async () => {
    const s = scripted([refused(60_000), 'never']);
    await expect(s.run()).rejects.toBeInstanceOf(StorageBusyError);
    expect(s.waits).toEqual([]);
  });
});
