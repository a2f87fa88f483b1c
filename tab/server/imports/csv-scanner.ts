import { createReadStream } from 'node:fs';
import { CsvTokenizer, CsvLimitExceeded, type CsvLimits } from './csv-tokenizer';
import { DEFAULT_CSV_LIMITS, guessDelimiter, type CsvInspection } from './csv-file';

/** Every candidate delimiter's character code. */
const CANDIDATES = [0x2c, 0x3b, 0x09] as const;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

const windows1252 = new TextDecoder('windows-1252');

/**
 * Reads an upload once, as it streams in, without keeping it: checks every record against the
 * limits (throwing `CsvLimitExceeded` at the first one past them), and finds what the import needs
 * before it starts: the encoding (UTF-8 if every byte sequence is, else Windows-1252), the delimiter
 * (the one the first line uses most outside quotes), the header and the number of non-blank data
 * records. No cell is built but the header's; memory is one record at most (the first line while
 * the delimiter is not known yet).
 */
export class CsvScanner {
  private readonly probe: string[] = [];
  private probeLength = 0;
  private probeQuoted = false;
  /** Each candidate delimiter outside quotes so far in the first line: the most used one will split it. */
  private readonly probeDelimiters = new Map<number, number>(CANDIDATES.map((c) => [c, 0]));
  private tokenizer: CsvTokenizer | undefined;
  private delimiter: CsvInspection['delimiter'] = ',';
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private isUtf8 = true;
  private header: string[] | undefined;
  private total = 0;

  constructor(private readonly limits: CsvLimits) {}

  write(chunk: Buffer): void {
    this.checkUtf8(chunk);
    // One character a byte: what the tokenizer counts are bytes.
    const text = chunk.toString('latin1');
    if (this.tokenizer) return this.tokenizer.write(text);
    const lineEnd = this.firstLineEnd(text);
    this.probe.push(text);
    this.probeLength += text.length;
    if (lineEnd < 0) {
      if (this.probeLength > this.limits.maxRecordBytes)
        throw new CsvLimitExceeded('record-bytes', this.limits.maxRecordBytes, 1);
      return;
    }
    this.startTokenizer(this.probeLength - text.length + lineEnd);
  }

  /** What was found. */
  end(): CsvInspection {
    if (!this.tokenizer) this.startTokenizer(this.probeLength);
    this.tokenizer!.end();
    if (this.isUtf8) {
      try {
        this.utf8.decode();
      } catch {
        this.isUtf8 = false;
      }
    }
    const encoding = this.isUtf8 ? 'utf-8' : 'windows-1252';
    const header = this.header?.map((field) => {
      const bytes = Buffer.from(field, 'latin1');
      return encoding === 'utf-8' ? bytes.toString('utf8') : windows1252.decode(bytes);
    });
    return { encoding, delimiter: this.delimiter, header, total: this.total };
  }

  private checkUtf8(chunk: Buffer): void {
    if (!this.isUtf8) return;
    try {
      this.utf8.decode(chunk, { stream: true });
    } catch {
      this.isUtf8 = false;
    }
  }

  /**
   * Where the first line ends in this text (its first CR or LF: a header has no line breaks in its
   * cells), or -1. Whichever delimiter it turns out to be, the line has more columns than allowed once
   * a candidate outside quotes passes the limit.
   */
  private firstLineEnd(text: string): number {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === CR || c === LF) return i;
      if (c === QUOTE) this.probeQuoted = !this.probeQuoted;
      else if (!this.probeQuoted) {
        const seen = this.probeDelimiters.get(c);
        if (seen === undefined) continue;
        this.probeDelimiters.set(c, seen + 1);
        if (seen + 2 > this.limits.maxColumns)
          throw new CsvLimitExceeded('columns', this.limits.maxColumns, 1);
      }
    }
    return -1;
  }

  /** Guesses the delimiter from the first `lineLength` characters, then reads everything so far with it. */
  private startTokenizer(lineLength: number): void {
    const probe = this.probe.splice(0);
    this.delimiter = guessDelimiter(probe.join('').slice(0, lineLength));
    // Blank is judged before the encoding is known, on the bytes as Latin-1: a UTF-8 row of nothing
    // but non-ASCII spaces (NBSP, ideographic) counts here, and is still skipped when imported.
    this.tokenizer = new CsvTokenizer(
      this.delimiter,
      this.limits,
      (cells, blank) => {
        if (!this.header) this.header = cells;
        else if (!blank) this.total += 1;
      },
      (record) => record === 1,
    );
    for (const text of probe) this.tokenizer.write(text);
  }
}

/** Scans a file already on disk (a job left by an earlier process, whose format was not kept). */
export async function inspectCsv(
  path: string,
  limits: CsvLimits = DEFAULT_CSV_LIMITS,
): Promise<CsvInspection> {
  const scanner = new CsvScanner(limits);
  for await (const chunk of createReadStream(path)) scanner.write(chunk as Buffer);
  return scanner.end();
}
