import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { isBlankRow } from '@crm/shared';

/** How a spooled CSV file is written: found once by `inspectCsv`, then used to read it. */
export type CsvFormat = { readonly encoding: 'utf-8' | 'windows-1252'; readonly delimiter: ',' | ';' | '\t' };

export type CsvInspection = CsvFormat & {
  /** The first record (empty when the file has none). */
  readonly header: readonly string[] | undefined;
  /** Non-blank records after the header. */
  readonly total: number;
};

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of a header line: the one it uses most outside quotes. Excel saves "CSV" with `;`
 * where the decimal separator is a comma (nl, nb, pt), so both are common.
 */
export function guessDelimiter(firstLine: string): CsvFormat['delimiter'] {
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (d: string) => unquoted.split(d).length - 1;
  return DELIMITERS.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** Decoded text of a file; with `fatal`, a byte sequence that is not UTF-8 throws. */
async function* decoded(path: string, encoding: CsvFormat['encoding']): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
  for await (const chunk of createReadStream(path)) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The records of a CSV file, streamed (papaparse), as arrays of cell text. */
export async function* csvRecords(path: string, format: CsvFormat): AsyncGenerator<string[]> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: format.delimiter });
  const source = Readable.from(decoded(path, format.encoding));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield record;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

async function firstLine(path: string, encoding: CsvFormat['encoding']): Promise<string> {
  let text = '';
  for await (const chunk of decoded(path, encoding)) {
    text += chunk;
    const end = text.search(/[\r\n]/);
    if (end >= 0) return text.slice(0, end);
    if (text.length > 65_536) break;
  }
  return text;
}

const isNotUtf8 = (error: unknown): boolean =>
  (error as { code?: unknown } | undefined)?.code === 'ERR_ENCODING_INVALID_ENCODED_DATA';

/** Reads the whole file once: its encoding (UTF-8, else Windows-1252), delimiter, header and row count. */
export async function inspectCsv(path: string): Promise<CsvInspection> {
  for (const encoding of ['utf-8', 'windows-1252'] as const) {
    try {
      const delimiter = guessDelimiter(await firstLine(path, encoding));
      let header: string[] | undefined;
      let total = 0;
      for await (const record of csvRecords(path, { encoding, delimiter })) {
        if (!header) header = record;
        else if (!isBlankRow(record)) total += 1;
      }
      return { encoding, delimiter, header, total };
    } catch (error) {
      if (encoding === 'utf-8' && isNotUtf8(error)) continue;
      throw error;
    }
  }
  throw new Error('unreachable: Windows-1252 decodes any byte');
}
