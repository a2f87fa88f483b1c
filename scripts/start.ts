/**
 * `npm start`: the whole product on one machine. Starts the embedded Azurite (tables and queues, data
 * under .data/) unless STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL points at real storage, then
 * the tab server and the bot as child processes. Ctrl-C stops the children first, then Azurite gracefully, so
 * nothing it acknowledged is lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { azuriteVersion, startAzurite, type RunningAzurite } from '../shared/src/storage/azurite';

const root = resolve(__dirname, '..');
const parts = [
  { name: 'tab', entry: join(root, 'tab', 'server', 'index.ts') },
  { name: 'bot', entry: join(root, 'bot', 'src', 'index.ts') },
];

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv & { DATA_DIR: string } = {
    ...process.env,
    DATA_DIR: resolve(process.env.DATA_DIR ?? join(root, '.data')),
  };
  let azurite: RunningAzurite | undefined;
  if (!env.STORAGE_CONNECTION_STRING && !env.STORAGE_ACCOUNT_URL) {
    const location = join(env.DATA_DIR, 'azurite');
    const port = Number(env.AZURITE_TABLE_PORT ?? 10002);
    const queuePort = Number(env.AZURITE_QUEUE_PORT ?? 10001);
    azurite = await startAzurite({ location, port, queuePort });
    env.STORAGE_CONNECTION_STRING = azurite.connectionString;
    console.log(
      `storage: embedded Azurite ${azuriteVersion()}${azurite.keyOrder ? ' (key-order queries)' : ''}, ` +
        `tables on 127.0.0.1:${azurite.port}, queues on ${azurite.queuePort}, data in ${location}`,
    );
  } else {
    console.log('storage: external (STORAGE_CONNECTION_STRING / STORAGE_ACCOUNT_URL)');
  }
  env.AUTH_MODE ??= env.AAD_APP_CLIENT_ID ? 'entra' : 'dev';
  env.SEED_DEMO_DATA ??= 'true';

  const children: ChildProcess[] = [];
  for (const part of parts) {
    if (!existsSync(part.entry)) continue;
    const child = spawn(process.execPath, ['--import', 'tsx', part.entry], { env, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${part.name} exited (${signal ?? code}); stopping everything`);
        void stop(1);
      }
    });
    children.push(child);
  }
  if (children.length === 0) console.log('no tab or bot yet: only storage is running');
  else void announceTab(env);

  let stopping = false;
  async function stop(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      ),
    );
    await azurite?.stop();
    console.log('stopped');
    process.exit(code);
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

/** How long to wait for the tab server before giving up on the "open this" line. */
const READY_TIMEOUT_MS = 120_000;

/**
 * Once the tab is ready (demo data seeded), one plain line for a newcomer: where to open it and how to
 * sign in (after the JSON log lines, which are for machines).
 */
async function announceTab(env: NodeJS.ProcessEnv): Promise<void> {
  const port = Number(env.TAB_PORT ?? 53_000);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) {
      const signIn =
        env.AUTH_MODE === 'dev'
          ? 'press "Sign in" (the form is filled in as the demo user, who owns the demo workspace)'
          : 'sign in with your Microsoft 365 account (in Teams the tab signs you in by itself)';
      console.log(
        `\nPipeline CRM is running: open http://localhost:${port} and ${signIn}. Ctrl-C stops it.\n`,
      );
      return;
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
