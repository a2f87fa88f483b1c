import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type Spooled =
  { readonly ok: true; readonly bytes: number } | { readonly ok: false; readonly reason: 'too-large' };

class TooLarge extends Error {}

/**
 * Streams a request body to `path`, at most `maxBytes` (a larger body leaves no file). The request
 * itself is never destroyed, so the caller can still answer 413; what the client keeps sending is
 * read and dropped until the response closes the connection.
 */
export async function spoolBody(req: IncomingMessage, path: string, maxBytes: number): Promise<Spooled> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    req.resume();
    return { ok: false, reason: 'too-large' };
  }
  await mkdir(dirname(path), { recursive: true });
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? new TooLarge() : null, chunk);
    },
  });
  const interrupted = () => {
    if (!req.complete) limit.destroy(new Error('The client stopped sending the body'));
  };
  req.once('close', interrupted);
  req.pipe(limit);
  try {
    await pipeline(limit, createWriteStream(path));
    return { ok: true, bytes };
  } catch (error) {
    await rm(path, { force: true });
    if (!(error instanceof TooLarge)) throw error;
    req.unpipe(limit);
    req.resume();
    return { ok: false, reason: 'too-large' };
  } finally {
    req.off('close', interrupted);
  }
}
