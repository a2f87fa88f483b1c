import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';

/** The well-known development account every Azurite instance accepts. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export type AzuriteOptions = {
  /** Folder for disk persistence; omitted → in memory (tests). */
  location?: string;
  host?: string;
  /** Omitted → a free port picked here (`--tablePort 0` does not report the real one). */
  port?: number;
  silent?: boolean;
};

export type RunningAzurite = {
  connectionString: string;
  port: number;
  /** Stops gracefully (SIGINT) so a disk-backed instance flushes what it acknowledged. */
  stop(): Promise<void>;
};

export function azuriteConnectionString(host: string, port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `TableEndpoint=http://${host}:${port}/${AZURITE_ACCOUNT};`
  );
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort(host));
  const script = require.resolve('azurite/dist/src/table/main.js');
  const args = [
    script,
    '--tableHost',
    host,
    '--tablePort',
    String(port),
    '--skipApiVersionCheck',
    '--disableProductStyleUrl',
    '--disableTelemetry',
  ];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForListening(child, options.silent ?? true);
  return {
    connectionString: azuriteConnectionString(host, port),
    port,
    stop: () => stopChild(child),
  };
}

function waitForListening(child: ChildProcess, silent: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start within 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!silent) process.stdout.write(chunk);
      // 3.35 prints "successfully started on host:port" once the socket listens.
      if (/successfully (started|listening)/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${code}:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGINT');
  });
}
