import { once } from 'node:events';
import { request as httpRequest, type ClientRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Actor } from '@crm/shared';
import { ALICE, BOB, CAROL, workspaceWith } from '../testing/test-server';
import {
  csvText,
  leadRows,
  startCsvTestServer,
  TEMPLATE,
  type CsvTestServer,
} from '../testing/csv-test-server';
import { createImportSlots } from './import-slots';

/**
 * Uploads that would exhaust the server: one hostile record, and more imports at once than the
 * server takes. Each is refused while the body streams in, through a real socket, so what the server
 * read off the wire can be measured.
 */
let server: CsvTestServer;
let http: Server;
let base: { port: number };
const sockets: Socket[] = [];
const slots = createImportSlots({ perUser: 1, perServer: 2 });

beforeAll(async () => {
  // Room for a whole 48 MB file: only the per-record limits can stop the hostile ones.
  server = await startCsvTestServer({ maxBytes: 64 * 1024 * 1024, inlineMaxRows: 50, slots });
  http = server.app.listen(0, '127.0.0.1');
  await once(http, 'listening');
  http.on('connection', (socket: Socket) => sockets.push(socket));
  base = { port: (http.address() as AddressInfo).port };
});
afterAll(async () => {
  http.close();
  await server.worker.stop();
});

type Answer = { status: number; headers: IncomingMessage['headers']; body: Record<string, unknown> };

/** A POST to the import whose body the caller writes (and may hold open); the answer when it comes. */
async function openImport(actor: Actor, ws: string, headers: Record<string, string | number> = {}) {
  const req = httpRequest({
    port: base.port,
    host: '127.0.0.1',
    method: 'POST',
    path: `/api/v1/workspaces/${ws}/leads/import`,
    headers: {
      Authorization: `Bearer ${await server.tokenFor(actor)}`,
      'Content-Type': 'text/csv',
      ...headers,
    },
  });
  // Writing on after the server answered and closed is expected: the answer is what counts.
  req.on('error', () => undefined);
  const answer = new Promise<Answer>((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }),
      );
      res.on('error', reject);
    });
  });
  return { req, answer };
}

/** `total` bytes of `fill`, produced only as fast as the socket takes them. */
function lazyBody(total: number, fill: string): Readable {
  const chunk = Buffer.alloc(64 * 1024, fill);
  let produced = 0;
  return new Readable({
    read() {
      if (produced >= total) return void this.push(null);
      const next = chunk.subarray(0, Math.min(chunk.length, total - produced));
      produced += next.length;
      this.push(next);
    },
  });
}

/** The server's side of the connection that served `req`, once closed: how many bytes it read. */
async function bytesTheServerRead(req: ClientRequest): Promise<number> {
  const local = (req.socket as Socket).localPort;
  const socket = sockets.find((s) => s.remotePort === local);
  if (!socket) throw new Error('no server socket for this request');
  if (!socket.destroyed) await once(socket, 'close');
  return socket.bytesRead;
}

const uploadsIn = async (ws: string) =>
  (await readdir(join(server.dataDir, 'imports', ws)).catch(() => [])).filter((f) => f.startsWith('upload-'));

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe('a hostile record', () => {
  const BODY = 8 * 1024 * 1024;

  it('a row of nothing but commas (the 48 MB attack, scaled to 8 MB): 400 IMPORT.TOO_MANY_COLUMNS after reading a sliver of it', async () => {
    const ws = await workspaceWith(server, ALICE);
    const { req, answer } = await openImport(ALICE, ws, { 'Content-Length': BODY });
    lazyBody(BODY, ',').pipe(req);
    const res = await answer;
    expect(res.status).toBe(400);
    expect(res.headers.connection).toBe('close');
    expect(res.body).toMatchObject({
      code: 'IMPORT.TOO_MANY_COLUMNS',
      details: { limit: 'columns', max: 1000, record: 1 },
    });
    expect(res.body.detail).toMatch(/more than 1000 columns/);
    // The server stopped reading: of 8 MB it took what one read and the socket buffers hold.
    expect(await bytesTheServerRead(req)).toBeLessThan(1024 * 1024);
    expect(await uploadsIn(ws)).toEqual([]);
    expect(slots.held()).toBe(0);
  });

  it('one record of 8 MB (no line break): 413 IMPORT.RECORD_TOO_LARGE once it passes 1 MiB', async () => {
    const ws = await workspaceWith(server, ALICE);
    const { req, answer } = await openImport(ALICE, ws, { 'Content-Length': BODY });
    lazyBody(BODY, 'x').pipe(req);
    const res = await answer;
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      code: 'IMPORT.RECORD_TOO_LARGE',
      details: { limit: 'record-bytes', max: 1024 * 1024, record: 1 },
    });
    expect(await bytesTheServerRead(req)).toBeLessThan(2 * 1024 * 1024);
    expect(await uploadsIn(ws)).toEqual([]);
  });

  it('a well-formed file of the same kind still imports', async () => {
    const ws = await workspaceWith(server, ALICE);
    const res = await server.importCsv(ALICE, ws, csvText([TEMPLATE, ...leadRows(3, 'ok')]));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, created: 3 });
  });
});

describe('imports in flight', () => {
  it('one a user and two a server here: beyond, 429 with Retry-After and the body left unread; then they go through', async () => {
    const [aliceWs, bobWs, carolWs] = [
      await workspaceWith(server, ALICE),
      await workspaceWith(server, BOB),
      await workspaceWith(server, CAROL),
    ];
    const file = (tag: string) => csvText([TEMPLATE, ...leadRows(2, tag)]);
    // Alice's upload is under way and not finished: it holds her slot.
    const alice = await openImport(ALICE, aliceWs);
    alice.req.write(`${TEMPLATE.join(',')}\r\n`);
    await waitFor(() => slots.held() === 1);

    const again = await server.importCsv(ALICE, aliceWs, file('a2'));
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({ code: 'IMPORT.TOO_MANY_AT_ONCE' });
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);

    // Bob's upload takes the server's second slot; Carol finds the server full.
    const bob = await openImport(BOB, bobWs);
    bob.req.write(`${TEMPLATE.join(',')}\r\n`);
    await waitFor(() => slots.held() === 2);
    const carol = await server.importCsv(CAROL, carolWs, file('c1'));
    expect(carol.status).toBe(429);
    expect(carol.body).toMatchObject({ code: 'IMPORT.SERVER_BUSY' });
    expect(Number(carol.headers['retry-after'])).toBeGreaterThan(0);

    alice.req.end(csvText(leadRows(2, 'a1')));
    bob.req.end(csvText(leadRows(2, 'b1')));
    expect((await alice.answer).status).toBe(200);
    expect((await bob.answer).status).toBe(200);
    await waitFor(() => slots.held() === 0);
    expect((await server.importCsv(CAROL, carolWs, file('c2'))).status).toBe(200);
    expect((await server.importCsv(ALICE, aliceWs, file('a3'))).status).toBe(200);
  });
});
