import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, readFileSync } from 'node:fs';

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
  /** The queue service's port (the outbox relay's wake-up signal); omitted → a free port. */
  queuePort?: number;
  /**
   * Also start the blob service (import job files shared by every instance, backups), on this port or
   * a free one; omitted → no blob service (import files then stay on the instance's disk).
   */
  blob?: boolean | { port: number };
  silent?: boolean;
  /**
   * Azurite exactly as published, without the key-order preload (`azurite-key-order.js`: partition
   * queries walk the partition in RowKey order instead of filtering and sorting the whole table).
   * Omitted → `AZURITE_STOCK=1` in the environment; every test passes either way.
   */
  stock?: boolean;
};

export type RunningAzurite = {
  /** Names both the table and the queue endpoint. */
  connectionString: string;
  port: number;
  queuePort: number;
  /** The blob service's port, when started. */
  blobPort?: number;
  /** The table service's process (to read its CPU time in a measurement). */
  tablePid: number | undefined;
  /** Whether the table service runs with the key-order preload (off when stock, or on another Azurite version). */
  keyOrder: boolean;
  /** Stops gracefully (SIGINT) so a disk-backed instance flushes what it acknowledged. */
  stop(): Promise<void>;
};

export function azuriteConnectionString(
  host: string,
  port: number,
  queuePort?: number,
  blobPort?: number,
): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `TableEndpoint=http://${host}:${port}/${AZURITE_ACCOUNT};` +
    (queuePort !== undefined ? `QueueEndpoint=http://${host}:${queuePort}/${AZURITE_ACCOUNT};` : '') +
    (blobPort !== undefined ? `BlobEndpoint=http://${host}:${blobPort}/${AZURITE_ACCOUNT};` : '')
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

/** The installed Azurite's version (`package.json` pins it). */
export function azuriteVersion(): string {
  const manifest = readFileSync(require.resolve('azurite/package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

/** Azurite's table and queue services (and blob, when asked), each its own process, sharing the data folder. */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort(host));
  let queuePort = options.queuePort ?? (await freePort(host));
  while (queuePort === port) queuePort = await freePort(host);
  let blobPort = typeof options.blob === 'object' ? options.blob.port : undefined;
  if (options.blob === true) {
    blobPort = await freePort(host);
    while (blobPort === port || blobPort === queuePort) blobPort = await freePort(host);
  }
  const common = ['--skipApiVersionCheck', '--disableProductStyleUrl', '--disableTelemetry'];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    common.push('--location', options.location);
  } else {
    common.push('--inMemoryPersistence');
  }
  const silent = options.silent ?? true;
  const stock = options.stock ?? process.env.AZURITE_STOCK === '1';
  const preload = stock ? [] : ['--require', require.resolve('./azurite-key-order.js')];
  const children = await Promise.allSettled([
    startService(
      'table',
      [...preload],
      ['--tableHost', host, '--tablePort', String(port), ...common],
      silent,
    ),
    startService('queue', [], ['--queueHost', host, '--queuePort', String(queuePort), ...common], silent),
    ...(blobPort === undefined
      ? []
      : [startService('blob', [], ['--blobHost', host, '--blobPort', String(blobPort), ...common], silent)]),
  ]);
  const started = children.flatMap((c) => (c.status === 'fulfilled' ? [c.value.child] : []));
  const failed = children.find((c) => c.status === 'rejected');
  if (failed) {
    await Promise.all(started.map(stopChild));
    throw failed.reason;
  }
  const first = children[0];
  const tableOutput = first?.status === 'fulfilled' ? first.value.output : '';
  const keyOrder = /\[azurite-key-order\] on\b/.test(tableOutput);
  if (!stock && !keyOrder) {
    // The preload switched itself off (another Azurite version): say so even when Azurite is silent.
    const line = /\[azurite-key-order\].*/.exec(tableOutput)?.[0] ?? '[azurite-key-order] not loaded';
    console.warn(`${line} (embedded Azurite on port ${port})`);
  }
  return {
    connectionString: azuriteConnectionString(host, port, queuePort, blobPort),
    port,
    queuePort,
    ...(blobPort !== undefined ? { blobPort } : {}),
    keyOrder,
    tablePid: started[0]?.pid,
    stop: async () => {
      await Promise.all(started.map(stopChild));
    },
  };
}

async function startService(
  service: 'table' | 'queue' | 'blob',
  nodeArgs: string[],
  args: string[],
  silent: boolean,
): Promise<{ child: ChildProcess; output: string }> {
  const script = require.resolve(`azurite/dist/src/${service}/main.js`);
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { child, output: await waitForListening(child, silent) };
}

/** Resolves with what the service printed up to its "listening" line. */
function waitForListening(child: ChildProcess, silent: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    let listening = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      if (!silent) process.stdout.write(chunk);
      // Past the start the output is the access log: keep draining the pipe, but keep none of it.
      if (listening) return;
      output += chunk.toString();
      // Tables print "successfully started on host:port", queues "successfully listens on" (3.35–3.37).
      if (/successfully (started|listening|listens)/i.test(output)) {
        listening = true;
        clearTimeout(timer);
        resolve(output);
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
