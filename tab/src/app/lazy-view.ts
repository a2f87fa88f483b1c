import { lazy } from 'react';

/** When the page last reloaded itself for a chunk it could not load (sessionStorage: this tab only). */
const RELOADED_AT = 'crm.chunk-reload-at';
const ONCE_PER_MS = 60_000;

export type ChunkReload = {
  readonly reload: () => void;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  readonly now: () => number;
};

/**
 * Where the browser denies a framed page its storage: a reload could not be remembered, so every
 * failure reads as "just reloaded" and shows the error rather than risking a reload loop.
 */
export const noStorage = (now: () => number = Date.now): ChunkReload['storage'] => ({
  getItem: () => String(now()),
  setItem: () => undefined,
});

/**
 * The tab's session storage, if the page may use it: reading `window.sessionStorage` throws inside
 * Teams in a browser that blocks third-party storage (it broke every lazy view there).
 */
export function sessionStorageOrNone(): ChunkReload['storage'] {
  try {
    return window.sessionStorage ?? noStorage();
  } catch {
    return noStorage();
  }
}

const browser = (): ChunkReload => ({
  reload: () => window.location.reload(),
  storage: sessionStorageOrNone(),
  now: Date.now,
});

/**
 * Loads a view's chunk; when that fails — typically a tab left open across a deploy asks for a chunk
 * of the build it started with, which the new deploy no longer serves — the page reloads once to get
 * the current build (and its chunks). A second failure within a minute is a real error: it is thrown
 * to the error view instead of reloading in a loop.
 */
export async function loadOrReload<T>(load: () => Promise<T>, env: ChunkReload = browser()): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const last = Number(env.storage.getItem(RELOADED_AT) ?? 0);
    if (env.now() - last < ONCE_PER_MS) throw error;
    env.storage.setItem(RELOADED_AT, String(env.now()));
    env.reload();
    // The page is going away: show the loading state until it does.
    return new Promise<T>(() => {});
  }
}

/** `React.lazy` with {@link loadOrReload}. */
export const lazyView = (load: Parameters<typeof lazy>[0]) => lazy(() => loadOrReload(load));
