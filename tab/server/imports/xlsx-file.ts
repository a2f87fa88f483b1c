import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { IMPORT_FILE_LIMITS } from '@crm/shared';

/**
 * What a workbook may be. The file itself is capped like a CSV (maxBytes); inside it, the entries'
 * uncompressed sizes as the zip's directory declares them (a zip bomb is refused before a byte is
 * inflated), the shared strings (held in memory while the sheet is read), and the first sheet's rows
 * and columns as they are read (a directory that lies is caught there).
 */
export type XlsxLimits = {
  readonly maxEntries: number;
  readonly maxUncompressedBytes: number;
  readonly maxSharedStringsBytes: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  /** The CSV the sheet becomes, in bytes. */
  readonly maxCsvBytes: number;
};

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxEntries: 10_000,
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxSharedStringsBytes: 64 * 1024 * 1024,
  maxRows: IMPORT_FILE_LIMITS.maxSheetRows,
  maxColumns: IMPORT_FILE_LIMITS.maxColumns,
  maxCsvBytes: 256 * 1024 * 1024,
};

export type XlsxLimit =
  'entries' | 'uncompressed-bytes' | 'shared-strings-bytes' | 'rows' | 'columns' | 'csv-bytes';

export class XlsxLimitExceeded extends Error {
  constructor(
    readonly limit: XlsxLimit,
    readonly max: number,
  ) {
    super(`the workbook is over its ${limit} limit (${max})`);
  }
}

/** Not a workbook we can read: not a zip, no worksheet, or XML that does not parse. */
export class XlsxUnreadable extends Error {}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The zip's central directory (at its end): entry count and declared uncompressed sizes, checked
 * against the limits without inflating anything.
 */
export async function checkZipDirectory(path: string, limits: XlsxLimits): Promise<void> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tail = Math.min(size, 22 + 65_535);
    const end = Buffer.alloc(tail);
    await file.read(end, 0, tail, size - tail);
    let at = -1;
    for (let i = tail - 22; i >= 0; i--)
      if (end.readUInt32LE(i) === 0x06054b50) {
        at = i;
        break;
      }
    if (at < 0) throw new XlsxUnreadable('no zip directory');
    const entries = end.readUInt16LE(at + 10);
    const dirSize = end.readUInt32LE(at + 12);
    const dirOffset = end.readUInt32LE(at + 16);
    if (entries === 0xffff || dirOffset === 0xffffffff) throw new XlsxUnreadable('zip64 is not read');
    if (entries > limits.maxEntries) throw new XlsxLimitExceeded('entries', limits.maxEntries);
    if (dirOffset + dirSize > size) throw new XlsxUnreadable('the zip directory is cut off');
    const dir = Buffer.alloc(dirSize);
    await file.read(dir, 0, dirSize, dirOffset);
    let total = 0;
    let p = 0;
    for (let n = 0; n < entries; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50)
        throw new XlsxUnreadable('bad zip entry');
      const uncompressed = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      total += uncompressed;
      if (total > limits.maxUncompressedBytes)
        throw new XlsxLimitExceeded('uncompressed-bytes', limits.maxUncompressedBytes);
      if (name === 'xl/sharedStrings.xml' && uncompressed > limits.maxSharedStringsBytes)
        throw new XlsxLimitExceeded('shared-strings-bytes', limits.maxSharedStringsBytes);
      p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
  } finally {
    await file.close();
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Excel's dates are days since 1900 that exceljs reads as UTC instants: a whole day is a date, else an instant. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const whole =
    d.getUTCHours() === 0 &&
    d.getUTCMinutes() === 0 &&
    d.getUTCSeconds() === 0 &&
    d.getUTCMilliseconds() === 0;
  return whole ? day : d.toISOString();
}

/** A cell's value as the text a CSV export of the sheet would hold. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('error' in value) return '';
  return '';
}

const csvField = (text: string) => (/[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The first sheet of a workbook written as a UTF-8 CSV (`,`, CRLF), rows at their sheet row numbers
 * (a missing row is an empty line), every chunk also handed to `watch` (the CSV scanner). Reads in
 * streaming mode: the sheet's rows are never all in memory. Gives the sheet's name.
 */
export async function xlsxToCsv(
  xlsxPath: string,
  csvPath: string,
  limits: XlsxLimits,
  watch: (chunk: Buffer) => void,
): Promise<{ readonly sheet: string; readonly sheets: number }> {
  await checkZipDirectory(xlsxPath, limits);
  const out = createWriteStream(csvPath);
  let bytes = 0;
  const write = async (text: string) => {
    const chunk = Buffer.from(text, 'utf8');
    bytes += chunk.length;
    if (bytes > limits.maxCsvBytes) throw new XlsxLimitExceeded('csv-bytes', limits.maxCsvBytes);
    watch(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const input = createReadStream(xlsxPath);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  let sheet: string | undefined;
  /** workbook.xml as exceljs read it: the sheets' names in the workbook's order. */
  const sheetsOf = () =>
    (reader as unknown as { model?: { sheets?: { name?: string }[] } }).model?.sheets ?? [];
  try {
    for await (const worksheet of reader) {
      sheet = sheetsOf()[0]?.name ?? (worksheet as unknown as { name: string }).name;
      let next = 1;
      for await (const row of worksheet) {
        if (row.number > limits.maxRows + 1) throw new XlsxLimitExceeded('rows', limits.maxRows);
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        if (values.length > limits.maxColumns) throw new XlsxLimitExceeded('columns', limits.maxColumns);
        let lines = '';
        for (; next < row.number; next++) lines += '\r\n';
        next = row.number + 1;
        const cells: string[] = [];
        for (let i = 0; i < values.length; i++) cells.push(csvField(cellText(values[i] ?? null)));
        await write(`${lines}${cells.join(',')}\r\n`);
      }
      // The first sheet only.
      break;
    }
  } catch (error) {
    if (error instanceof XlsxLimitExceeded) throw error;
    throw new XlsxUnreadable(error instanceof Error ? error.message : String(error));
  } finally {
    input.destroy();
    out.end();
    await once(out, 'close');
  }
  if (sheet === undefined) throw new XlsxUnreadable('the workbook has no worksheet');
  return { sheet, sheets: Math.max(1, sheetsOf().length) };
}
