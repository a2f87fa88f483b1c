import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { TeamsEndpoint } from '../teams/teams-endpoint';

const READY_TIMEOUT_MS = 3_000;

export type BotServerOptions = {
  readonly messages: TeamsEndpoint;
  /** Resolves when storage answers. */
  readonly ready: () => Promise<void>;
  readonly logger: Logger;
};

/** `POST /api/messages` (Bot Framework), `GET /healthz` (the process answers), `GET /readyz` (and storage too). */
export function createBotServer({ messages, ready, logger }: BotServerOptions): Server {
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
          return readiness(res, ready, logger);
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

async function readiness(res: ServerResponse, ready: () => Promise<void>, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('storage did not answer in time')), READY_TIMEOUT_MS);
  });
  try {
    await Promise.race([ready(), timeout]);
    json(res, 200, { status: 'ready' });
  } catch (error) {
    logger.warn({ err: error }, 'not ready');
    json(res, 503, { status: 'not-ready' });
  } finally {
    clearTimeout(timer);
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
