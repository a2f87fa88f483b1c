import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../../shared/src/storage/azurite';

export type StartedProduct = {
  /** The tab's base URL. */
  readonly base: string;
  readonly playgroundPort: number;
  /** Resolves once the output (the start banner, printed when everything is up) holds `text`. */
  told(text: string): Promise<void>;
  /** Ctrl-C: resolves with the exit code. */
  stop(): Promise<number | null>;
  output(): string;
};

/**
 * `npm start` (scripts/start.ts) as a newcomer runs it, each part on a free port, as a real process;
 * resolves once the tab is ready (demo data seeded). `env` adds to or overrides the environment
 * (DATA_DIR, storage, PLAYGROUND...).
 */
export async function startProduct(env: NodeJS.ProcessEnv): Promise<StartedProduct> {
  const [tabPort, botPort, azuritePort, queuePort, blobPort, playgroundPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, '../start.ts')], {
    env: {
      ...process.env,
      TAB_PORT: String(tabPort),
      BOT_PORT: String(botPort),
      AZURITE_TABLE_PORT: String(azuritePort),
      AZURITE_QUEUE_PORT: String(queuePort),
      AZURITE_BLOB_PORT: String(blobPort),
      PLAYGROUND_PORT: String(playgroundPort),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${tabPort}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    playgroundPort,
    told: async (text) => {
      while (!output.includes(text)) {
        if (child.exitCode !== null) throw new Error(`exited before saying ${text}:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done(child.exitCode);
        child.once('exit', (code) => done(code));
        child.kill('SIGINT');
      }),
    output: () => output,
  };
}
