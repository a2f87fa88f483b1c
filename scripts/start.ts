/**
 * `npm start`: the whole product on one machine. Starts the embedded Azurite (tables, queues and blobs, data
 * under .data/) unless STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL points at real storage, then
 * the tab server and the bot as child processes, and the Microsoft 365 Agents Playground against the
 * bot (a local Teams; PLAYGROUND=false leaves it out). Ctrl-C stops the children first, then Azurite
 * gracefully, so nothing it acknowledged is lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { azuriteVersion, startAzurite, type RunningAzurite } from '../shared/src/storage/azurite';
import {
  DEFAULT_PLAYGROUND_PORT,
  playgroundServiceUrl,
  startPlayground,
  type RunningPlayground,
} from './playground/start-playground';

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
    // Blobs: import job files (shared by every instance, as in Azure) and backups.
    const blob = { port: Number(env.AZURITE_BLOB_PORT ?? 10000) };
    azurite = await startAzurite({ location, port, queuePort, blob });
    env.STORAGE_CONNECTION_STRING = azurite.connectionString;
    console.log(
      `storage: embedded Azurite ${azuriteVersion()}${azurite.keyOrder ? ' (key-order queries)' : ''}, ` +
        `tables on 127.0.0.1:${azurite.port}, queues on ${azurite.queuePort}, blobs on ${azurite.blobPort}, ` +
        `data in ${location}`,
    );
  } else {
    console.log('storage: external (STORAGE_CONNECTION_STRING / STORAGE_ACCOUNT_URL)');
  }
  env.AUTH_MODE ??= env.AAD_APP_CLIENT_ID ? 'entra' : 'dev';
  env.SEED_DEMO_DATA ??= 'true';
  // Cards' "Open in Pipeline CRM" opens the local tab (its web URL: the playground is no Teams client).
  if (env.AUTH_MODE === 'dev') env.TAB_ENDPOINT ??= `http://localhost:${Number(env.TAB_PORT ?? 53_000)}`;
  // The demo team's General channel is the playground's: the seed points its conversation there.
  const playgroundPort = Number(env.PLAYGROUND_PORT || DEFAULT_PLAYGROUND_PORT);
  env.DEMO_TEAMS_SERVICE_URL ??= playgroundServiceUrl(playgroundPort);

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
  let playground: Promise<RunningPlayground | string> = Promise.resolve(
    'PLAYGROUND=false: the Agents Playground is not started',
  );
  const playgroundWanted = !/^(false|0|off|no)$/i.test(env.PLAYGROUND ?? '');
  if (playgroundWanted && children.length === parts.length) {
    playground = startPlayground({
      port: playgroundPort,
      botEndpoint: `http://127.0.0.1:${Number(env.BOT_PORT ?? 3978)}/api/messages`,
      dataDir: env.DATA_DIR,
      env,
    }).then(
      (running) => {
        void running.exited.then((code) => {
          if (!stopping)
            console.error(`Agents Playground exited (${code}); the tab and the bot keep running`);
        });
        return running;
      },
      (error: unknown) => `the Agents Playground did not start: ${(error as Error).message}`,
    );
  }
  if (children.length === 0) console.log('no tab or bot yet: only storage is running');
  else void announce(env, playground);

  let stopping = false;
  async function stop(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    const running = await playground;
    if (typeof running !== 'string') await running.stop();
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
 * Once the tab (demo data seeded) and the bot are ready and the playground listens, plain lines for a
 * newcomer: where to open the tab and how to sign in, and where to chat with the bot (after the JSON
 * log lines, which are for machines). The playground installs the bot in a channel when its page
 * opens that channel: the bot must answer by then.
 */
async function announce(
  env: NodeJS.ProcessEnv,
  playground: Promise<RunningPlayground | string>,
): Promise<void> {
  const tabPort = Number(env.TAB_PORT ?? 53_000);
  const botPort = Number(env.BOT_PORT ?? 3978);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const ready = (port: number) =>
    fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
  while (!((await ready(tabPort)) && (await ready(botPort)))) {
    if (Date.now() > deadline) return;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  const signIn =
    env.AUTH_MODE === 'dev'
      ? 'press "Sign in" (as Alex Wilber, who owns the demo workspace, or pick Megan Bowen or Adele Vance)'
      : 'sign in with your Microsoft 365 account (in Teams the tab signs you in by itself)';
  const running = await playground;
  const chat =
    typeof running === 'string'
      ? `The bot listens on http://127.0.0.1:${botPort}/api/messages (${running}).`
      : `Chat with the bot as Teams shows it: open ${running.url} (Microsoft 365 Agents Playground), ` +
        'choose "General" under "My Team" and post "@Pipeline CRM help". Deals you win in the tab are posted there.';
  console.log(
    `\nPipeline CRM is running: open http://localhost:${tabPort} and ${signIn}. Ctrl-C stops it.\n${chat}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
