import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { azuriteConnectionString } from '../../shared/src/storage/azurite';

/**
 * An HTTP proxy on loopback between the app and Azurite that injects storage faults the way a
 * network or an overloaded service does:
 * - `before`: the request never reaches storage (half the time a 503 Server Busy, half a reset);
 * - `after`: storage applies the request but its answer is lost (the connection is reset) — the
 *   nasty case, where the app cannot know whether its write happened;
 * - `delayMs`: every request waits up to this long first (a slow link);
 * - `busyOnly`: every `before` fault is a 503 Server Busy (an overloaded account), never a reset.
 */
export type FaultPlan = {
  readonly before: number;
  readonly after: number;
  readonly delayMs: number;
  readonly busyOnly?: boolean;
};

export const NO_FAULTS: FaultPlan = { before: 0, after: 0, delayMs: 0 };

/** The faults the storage checks inject: about one request in five fails, every one is slowed. */
export const STORAGE_FAULTS: FaultPlan = { before: 0.12, after: 0.06, delayMs: 25 };

/** Storage refusing everything with 503 Server Busy (Table Storage over its scalability targets). */
export const STORAGE_BUSY: FaultPlan = { before: 1, after: 0, delayMs: 0, busyOnly: true };

/** The stages the checks move deals through, in order. */
export const STAGES = ['qualification', 'proposal', 'negotiation'] as const;

export type FaultCounts = { requests: number; failedBefore: number; failedAfter: number; delayed: number };

export type FaultProxy = {
  readonly port: number;
  /** A connection string for the app: the Azurite account, reached through the proxy. */
  readonly connectionString: string;
  plan(next: FaultPlan): void;
  readonly counts: FaultCounts;
  stop(): Promise<void>;
};

/** A small seeded generator, so a failing run can be repeated with the same faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

const BUSY = JSON.stringify({
  'odata.error': { code: 'ServerBusy', message: { lang: 'en-US', value: 'Injected fault: server busy.' } },
});

export async function startFaultProxy(targetPort: number, random: () => number): Promise<FaultProxy> {
  let current = NO_FAULTS;
  const counts: FaultCounts = { requests: 0, failedBefore: 0, failedAfter: 0, delayed: 0 };
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse, loseAnswer: boolean) => {
    const upstream = request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          // Storage has done the work; the app never hears of it.
          if (loseAnswer) return void res.socket?.destroy();
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    upstream.on('error', () => res.socket?.destroy());
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      counts.requests += 1;
      const plan = current;
      const roll = random();
      const go = () => {
        if (roll < plan.before) {
          counts.failedBefore += 1;
          if (!plan.busyOnly && random() < 0.5) return void res.socket?.destroy();
          res.writeHead(503, { 'Content-Type': 'application/json', 'x-ms-error-code': 'ServerBusy' });
          return void res.end(BUSY);
        }
        const loseAnswer = roll < plan.before + plan.after;
        if (loseAnswer) counts.failedAfter += 1;
        forward(req, Buffer.concat(chunks), res, loseAnswer);
      };
      if (plan.delayMs > 0) {
        counts.delayed += 1;
        setTimeout(go, Math.floor(random() * plan.delayMs));
      } else go();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    connectionString: azuriteConnectionString('127.0.0.1', port),
    plan: (next) => {
      current = next;
    },
    counts,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The port of an Azurite connection string's table (or queue) endpoint. */
export const tablePortOf = (connectionString: string, service: 'Table' | 'Queue' = 'Table'): number => {
  const port = new RegExp(`${service}Endpoint=https?://[^:/]+:(\\d+)`).exec(connectionString)?.[1];
  if (!port) throw new Error(`no ${service.toLowerCase()} endpoint port in the connection string`);
  return Number(port);
};

/**
 * Faults for a whole storage account as a process sees it: its table endpoint and its queue
 * endpoint (the outbox relay's wake-up signal) each behind a proxy, both under one plan.
 */
export type StorageFaults = {
  readonly connectionString: string;
  plan(next: FaultPlan): void;
  /** Requests and faults of both endpoints together. */
  counts(): FaultCounts;
  stop(): Promise<void>;
};

export async function startStorageFaults(azurite: string, random: () => number): Promise<StorageFaults> {
  const tables = await startFaultProxy(tablePortOf(azurite), random);
  const queues = await startFaultProxy(tablePortOf(azurite, 'Queue'), random);
  const both = [tables, queues];
  return {
    connectionString: azuriteConnectionString('127.0.0.1', tables.port, queues.port),
    plan: (next) => both.forEach((proxy) => proxy.plan(next)),
    counts: () => ({
      requests: tables.counts.requests + queues.counts.requests,
      failedBefore: tables.counts.failedBefore + queues.counts.failedBefore,
      failedAfter: tables.counts.failedAfter + queues.counts.failedAfter,
      delayed: tables.counts.delayed + queues.counts.delayed,
    }),
    stop: async () => {
      await Promise.all(both.map((proxy) => proxy.stop()));
    },
  };
}
