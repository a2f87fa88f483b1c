import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { spoolBody } from './spool';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spool-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A request body arriving in chunks, without Content-Length (chunked transfer). */
function requestOf(chunks: readonly string[], headers: Record<string, string> = {}): IncomingMessage {
  const body = Readable.from(chunks.map((c) => Buffer.from(c)));
  body.once('end', () => Object.assign(body, { complete: true }));
  return Object.assign(body, { headers, complete: false }) as unknown as IncomingMessage;
}

describe('spoolBody', () => {
  it('given a body within the limit, then it is written to the file whole', async () => {
    const path = join(dir, 'a', 'ok.csv');
    expect(await spoolBody(requestOf(['lastName\r\n', 'Østby\r\n']), path, 100)).toEqual({
      ok: true,
      bytes: 18,
    });
    expect(await readFile(path, 'utf8')).toBe('lastName\r\nØstby\r\n');
  });

  it('given a chunked body that grows past the limit, then it is too large and no file is left', async () => {
    const path = join(dir, 'big.csv');
    const result = await spoolBody(requestOf(Array.from({ length: 50 }, () => 'x'.repeat(100))), path, 1000);
    expect(result).toEqual({ ok: false, reason: 'too-large' });
    expect(existsSync(path)).toBe(false);
  });

  it('given a watcher that refuses a chunk, then reading stops there, no file is left, and the refusal comes back', async () => {
    const path = join(dir, 'refused.csv');
    const refusal = new Error('too many columns');
    let seen = 0;
    const result = await spoolBody(
      requestOf(Array.from({ length: 50 }, () => ','.repeat(100))),
      path,
      100_000,
      (chunk) => {
        seen += chunk.length;
        if (seen > 300) throw refusal;
      },
    );
    expect(result).toEqual({ ok: false, reason: 'refused', error: refusal, bytes: 400 });
    expect(seen).toBe(400);
    expect(existsSync(path)).toBe(false);
  });

  it('given a Content-Length over the limit, then nothing is read or written', async () => {
    const path = join(dir, 'declared.csv');
    expect(await spoolBody(requestOf(['x'], { 'content-length': '5000' }), path, 1000)).toEqual({
      ok: false,
      reason: 'too-large',
    });
    expect(existsSync(path)).toBe(false);
  });
});
