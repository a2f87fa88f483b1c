import { TextDecoder } from 'node:util';

/**
 * Excel's "Unicode text" and some CRMs' exports are UTF-16 with a byte order mark. The import reads
 * UTF-8 or Windows-1252 byte by byte, so such a body is turned into UTF-8 as it streams in (the
 * spooled file, the scan and the import then see UTF-8). Any other body passes through untouched.
 */
export class Utf16ToUtf8 {
  private pending: Buffer = Buffer.alloc(0);
  private decoder: TextDecoder | null | undefined;

  /** The bytes to spool for this chunk of the body. */
  write(chunk: Buffer): Buffer {
    if (this.decoder === undefined) {
      this.pending = Buffer.concat([this.pending, chunk]);
      if (this.pending.length < 2) return Buffer.alloc(0);
      const [a, b] = [this.pending[0], this.pending[1]];
      const encoding =
        a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : undefined;
      this.decoder = encoding ? new TextDecoder(encoding) : null;
      chunk = this.pending;
      this.pending = Buffer.alloc(0);
    }
    if (!this.decoder) return chunk;
    // The decoder drops the BOM; the UTF-8 file gets none (the scan reads UTF-8 without one).
    return Buffer.from(this.decoder.decode(chunk, { stream: true }), 'utf8');
  }

  /** What is left at the end of the body. */
  end(): Buffer {
    if (this.decoder === undefined) return this.pending;
    return this.decoder ? Buffer.from(this.decoder.decode(), 'utf8') : Buffer.alloc(0);
  }
}
