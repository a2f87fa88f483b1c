import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { createApp } from '../app';
import { createDevTokenIssuer } from '../auth/dev-token-issuer';
import { createTokenVerifier } from '../auth/token-verifier';
import { createLogger } from '../http/logging';
import { writeBundle } from '../bundle/browser-bundle';
import { csvExtension } from '../imports/csv-extension';
import { createImportWorker } from '../imports/import-worker';
import { launchChromium } from './browser';
import { testStorage } from './test-server';

const CLIENT_ID = 'pipeline-crm-e2e';

/** Where browser tests leave screenshots (git-ignored). */
export const ARTIFACTS_DIR = resolve(__dirname, '../../test-artifacts');

export type E2e = {
  readonly base: string;
  /** The server's storage, clock and ids: a bot built on them shares the tab's data (one Azurite). */
  readonly deps: Awaited<ReturnType<typeof testStorage>>;
  readonly browser: Browser;
  /** A page that records script errors and console errors in `problems`. */
  newPage(options?: BrowserContextOptions): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
};

/**
 * The real tab server over the run's Azurite with dev tokens, today's bundle, Debian's Chromium.
 * One per spec file.
 */
export async function startE2e(options: { readonly inlineMaxRows?: number } = {}): Promise<E2e> {
  const [deps, devTokens] = await Promise.all([
    testStorage(),
    createDevTokenIssuer(CLIENT_ID),
    writeBundle(), // always today's source, not a bundle left from an older checkout
  ]);
  // The CSV routes as the server mounts them: a small file imports in the request, a larger one
  // becomes a job the worker runs.
  const dataDir = await mkdtemp(join(tmpdir(), 'crm-e2e-'));
  const worker = createImportWorker(deps, { dataDir, logger: createLogger('silent') });
  const app = createApp({
    app: deps,
    verifier: createTokenVerifier({ keys: devTokens.keys, clientId: CLIENT_ID }),
    devTokens,
    logger: createLogger('silent'),
    ready: async () => undefined,
    extensions: [csvExtension(deps, { worker, dataDir, ...options })],
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((listening) => {
    const s = app.listen(0, '127.0.0.1', () => listening(s));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  // launch() gives every run a fresh temporary profile (user-data-dir) and removes it on close.
  const browser = await launchChromium();
  return {
    base: `http://127.0.0.1:${address.port}`,
    deps,
    browser,
    newPage: async (options = {}) => {
      const page = await (await browser.newContext({ locale: 'en-US', ...options })).newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      return { page, problems };
    },
    close: async () => {
      await browser.close();
      await worker.stop();
      await new Promise((closed) => server.close(closed));
    },
  };
}

/** Signs in through the local form (dev tokens) and waits until the app says so. */
export async function devSignIn(page: Page, user: { tenantId: string; userId: string; name: string }) {
  await page.getByRole('textbox', { name: /^Tenant id/ }).fill(user.tenantId);
  await page.getByRole('textbox', { name: /^User id/ }).fill(user.userId);
  await page.getByRole('textbox', { name: /^Name/ }).fill(user.name);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${user.name}`).waitFor();
}

let axeSource: string | undefined;

/** Serious and critical axe-core findings on the page as it is now (rule id and a target each). */
export async function axeFindings(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's CSP (script-src 'self') stays as users get it.
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type AxeViolation = { id: string; impact: string | null; nodes: { target: unknown[] }[] };
    type Axe = { run(context: object): Promise<{ violations: AxeViolation[] }> };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    // Fluent's focus manager (tabster) keeps focus sentinels at the page's edges: aria-hidden on purpose.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      target: JSON.stringify(v.nodes[0]?.target),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) at ${v.target}`);
}

/** A full-page screenshot under the artefacts folder. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
