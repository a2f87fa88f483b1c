import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
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
  };
};

/** A member as Teams lists it in a team's roster. */
export type StandInMember = { readonly id: string; readonly name: string; readonly aadObjectId: string };

/** An answer to inject for the next post into a conversation. */
export type InjectedFailure = { readonly status: number; readonly retryAfter?: string };

export type ConnectorStandIn = {
  /** The `serviceUrl` to put in activities. */
  readonly url: string;
  readonly sent: SentActivity[];
  /** Team id → its roster, served page by page from `GET /v3/conversations/{team}/pagedmembers`. */
  readonly rosters: Map<string, StandInMember[]>;
  /** The next posts into `conversationId` answer these statuses (in order) instead of 200. */
  failNext(conversationId: string, ...failures: InjectedFailure[]): void;
  /** Every request waits this long before it is answered. */
  delayMs: number;
  /** Requests seen, as "METHOD path" (roster calls included). */
  readonly requests: string[];
  close(): Promise<void>;
};

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const PAGED_MEMBERS = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/;

/**
 * A local Bot Connector service on loopback: records what the bot posts (200 with an id), answers
 * roster calls from `rosters` (pages of `rosterPageSize`), and can be told to fail or be slow.
 */
export async function startConnectorStandIn(
  options: { rosterPageSize?: number } = {},
): Promise<ConnectorStandIn> {
  const sent: SentActivity[] = [];
  const rosters = new Map<string, StandInMember[]>();
  const failures = new Map<string, InjectedFailure[]>();
  const requests: string[] = [];
  const pageSize = options.rosterPageSize ?? 2;
  const state = { delayMs: 0 };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = url.pathname;
    requests.push(`${req.method ?? 'GET'} ${path}`);
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));

    const paged = PAGED_MEMBERS.exec(path);
    if (req.method === 'GET' && paged) {
      const roster = rosters.get(decodeURIComponent(paged[1] ?? '')) ?? [];
      const start = Number(url.searchParams.get('continuationToken') ?? '0') || 0;
      const size = Math.min(Number(url.searchParams.get('pageSize') ?? pageSize) || pageSize, pageSize);
      const next = start + size;
      json(200, {
        members: roster.slice(start, next),
        ...(next < roster.length ? { continuationToken: String(next) } : {}),
      });
      return;
    }
    const match = ACTIVITIES.exec(path);
    if (req.method !== 'POST' || !match) {
      json(404, { error: { code: 'NotFound' } });
      return;
    }
    const conversationId = decodeURIComponent(match[1] ?? '');
    const failure = failures.get(conversationId)?.shift();
    if (failure) {
      json(
        failure.status,
        { error: { code: `Injected${failure.status}` } },
        failure.retryAfter ? { 'retry-after': failure.retryAfter } : {},
      );
      return;
    }
    sent.push({
      conversationId,
      ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
      activity: JSON.parse(body) as SentActivity['activity'],
    });
    json(200, { id: `sent-${sent.length}` });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (state.delayMs > 0) setTimeout(() => handle(req, res, body), state.delayMs);
      else handle(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    rosters,
    requests,
    failNext(conversationId, ...more) {
      failures.set(conversationId, [...(failures.get(conversationId) ?? []), ...more]);
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
