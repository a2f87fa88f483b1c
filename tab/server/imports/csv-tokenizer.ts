/**
 * RFC 4180 records from text as it arrives, with two limits checked on the way: how many columns one
 * record may have and how long it may be. A record is handed over only when it is whole, so nothing
 * larger than the limits is ever held: a row of 48 million commas stops at its 1,001st column, not
 * after the whole file has been split into 48 million cells.
 *
 * The upload is scanned as Latin-1 text (one character a byte, so lengths are bytes): the delimiters,
 * quotes and line breaks are ASCII, and UTF-8 and Windows-1252 both write ASCII as itself, never inside
 * another character, so records split the same whatever the encoding turns out to be. The import
 * reads the file decoded; then lengths are characters, never more than the bytes the scan counted.
 *
 * Rules: a field that starts with `"` runs to the next lone `"` (`""` inside is one quote, line
 * breaks inside are kept); a record ends at CRLF, LF or CR outside quotes; an empty line is a record
 * with one empty field; text after a closing quote is kept (`"ab"c` is `abc`); a `"` inside an
 * unquoted field is text; a byte order mark at the very start is skipped.
 */

export type CsvLimits = {
  /** Fields one record may have. */
  readonly maxColumns: number;
  /** Bytes one record may take, its delimiters and quotes included, its line break not. */
  readonly maxRecordBytes: number;
};

/** A record past a limit: which limit, its value, and the record (1 is the first, the header). */
export class CsvLimitExceeded extends Error {
  constructor(
    readonly limit: 'columns' | 'record-bytes',
    readonly max: number,
    readonly record: number,
  ) {
    super(
      limit === 'columns'
        ? `record ${record} has more than ${max} columns`
        : `record ${record} takes more than ${max} bytes`,
    );
    this.name = 'CsvLimitExceeded';
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
/** The UTF-8 byte order mark decoded, and as Latin-1 or Windows-1252 read its three bytes. */
const BOMS = ['\uFEFF', '\u00EF\u00BB\u00BF'] as const;

type State = 'start' | 'unquoted' | 'quoted' | 'quote';

/** The characters `String.prototype.trim` takes off. */
const isSpace = (c: number): boolean =>
  c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c === 0xa0 ||
      c === 0xfeff ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000;

/**
 * A whole record: its cells (empty when they were not kept), and whether it is blank (every cell
 * nothing but spaces: the import skips it and does not count it).
 */
export type RecordSink = (cells: string[], blank: boolean) => void;

export class CsvTokenizer {
  private state: State = 'start';
  private fields: string[] = [];
  private pieces: string[] = [];
  private fieldCount = 0;
  private recordLength = 0;
  private blank = true;
  private records = 0;
  /** Whether this record's cells are built (else only counted). */
  private keep: boolean;
  /** The last record ended with CR: an LF that follows belongs to it (CRLF split across chunks). */
  private afterCr = false;
  /** The first characters, until they are known to be (or not to be) a byte order mark. */
  private head: string | undefined = '';
  private readonly delimiter: number;

  /** `keepCells` says which records (1 is the first) are wanted as cells; the others are only checked. */
  constructor(
    delimiter: string,
    private readonly limits: CsvLimits,
    private readonly onRecord: RecordSink,
    private readonly keepCells: (record: number) => boolean = () => true,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.keep = keepCells(1);
  }

  write(text: string): void {
    if (this.head === undefined) return this.feed(text);
    const head = this.head + text;
    if (BOMS.some((bom) => bom.startsWith(head) && head.length < bom.length)) {
      this.head = head;
      return;
    }
    this.head = undefined;
    const bom = BOMS.find((b) => head.startsWith(b));
    this.feed(bom ? head.slice(bom.length) : head);
  }

  /** The end of the input: the last record, if it has no line break after it. */
  end(): void {
    if (this.head) this.feed(this.head);
    this.head = undefined;
    if (this.state !== 'start' || this.fieldCount > 0 || this.recordLength > 0) this.endRecord();
  }

  private feed(text: string): void {
    const n = text.length;
    let i = 0;
    if (this.afterCr && n > 0) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      switch (this.state) {
        case 'start': {
          if (text.charCodeAt(i) !== QUOTE) {
            i = this.boundary(text, i);
            break;
          }
          this.count(1);
          this.state = 'quoted';
          i += 1;
          break;
        }
        case 'unquoted': {
          let j = i;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === this.delimiter || c === CR || c === LF) break;
            j += 1;
          }
          this.content(text, i, j);
          i = j < n ? this.boundary(text, j) : j;
          break;
        }
        case 'quoted': {
          const close = text.indexOf('"', i);
          const j = close < 0 ? n : close;
          this.content(text, i, j);
          i = j;
          if (close >= 0) {
            this.count(1);
            this.state = 'quote';
            i += 1;
          }
          break;
        }
        case 'quote': {
          if (text.charCodeAt(i) !== QUOTE) {
            i = this.boundary(text, i);
            break;
          }
          this.count(1);
          this.blank = false;
          if (this.keep) this.pieces.push('"');
          this.state = 'quoted';
          i += 1;
          break;
        }
        default: {
          const unknown: never = this.state;
          throw new Error(`unknown CSV state ${String(unknown)}`);
        }
      }
    }
  }

  /**
   * At a character where the field may end: a delimiter starts the next field, a line break ends the
   * record, anything else is text of this field. Returns where reading goes on.
   */
  private boundary(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c === this.delimiter) {
      this.count(1);
      this.endField(true);
      this.state = 'start';
      return i + 1;
    }
    if (c === CR || c === LF) return this.lineBreak(text, i);
    this.state = 'unquoted';
    return i;
  }

  /** Ends the record at the CR or LF at `i`; returns where the next one starts. */
  private lineBreak(text: string, i: number): number {
    this.endRecord();
    if (text.charCodeAt(i) !== CR) return i + 1;
    if (i + 1 < text.length) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    this.afterCr = true;
    return i + 1;
  }

  private content(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.count(to - from);
    for (let k = from; this.blank && k < to; k++) if (!isSpace(text.charCodeAt(k))) this.blank = false;
    if (this.keep) this.pieces.push(text.slice(from, to));
  }

  private count(length: number): void {
    this.recordLength += length;
    if (this.recordLength > this.limits.maxRecordBytes)
      throw new CsvLimitExceeded('record-bytes', this.limits.maxRecordBytes, this.records + 1);
  }

  /** Closes the field; `another` when a delimiter says one more field follows in this record. */
  private endField(another: boolean): void {
    this.fieldCount += 1;
    if (this.keep) {
      const pieces = this.pieces;
      this.fields.push(pieces.length === 1 ? pieces[0]! : pieces.join(''));
      this.pieces = [];
    }
    if (another && this.fieldCount + 1 > this.limits.maxColumns)
      throw new CsvLimitExceeded('columns', this.limits.maxColumns, this.records + 1);
  }

  private endRecord(): void {
    this.endField(false);
    const fields = this.fields;
    const blank = this.blank;
    this.fields = [];
    this.fieldCount = 0;
    this.recordLength = 0;
    this.blank = true;
    this.state = 'start';
    this.records += 1;
    this.keep = this.keepCells(this.records + 1);
    this.onRecord(fields, blank);
  }
}
