import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { RelayMetrics } from '@crm/shared/application';
import { requestDurations } from '@crm/shared/runtime';
import type { Logger } from 'pino';
import type { MetricsAccess } from '../config';
import type { TeamsEndpoint } from '../teams/teams-endpoint';

const READY_TIMEOUT_MS = 3_000;
/** The paths the server answers: request latency is recorded by these, anything else unnamed. */
const ROUTES = new Set(['/api/messages', '/healthz', '/readyz', '/metrics']);

export type BotServerOptions = {
  readonly messages: TeamsEndpoint;
  /** Resolves when storage answers. */
  readonly ready: () => Promise<void>;
  readonly logger: Logger;
  /** The outbox relay's counters and lag; absent where no relay runs. */
  readonly relayMetrics?: () => RelayMetrics;
  /** Who may read `/readyz` and `/metrics` (see `MetricsAccess`). */
  readonly metrics: MetricsAccess;
};

/**
 * `POST /api/messages` (Bot Framework), `GET /healthz` (the process answers: App Service's health
 * check), and for those `metrics` lets in, `GET /readyz` (storage answers too, with the relay's lag)
 * and `GET /metrics` (the relay's counters as JSON): 401 without the right key, 404 when off.
 */
export function createBotServer({
  messages,
  ready,
  logger,
  relayMetrics,
  metrics,
}: BotServerOptions): Server {
  const timeRequest = requestDurations();
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = `${req.method ?? 'GET'} ${path}`;
    timeRequest(req, res, () => (ROUTES.has(path ?? '') ? path : undefined));
    const handle = async (): Promise<void> => {
      switch (route) {
        case 'POST /api/messages':
          return messages(req, res);
        case 'GET /healthz':
          return json(res, 200, { status: 'ok' });
        case 'GET /readyz':
        case 'GET /metrics': {
          const refused = refusal(req, metrics);
          if (refused) return json(res, refused, { status: refused === 401 ? 'unauthorized' : 'not-found' });
          if (path === '/metrics') return json(res, 200, { relay: relayMetrics?.() ?? null });
          return readiness(res, ready, logger, relayMetrics);
        }
        default:
          return json(res, path === '/api/messages' ? 405 : 404, { status: 'not-found' });
      }
    };
    handle().catch((error: unknown) => {
      logger.error({ err: error, route }, 'request failed');
      if (!res.headersSent) json(res, 500, { status: 'error' });
      else if (!res.writableEnded) res.end();
    });
  });
}

async function readiness(
  res: ServerResponse,
  ready: () => Promise<void>,
  logger: Logger,
  relayMetrics: (() => RelayMetrics) | undefined,
): Promise<void> {
  const relay = relayMetrics ? { relay: relayMetrics() } : {};
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('storage did not answer in time')), READY_TIMEOUT_MS);
  });
  try {
    await Promise.race([ready(), timeout]);
    json(res, 200, { status: 'ready', ...relay });
  } catch (error) {
    logger.warn({ err: error }, 'not ready');
    json(res, 503, { status: 'not-ready', ...relay });
  } finally {
    clearTimeout(timer);
  }
}

/** 401 (no or a wrong key), 404 (off), or undefined: let in. */
function refusal(req: IncomingMessage, metrics: MetricsAccess): 401 | 404 | undefined {
  if (metrics === 'open') return undefined;
  if (metrics === 'off') return 404;
  const sent = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
  // Compared as digests: equal lengths, in constant time.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(sent), digest(metrics.key)) ? undefined : 401;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
