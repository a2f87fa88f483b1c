import { request as httpRequest, createServer, type Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearImmediate, setImmediate } from 'node:timers';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Actor } from '@crm/shared';
import type { ImportDeps } from '@crm/shared/application';
import { createLogger } from '../http/logging';
import { sendTransportError } from '../http/problem';
import { setActor } from '../http/request-context';
import { csvExtension } from '../imports/csv-extension';
import { createImportWorker } from '../imports/import-worker';
import type { ApiFetch, ApiResponse } from '../../src/api/api-client';

/** The paths the CSV extension answers (an upload streams to disk, so `inProcessFetch` has not got them). */
export const isCsvPath = (path: string): boolean => /\/(imports(\/|$)|[a-z]+\/(import|export)$)/.test(path);

/**
 * The server's CSV routes (preview, import, jobs, export) for the tab's specs: the real Express
 * extension, its spool in a temporary directory and its worker, over `deps`, on a loopback port;
 * every request is `actor`'s (no tokens); a body is a string or bytes. Jest's jsdom environment hides Node's setImmediate, which
 * Express uses: it is put back from node:timers.
 */
export async function csvRoutesFetch(
  deps: ImportDeps,
  actor: Actor,
): Promise<{ fetch: ApiFetch; close: () => Promise<void> }> {
  if (typeof globalThis.setImmediate === 'undefined')
    Object.assign(globalThis, { setImmediate, clearImmediate });
  const dataDir = await mkdtemp(join(tmpdir(), 'crm-tab-import-'));
  const worker = createImportWorker(deps, { dataDir, logger: createLogger('silent') });
  const extension = csvExtension(deps, { worker, dataDir });
  const app = express();
  app.use('/api/v1', (_req, res, next) => {
    setActor(res, actor);
    next();
  });
  app.use('/api/v1', extension.router);
  app.use((req, res) => sendTransportError(req, res, 'ROUTE.NOT_FOUND', 'There is nothing at this address.'));
  // The server's last resort answers 500; here the spec also sees why.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    console.error(error);
    sendTransportError(req, res, 'SERVER.INTERNAL', 'Something went wrong.');
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as { port: number };

  const fetch: ApiFetch = async (url, init) => {
    const { pathname, search } = new URL(url, 'http://tab.test');
    // A string, or bytes (the tab's fake reads a picked file's Blob first: jsdom has no Blob streams).
    const body =
      init.body === undefined || init.body === null
        ? undefined
        : Buffer.from(init.body as string | Uint8Array);
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).filter(
        ([name]) => name.toLowerCase() !== 'authorization',
      ),
    );
    const reply = await new Promise<{ status: number; headers: Record<string, string>; text: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, method: init.method ?? 'GET', path: pathname + search, headers },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                headers: Object.fromEntries(
                  Object.entries(res.headers).map(([name, value]) => [name, String(value)]),
                ),
                text: Buffer.concat(chunks).toString('utf8'),
              }),
            );
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
    const answer: ApiResponse = {
      ok: reply.status >= 200 && reply.status < 300,
      status: reply.status,
      headers: { get: (name) => reply.headers[name.toLowerCase()] ?? null },
      json: async () => JSON.parse(reply.text),
      blob: async () => new Blob([reply.text]),
    };
    return answer;
  };
  return {
    fetch,
    close: async () => {
      await worker.stop();
      await extension.previews.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
