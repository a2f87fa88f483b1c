import { createReadStream } from 'node:fs';
import { IMPORT_FILE_LIMITS } from '@crm/shared';
import { CsvTokenizer, type CsvLimits } from './csv-tokenizer';

/** How a spooled CSV file is written: found by `CsvScanner` while it was uploaded, then used to read it. */
export type CsvFormat = { readonly encoding: 'utf-8' | 'windows-1252'; readonly delimiter: ',' | ';' | '\t' };

export type CsvInspection = CsvFormat & {
  /** The first record (empty when the file has none). */
  readonly header: readonly string[] | undefined;
  /** Non-blank records after the header. */
  readonly total: number;
};

/**
 * What one record of a lead import may be: the import reads 27 known columns and a lead's longest
 * texts are 10,000 characters, so an export of ours stays far below both; a spreadsheet's trailing
 * empty columns fit too. A record past either is refused while it is being uploaded.
 */
export const DEFAULT_CSV_LIMITS: CsvLimits = {
  maxColumns: IMPORT_FILE_LIMITS.maxColumns,
  maxRecordBytes: IMPORT_FILE_LIMITS.maxRecordBytes,
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

/** The records of a CSV file as arrays of cell text, read in one pass with the format found at upload. */
export async function* csvRecords(
  path: string,
  format: CsvFormat,
  limits: CsvLimits = DEFAULT_CSV_LIMITS,
): AsyncGenerator<string[]> {
  let ready: string[][] = [];
  const tokenizer = new CsvTokenizer(format.delimiter, limits, (fields) => ready.push(fields));
  const decoder = new TextDecoder(format.encoding);
  const take = function* () {
    const records = ready;
    ready = [];
    yield* records;
  };
  for await (const chunk of createReadStream(path)) {
    tokenizer.write(decoder.decode(chunk as Buffer, { stream: true }));
    yield* take();
  }
  tokenizer.write(decoder.decode());
  tokenizer.end();
  yield* take();
}
