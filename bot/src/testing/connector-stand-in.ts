import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent to the Bot Connector service. */
export type SentActivity = {
  readonly conversationId: string;
  readonly replyToId?: string;
  readonly activity: {
    readonly type: string;
    readonly text?: string;
    readonly summary?: string;
    readonly attachments?: readonly { readonly contentType: string; readonly content: unknown }[];
    readonly channelData?: Readonly<Record<string, unknown>>;
  };
};

/**
 * How the stand-in answers one post: a status (429 with `retryAfterSeconds`, 500, 403...; a 2xx is
 * a normal success), after `delayMs`. `hang` records the post as delivered and never answers: a bot that dies
 * after Teams got the message but before it learnt so.
 */
export type ConnectorFault =
  | { readonly status: number; readonly retryAfterSeconds?: number; readonly delayMs?: number }
  | { readonly hang: true };

export type ConnectorStandIn = {
  /** The `serviceUrl` to put in activities. */
  readonly url: string;
  /** Activities accepted (answered 2xx, or hung after being taken). */
  readonly sent: SentActivity[];
  /** `performance.now()` when each of `sent` arrived (latency measurements). */
  readonly receivedAt: number[];
  /** Every post, with the status answered (`hang` for none). */
  readonly attempts: { readonly conversationId: string; readonly status: number | 'hang' }[];
  /** The next posts to this conversation ('*': any) meet these faults, in order. */
  inject(conversationId: string, ...faults: ConnectorFault[]): void;
  /** Every successful answer waits this long (a slow service). */
  setDelay(ms: number): void;
  /** From now on every post to this conversation answers 403 (the bot was removed from it). */
  removeBot(conversationId: string): void;
  close(): Promise<void>;
};

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/**
 * A local Bot Connector service on loopback: records what the bot posts and answers 200 with an id,
 * or the faults a test injects.
 */
export async function startConnectorStandIn(): Promise<ConnectorStandIn> {
  const sent: SentActivity[] = [];
  const receivedAt: number[] = [];
  const attempts: ConnectorStandIn['attempts'] = [];
  const faults = new Map<string, ConnectorFault[]>();
  let delayMs = 0;
  let closed = false;
  const removed = new Set<string>();
  const nextFault = (conversationId: string): ConnectorFault | undefined =>
    faults.get(conversationId)?.shift() ?? faults.get('*')?.shift();

  const server = createServer((req, res) => {
    const match = ACTIVITIES.exec((req.url ?? '').split('?')[0] ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      const conversationId = decodeURIComponent(match[1] ?? '');
      const record = () =>
        receivedAt.push(performance.now()) &&
        sent.push({
          conversationId,
          ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
          activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentActivity['activity'],
        });
      const fault: ConnectorFault | undefined = removed.has(conversationId)
        ? { status: 403 }
        : nextFault(conversationId);
      if (fault && 'hang' in fault) {
        record();
        attempts.push({ conversationId, status: 'hang' });
        return;
      }
      const answer = () => {
        if (fault && fault.status >= 300) {
          attempts.push({ conversationId, status: fault.status });
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
          res
            .writeHead(fault.status, headers)
            .end(JSON.stringify({ error: { code: `Status${fault.status}` } }));
          return;
        }
        record();
        attempts.push({ conversationId, status: 200 });
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: `sent-${sent.length}` }));
      };
      const wait = fault ? (fault.delayMs ?? 0) : delayMs;
      if (wait > 0) setTimeout(answer, wait);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    receivedAt,
    attempts,
    inject(conversationId, ...more) {
      faults.set(conversationId, [...(faults.get(conversationId) ?? []), ...more]);
    },
    setDelay(ms) {
      delayMs = ms;
    },
    removeBot(conversationId) {
      removed.add(conversationId);
    },
    close: () =>
      new Promise((resolve, reject) => {
        if (closed) return resolve();
        closed = true;
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
