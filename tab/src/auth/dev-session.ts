import { tokenExpiry } from './jwt';

/** A local (dev) sign-in kept across reloads for as long as its token is valid. */
export type DevSession = {
  readonly token: string;
  readonly name: string;
  /** When the token expires, in ms since the epoch. */
  readonly expiresAt: number;
};

/** Where the session is kept: the browser's localStorage, or a stand-in in specs. */
export type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY = 'crm.devSession';
/** A token this close to its end is not worth restoring: the first call would fail. */
const MARGIN_MS = 60_000;

/** Keeps the session (nothing is kept for a token without an expiry). */
export function saveDevSession(store: SessionStore, token: string, name: string): DevSession | undefined {
  const expiresAt = tokenExpiry(token);
  if (expiresAt === undefined) return undefined;
  const session = { token, name, expiresAt };
  try {
    store.setItem(KEY, JSON.stringify(session));
  } catch {
    // storage denied (private mode): the session lasts for this page only
  }
  return session;
}

/** The kept session, if its token is still good at `now`; an expired or unreadable one is dropped. */
export function loadDevSession(store: SessionStore, now: number): DevSession | undefined {
  let stored: unknown;
  try {
    stored = JSON.parse(store.getItem(KEY) ?? 'null');
  } catch {
    stored = null;
  }
  const session = stored as Partial<DevSession> | null;
  if (
    session &&
    typeof session.token === 'string' &&
    typeof session.name === 'string' &&
    typeof session.expiresAt === 'number' &&
    session.expiresAt - MARGIN_MS > now
  )
    return { token: session.token, name: session.name, expiresAt: session.expiresAt };
  clearDevSession(store);
  return undefined;
}

export function clearDevSession(store: SessionStore): void {
  try {
    store.removeItem(KEY);
  } catch {
    // nothing kept, nothing to clear
  }
}
