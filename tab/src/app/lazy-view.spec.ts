import { loadOrReload, noStorage, sessionStorageOrNone, type ChunkReload } from './lazy-view';

function browserStandIn(start = 1_000_000) {
  const stored = new Map<string, string>();
  let now = start;
  const reloads: number[] = [];
  const env: ChunkReload = {
    reload: () => void reloads.push(now),
    storage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v) },
    now: () => now,
  };
  return { env, reloads, later: (ms: number) => void (now += ms) };
}

const missingChunk = () =>
  Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/SettingsView-OLD.js'));

describe('loading a view chunk', () => {
  it('given a chunk the server no longer has, then the page reloads once instead of failing', async () => {
    const { env, reloads } = browserStandIn();
    const outcome = await Promise.race([
      loadOrReload(missingChunk, env).then(
        () => 'loaded',
        () => 'failed',
      ),
      new Promise((resolve) => setTimeout(() => resolve('waiting for the reload'), 50)),
    ]);
    expect(outcome).toBe('waiting for the reload');
    expect(reloads).toHaveLength(1);
  });

  it('given the chunk still missing right after that reload, then the error shows instead of a reload loop', async () => {
    const { env, reloads, later } = browserStandIn();
    void loadOrReload(missingChunk, env);
    await new Promise((r) => setTimeout(r, 0));
    later(5_000);

    await expect(loadOrReload(missingChunk, env)).rejects.toThrow(
      'Failed to fetch dynamically imported module',
    );
    expect(reloads).toHaveLength(1);

    later(120_000);
    void loadOrReload(missingChunk, env);
    await new Promise((r) => setTimeout(r, 0));
    expect(reloads).toHaveLength(2);
  });

  it('given the chunk loads, then nothing reloads', async () => {
    const { env, reloads } = browserStandIn();
    expect(await loadOrReload(async () => ({ default: 'view' }), env)).toEqual({ default: 'view' });
    expect(reloads).toEqual([]);
  });

  it('given a page denied its storage (Teams framed, third-party storage blocked), then views still load and a missing chunk shows the error without reloading', async () => {
    // A window whose storage throws on read, as Chromium's is in a blocked third-party frame.
    const page = globalThis as { window?: unknown };
    page.window = {
      get sessionStorage(): Storage {
        throw new Error("SecurityError: Failed to read the 'sessionStorage' property from 'Window'");
      },
    };
    try {
      expect(() => sessionStorageOrNone()).not.toThrow();
      expect(await loadOrReload(async () => ({ default: 'view' }))).toEqual({ default: 'view' });
    } finally {
      delete page.window;
    }
    const reloads: number[] = [];
    const env: ChunkReload = { reload: () => void reloads.push(1), storage: noStorage(), now: Date.now };
    await expect(loadOrReload(missingChunk, env)).rejects.toThrow(
      'Failed to fetch dynamically imported module',
    );
    expect(reloads).toEqual([]);
  });
});
