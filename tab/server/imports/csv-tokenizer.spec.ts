import fc from 'fast-check';
import { csvLine, escapeFormula } from '@crm/shared';
import { CsvLimitExceeded, CsvTokenizer, type CsvLimits } from './csv-tokenizer';

const ROOMY: CsvLimits = { maxColumns: 1000, maxRecordBytes: 1024 * 1024 };

/** Every record of `chunks`. */
function recordsOf(chunks: readonly string[], delimiter = ',', limits = ROOMY): string[][] {
  const records: string[][] = [];
  const tokenizer = new CsvTokenizer(delimiter, limits, (fields) => records.push(fields));
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  return records;
}
const whole = (text: string, delimiter?: string) => recordsOf([text], delimiter);
/** The same text a character at a time: every boundary falls somewhere. */
const byteByByte = (text: string, delimiter?: string) => recordsOf([...text], delimiter);

describe('CsvTokenizer', () => {
  it.each([
    [
      'CRLF records',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['LF and CR line breaks, no break at the end', 'a\nb\rc', [['a'], ['b'], ['c']]],
    [
      'an empty line in the middle (one empty field) and none at the end',
      'a\r\n\r\nb\r\n',
      [['a'], [''], ['b']],
    ],
    ['empty fields, one at the end', ',a,,\r\n', [['', 'a', '', '']]],
    [
      'quoted delimiters, line breaks and doubled quotes',
      '"a,b","x\r\ny","say ""hi"""\r\n',
      [['a,b', 'x\r\ny', 'say "hi"']],
    ],
    ['a quote inside an unquoted field is text', 'a"b,c\r\n', [['a"b', 'c']]],
    ['text after a closing quote is kept', '"ab"c,d\r\n', [['abc', 'd']]],
    ['an empty quoted field', '"",x\r\n', [['', 'x']]],
    ['a byte order mark at the start', '\uFEFFlastName\r\nØstby\r\n', [['lastName'], ['Østby']]],
    ['a UTF-8 byte order mark read as Latin-1', '\u00EF\u00BB\u00BFa\r\n', [['a']]],
    ['a first cell that only starts like one', '\u00EF\u00BBx\r\n', [['\u00EF\u00BBx']]],
    ['a quote that is never closed runs to the end', '"open,x\r\ny', [['open,x\r\ny']]],
    ['nothing at all', '', []],
  ])('given %s, then the records are whole', (_, text, expected) => {
    expect(whole(text)).toEqual(expected);
    expect(byteByByte(text)).toEqual(expected);
  });

  it('splits on the delimiter it is given, and only on it', () => {
    expect(whole('a;b,c\tD\r\n', ';')).toEqual([['a', 'b,c\tD']]);
    expect(whole('a;b,c\tD\r\n', '\t')).toEqual([['a;b,c', 'D']]);
  });

  it('reads back what our export writes, however the text is cut', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'ø', '€', ',', ';', '"', '\r', '\n', ' ', '=', '😀'),
      maxLength: 12,
    });
    const row = fc.array(cell, { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (rows, cuts) => {
          const text = rows.map((r) => csvLine(r)).join('');
          const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
          // The export puts a ' before a formula character; the import takes it off later, not here.
          const written = rows.map((r) => r.map(escapeFormula));
          expect(recordsOf(chunks)).toEqual(written);
        },
      ),
    );
  });

  it('says which records are blank, as the import judges them, and builds cells only for the records asked for', () => {
    const seen: [string[], boolean][] = [];
    const tokenizer = new CsvTokenizer(
      ',',
      ROOMY,
      (cells, blank) => seen.push([cells, blank]),
      (record) => record === 1,
    );
    tokenizer.write('lastName,email\r\n , \t\r\n\r\n"",""\r\n\u00A0,\u3000\r\n"""",\r\nx,\r\n');
    tokenizer.end();
    expect(seen).toEqual([
      [['lastName', 'email'], false],
      [[], true],
      [[], true],
      [[], true],
      [[], true],
      [[], false],
      [[], false],
    ]);
  });

  describe('limits', () => {
    const limits: CsvLimits = { maxColumns: 5, maxRecordBytes: 64 };
    const tripOf = (text: string, chunkSize: number) => {
      let fed = 0;
      const tokenizer = new CsvTokenizer(',', limits, () => undefined);
      try {
        for (; fed < text.length; fed += chunkSize) tokenizer.write(text.slice(fed, fed + chunkSize));
        tokenizer.end();
      } catch (error) {
        return { error, fed: Math.min(fed + chunkSize, text.length) };
      }
      return { error: undefined, fed };
    };

    it('given a record with one column more than allowed, then it stops there, naming the limit and the record', () => {
      expect(tripOf('a,b,c,d,e\r\n', 1).error).toBeUndefined();
      const { error, fed } = tripOf('a,b,c,d,e\r\n1,2,3,4,5,6,7,8\r\n', 1);
      expect(error).toEqual(new CsvLimitExceeded('columns', 5, 2));
      expect(fed).toBe('a,b,c,d,e\r\n1,2,3,4,5,'.length);
    });

    it('given a row of nothing but commas (the 48 MB attack, scaled), then it stops at the sixth column, long before the end', () => {
      const commas = ','.repeat(100_000);
      const { error, fed } = tripOf(commas, 4);
      expect(error).toMatchObject({ limit: 'columns', max: 5, record: 1 });
      expect(fed).toBeLessThanOrEqual(8);
    });

    it('given a record past its byte limit, quoted or not, then it stops within the chunk that passes it', () => {
      expect(tripOf(`${'x'.repeat(64)}\r\n${'y'.repeat(64)}\r\n`, 16).error).toBeUndefined();
      for (const text of ['x'.repeat(10_000), `"${'x'.repeat(10_000)}`, `a,"b\r\n${'c\r\n'.repeat(5000)}`]) {
        const { error, fed } = tripOf(text, 16);
        expect(error).toMatchObject({ limit: 'record-bytes', max: 64, record: 1 });
        expect(fed).toBeLessThanOrEqual(64 + 16);
      }
    });
  });
});
