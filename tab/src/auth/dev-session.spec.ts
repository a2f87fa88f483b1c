import { clearDevSession, loadDevSession, saveDevSession, type SessionStore } from './dev-session';
import { tokenExpiry } from './jwt';

const base64url = (value: object) =>
  Buffer.from(JSON.stringify(value))
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const jwt = (claims: object) => `${base64url({ alg: 'ES256' })}.${base64url(claims)}.signature`;

const memoryStore = (): SessionStore & { readonly items: Map<string, string> } => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
};

const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-01T09:00:00Z');

describe('the local sign-in across reloads', () => {
  it('is kept with its token’s expiry and restored until then', () => {
    const store = memoryStore();
    const token = jwt({ name: 'Dé Mo', exp: (NOW + HOUR) / 1000 });
    expect(saveDevSession(store, token, 'Dé Mo')).toEqual({ token, name: 'Dé Mo', expiresAt: NOW + HOUR });
    expect(loadDevSession(store, NOW + HOUR / 2)).toEqual({ token, name: 'Dé Mo', expiresAt: NOW + HOUR });
  });

  it('is dropped once its token has (nearly) expired, and after sign-out', () => {
    const store = memoryStore();
    saveDevSession(store, jwt({ exp: (NOW + HOUR) / 1000 }), 'A');
    expect(loadDevSession(store, NOW + HOUR - 1000)).toBeUndefined();
    expect(store.items.size).toBe(0);
    saveDevSession(store, jwt({ exp: (NOW + HOUR) / 1000 }), 'A');
    clearDevSession(store);
    expect(loadDevSession(store, NOW)).toBeUndefined();
  });

  it('keeps nothing it cannot read: a token without expiry, a damaged entry', () => {
    const store = memoryStore();
    expect(saveDevSession(store, 'not-a-jwt', 'A')).toBeUndefined();
    expect(tokenExpiry(jwt({ name: 'no exp' }))).toBeUndefined();
    store.setItem('crm.devSession', '{"token": 1');
    expect(loadDevSession(store, NOW)).toBeUndefined();
  });
});
