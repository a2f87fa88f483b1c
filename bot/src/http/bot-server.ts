import { createServer, type Server, type ServerResponse } from 'node:http';
import type { RelayMetrics } from '@crm/shared/application';
import type { Logger } from 'pino';
import type { TeamsEndpoint } from '../teams/teams-endpoint';

const READY_TIMEOUT_MS = 3_000;

export type BotServerOptions = {
  readonly messages: TeamsEndpoint;
  /** Resolves when storage answers. */
  readonly ready: () => Promise<void>;
  readonly logger: Logger;
  /** The outbox relay's counters and lag; absent where no relay runs. */
  readonly relayMetrics?: () => RelayMetrics;
};

/**
 * `POST /api/messages` (Bot Framework), `GET /healthz` (the process answers), `GET /readyz` (and
 * storage too, with the relay's lag), `GET /metrics` (the relay's counters as JSON).
 */
export function createBotServer({ messages, ready, logger, relayMetrics }: BotServerOptions): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = `${req.method ?? 'GET'} ${path}`;
    const handle = async (): Promise<void> => {
      switch (route) {
        case 'POST /api/messages':
          return messages(req, res);
        case 'GET /healthz':
          return json(res, 200, { status: 'ok' });
        case 'GET /readyz':
          return readiness(res, ready, logger, relayMetrics);
        case 'GET /metrics':
          return json(res, 200, { relay: relayMetrics?.() ?? null });
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

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
