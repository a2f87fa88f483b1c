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
    readonly channelData?: Readonly<Record<string, unknown>>;
  };
};

/** A `POST /v3/conversations` the bot made (starting a 1:1 chat), with the status answered. */
export type CreatedConversation = {
  readonly body: {
    readonly isGroup?: boolean;
    readonly bot?: { readonly id?: string };
    readonly members?: readonly { readonly id?: string; readonly aadObjectId?: string }[];
    readonly tenantId?: string;
    readonly channelData?: Readonly<Record<string, unknown>>;
  };
  readonly status: number;
  /** The conversation id answered (2xx only): the same for the same member, as in Teams. */
  readonly conversationId?: string;
};

/** A member as Teams lists it in a team's roster (Teams names each one's tenant). */
export type StandInMember = {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly tenantId?: string;
  /** What Teams gives as `email` (the user principal's address). */
  readonly email?: string;
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
  /** Every post, with the HTTP status answered (none for a post left unanswered: `hang`). */
  readonly attempts: { readonly conversationId: string; readonly status?: number }[];
  /**
   * Team id → its roster, served page by page from `GET /v3/conversations/{team}/pagedmembers`, and
   * one member (by Teams or Entra id) from `GET /v3/conversations/{team}/members/{id}` (404 when not on it).
   */
  readonly rosters: Map<string, StandInMember[]>;
  /** Requests seen, as "METHOD path" (roster calls included). */
  readonly requests: string[];
  /** Messages the bot updated (`PUT …/activities/{id}`): `replyToId` is the message's id. */
  readonly updated: SentActivity[];
  /** Every `POST /v3/conversations` (1:1 chats the bot started). */
  readonly createdConversations: CreatedConversation[];
  /** Starting a chat with this member (Teams or Entra id) answers `status` (403: app not installed for them). */
  refuseChat(memberId: string, status: number): void;
  /** The next posts to this conversation ('*': any) meet these faults, in order. */
  inject(conversationId: string, ...faults: ConnectorFault[]): void;
  /** Every answer without a fault of its own waits this long (a slow service). */
  setDelay(ms: number): void;
  /** From now on every post to this conversation answers 403 (the bot was removed from it). */
  removeBot(conversationId: string): void;
  close(): Promise<void>;
};

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const PAGED_MEMBERS = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/;
const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/;
const CONVERSATIONS = /^\/v3\/conversations\/?$/;

/**
 * A local Bot Connector service on loopback: records what the bot posts (200 with an id), answers
 * roster calls from `rosters` (pages of `rosterPageSize`, or one member), starts 1:1 chats (`POST
 * /v3/conversations`, recorded; Teams' rules: not a group, one member, a tenant), and answers the
 * faults a test injects.
 */
export async function startConnectorStandIn(
  options: { rosterPageSize?: number } = {},
): Promise<ConnectorStandIn> {
  const sent: SentActivity[] = [];
  const receivedAt: number[] = [];
  const attempts: ConnectorStandIn['attempts'] = [];
  const rosters = new Map<string, StandInMember[]>();
  const requests: string[] = [];
  const faults = new Map<string, ConnectorFault[]>();
  const removed = new Set<string>();
  const createdConversations: CreatedConversation[] = [];
  const updated: SentActivity[] = [];
  const refused = new Map<string, number>();
  const pageSize = options.rosterPageSize ?? 2;
  let delayMs = 0;
  let closed = false;
  const nextFault = (conversationId: string): ConnectorFault | undefined =>
    faults.get(conversationId)?.shift() ?? faults.get('*')?.shift();

  const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));

  const roster = (url: URL, teamId: string, res: ServerResponse): void => {
    const members = rosters.get(teamId) ?? [];
    const start = Number(url.searchParams.get('continuationToken') ?? '0') || 0;
    const size = Math.min(Number(url.searchParams.get('pageSize') ?? pageSize) || pageSize, pageSize);
    const next = start + size;
    json(res, 200, {
      members: members.slice(start, next),
      ...(next < members.length ? { continuationToken: String(next) } : {}),
    });
  };

  const member = (teamId: string, memberId: string, res: ServerResponse): void => {
    const found = rosters.get(teamId)?.find((m) => m.id === memberId || m.aadObjectId === memberId);
    if (found) json(res, 200, found);
    else
      json(res, 404, {
        error: { code: 'MemberNotFoundInConversation', message: 'The member is not in the roster' },
      });
  };

  const post = (match: RegExpExecArray, body: string, res: ServerResponse): void => {
    const conversationId = decodeURIComponent(match[1] ?? '');
    const record = () => {
      receivedAt.push(performance.now());
      sent.push({
        conversationId,
        ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
        activity: JSON.parse(body) as SentActivity['activity'],
      });
    };
    const fault: ConnectorFault | undefined = removed.has(conversationId)
      ? { status: 403 }
      : nextFault(conversationId);
    if (fault && 'hang' in fault) {
      record();
      attempts.push({ conversationId });
      return;
    }
    const answer = () => {
      if (fault && fault.status >= 300) {
        attempts.push({ conversationId, status: fault.status });
        const headers: Record<string, string> =
          fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
        json(res, fault.status, { error: { code: `Status${fault.status}` } }, headers);
        return;
      }
      record();
      attempts.push({ conversationId, status: 200 });
      json(res, 200, { id: `sent-${sent.length}` });
    };
    const wait = fault?.delayMs ?? delayMs;
    if (wait > 0) setTimeout(answer, wait);
    else answer();
  };

  /** `POST /v3/conversations`: a 1:1 chat with the one member, or the refusal set for them. */
  const create = (body: string, res: ServerResponse): void => {
    const params = JSON.parse(body) as CreatedConversation['body'];
    const member = params.members?.[0];
    const status =
      (member?.id !== undefined ? refused.get(member.id) : undefined) ??
      (member?.aadObjectId !== undefined ? refused.get(member.aadObjectId) : undefined) ??
      (params.isGroup === false && params.members?.length === 1 && params.tenantId ? 201 : 400);
    if (status >= 300) {
      createdConversations.push({ body: params, status });
      json(res, status, { error: { code: status === 400 ? 'BadSyntax' : `Status${status}` } });
      return;
    }
    const conversationId = `a:started-${member?.id ?? ''}`;
    createdConversations.push({ body: params, status, conversationId });
    json(res, status, { id: conversationId });
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = url.pathname;
    requests.push(`${req.method ?? 'GET'} ${path}`);
    const paged = PAGED_MEMBERS.exec(path);
    if (req.method === 'GET' && paged) return roster(url, decodeURIComponent(paged[1] ?? ''), res);
    const one = MEMBER.exec(path);
    if (req.method === 'GET' && one) {
      return member(decodeURIComponent(one[1] ?? ''), decodeURIComponent(one[2] ?? ''), res);
    }
    const activities = ACTIVITIES.exec(path);
    if (req.method === 'POST' && activities) return post(activities, body, res);
    if (req.method === 'PUT' && activities?.[2]) {
      updated.push({
        conversationId: decodeURIComponent(activities[1] ?? ''),
        replyToId: decodeURIComponent(activities[2]),
        activity: JSON.parse(body) as SentActivity['activity'],
      });
      json(res, 200, { id: decodeURIComponent(activities[2]) });
      return;
    }
    if (req.method === 'POST' && CONVERSATIONS.test(path)) return create(body, res);
    json(res, 404, { error: { code: 'NotFound' } });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    receivedAt,
    attempts,
    rosters,
    requests,
    createdConversations,
    updated,
    refuseChat(memberId, status) {
      refused.set(memberId, status);
    },
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
