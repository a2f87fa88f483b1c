import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Utf16ToUtf8 } from './utf16';

export type Spooled =
  | { readonly ok: true; readonly bytes: number }
  | { readonly ok: false; readonly reason: 'too-large' }
  /** `watch` threw: what it threw, and how much of the body had been read by then. */
  | { readonly ok: false; readonly reason: 'refused'; readonly error: unknown; readonly bytes: number };

class TooLarge extends Error {}

class Refused extends Error {
  constructor(readonly refusal: unknown) {
    super('the body was refused while it was read');
  }
}

/**
 * Streams a request body to `path`, at most `maxBytes` (a larger body leaves no file). `watch` sees
 * every chunk before it is written; if it throws, reading stops there and no file is left. The request
 * itself is never destroyed, so the caller can still answer; what the client keeps sending is read
 * and dropped until the response closes the connection.
 */
export async function spoolBody(
  req: IncomingMessage,
  path: string,
  maxBytes: number,
  watch?: (chunk: Buffer) => void,
): Promise<Spooled> {
  // `maxBytes` counts the body as sent; `watch` and the file see it as UTF-8 when it was UTF-16.
  const recode = new Utf16ToUtf8();
  const pass = (chunk: Buffer, done: (error?: Error | null, data?: Buffer) => void) => {
    if (chunk.length === 0) return done();
    try {
      watch?.(chunk);
    } catch (refusal) {
      return done(new Refused(refusal));
    }
    done(null, chunk);
  };
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    req.resume();
    return { ok: false, reason: 'too-large' };
  }
  await mkdir(dirname(path), { recursive: true });
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(new TooLarge());
      pass(recode.write(chunk), done);
    },
    flush(done) {
      pass(recode.end(), done);
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
    if (!(error instanceof TooLarge || error instanceof Refused)) throw error;
    req.unpipe(limit);
    req.resume();
    return error instanceof Refused
      ? { ok: false, reason: 'refused', error: error.refusal, bytes }
      : { ok: false, reason: 'too-large' };
  } finally {
    req.off('close', interrupted);
  }
}
