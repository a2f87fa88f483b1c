import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Actor } from '@crm/shared';
import type { AppDeps } from '@crm/shared/application';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../app';
import { createDevTokenIssuer } from '../auth/dev-token-issuer';
import { createTokenVerifier } from '../auth/token-verifier';
import { createLogger } from '../http/logging';

/** Debian's Chromium, headless, quiet (ENVIRONMENT.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** launch() gives every run a fresh temporary profile and removes it on close. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

const CLIENT_ID = 'pipeline-crm-browser';

/** A parsed JSON answer, read loosely by tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers by path
type Json = any;

export type BrowserServer = {
  readonly base: string;
  /** A JSON API call as `actor` (dev token); answers the parsed body and the ETag. */
  readonly api: (
    actor: Actor,
    method: string,
    path: string,
    body?: unknown,
    ifMatch?: string,
  ) => Promise<{ status: number; body: Json; etag: string | null }>;
  /** A dev token for `actor`: what the simulated Teams host hands out as its SSO token. */
  readonly token: (actor: Actor) => Promise<string>;
  readonly close: () => Promise<void>;
};

/** The real tab server (dev sign-in on) over the given storage, on a free loopback port. */
export async function startBrowserServer(deps: AppDeps): Promise<BrowserServer> {
  const devTokens = await createDevTokenIssuer(CLIENT_ID);
  const app = createApp({
    app: deps,
    verifier: createTokenVerifier({ keys: devTokens.keys, clientId: CLIENT_ID }),
    devTokens,
    logger: createLogger('silent'),
    ready: async () => undefined,
    rateLimit: { windowMs: 60_000, limit: 100_000 },
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((listening) => {
    const s = app.listen(0, '127.0.0.1', () => listening(s));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}`;
  const tokens = new Map<string, string>();
  const tokenFor = async (actor: Actor) => {
    const key = `${actor.tenantId}/${actor.userId}`;
    if (!tokens.has(key)) {
      const res = await fetch(`${base}/api/dev/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ tenantId: actor.tenantId, userId: actor.userId, name: actor.name }),
      });
      tokens.set(key, ((await res.json()) as { token: string }).token);
    }
    return tokens.get(key)!;
  };
  return {
    base,
    token: tokenFor,
    api: async (actor, method, path, body, ifMatch) => {
      const headers: Record<string, string> = { Authorization: `Bearer ${await tokenFor(actor)}` };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (ifMatch) headers['If-Match'] = ifMatch;
      const res = await fetch(`${base}/api/v1${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, etag: res.headers.get('etag') };
    },
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

/** Signs in through the local form, as a user would; resolves once the workspace list shows. */
export async function signIn(page: Page, actor: Actor): Promise<void> {
  await page.getByRole('textbox', { name: /^Tenant id/ }).fill(actor.tenantId);
  await page.getByRole('textbox', { name: /^User id/ }).fill(actor.userId);
  await page.getByRole('textbox', { name: /^Name/ }).fill(actor.name ?? actor.userId);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('list', { name: 'Your workspaces' }).waitFor();
}

/** Signs in and opens the named workspace. */
export async function signInAndOpen(page: Page, actor: Actor, workspaceName: string): Promise<void> {
  await signIn(page, actor);
  await page.getByRole('button', { name: workspaceName, exact: true }).click();
}

/** Where browser tests leave their screenshots: a git-ignored test artefact folder. */
export const SCREENSHOT_DIR = resolve(__dirname, '../../../.data/screenshots');

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, name);
}
