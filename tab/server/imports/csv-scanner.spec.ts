import { CsvScanner } from './csv-scanner';
import { CsvLimitExceeded } from './csv-tokenizer';

const ROOMY = { maxColumns: 1000, maxRecordBytes: 1024 * 1024 };

/** Scans `bytes` in chunks of `size`; returns what it found, or what it threw and how much it had read. */
function scan(bytes: Buffer, size: number, limits = ROOMY) {
  const scanner = new CsvScanner(limits);
  let read = 0;
  try {
    for (; read < bytes.length; read += size) scanner.write(bytes.subarray(read, read + size));
    return { found: scanner.end(), read };
  } catch (error) {
    return { error, read: Math.min(read + size, bytes.length) };
  }
}

describe('CsvScanner (the upload, as it streams in)', () => {
  it.each([1, 2, 3, 7, 64 * 1024])(
    'given chunks of %i bytes, then encoding, delimiter, header and row count are what the whole file says',
    (size) => {
      const file = Buffer.from(
        '\uFEFFlastName;notes\r\nSørensen;"two\r\nlines; one record"\r\n\r\n;\r\nGonçalves;x',
      );
      expect(scan(file, size).found).toEqual({
        encoding: 'utf-8',
        delimiter: ';',
        header: ['lastName', 'notes'],
        total: 2,
      });
    },
  );

  it('given Windows-1252 bytes (what Excel saves in Norway), then it says so and decodes the header with it', () => {
    const file = Buffer.from('Etternavn;Bedrift\r\nØstby;Ærø Fisk AS\r\n', 'latin1');
    expect(scan(file, 5).found).toEqual({
      encoding: 'windows-1252',
      delimiter: ';',
      header: ['Etternavn', 'Bedrift'],
      total: 1,
    });
  });

  it('given a file whose last byte cuts a UTF-8 character short, then it is not UTF-8', () => {
    const file = Buffer.concat([Buffer.from('lastName\r\nØstby\r\n'), Buffer.from('Ø').subarray(0, 1)]);
    expect(scan(file, 4).found).toMatchObject({ encoding: 'windows-1252', total: 2 });
  });

  it('given an empty upload, then there is no header and nothing to count', () => {
    expect(scan(Buffer.alloc(0), 1).found).toEqual({
      encoding: 'utf-8',
      delimiter: ',',
      header: undefined,
      total: 0,
    });
  });

  it('given the 48 MB row of commas (scaled to 4 MB), then it refuses at column 1,001 having read one chunk', () => {
    const { error, read } = scan(Buffer.alloc(4_000_000, ','), 64 * 1024);
    expect(error).toEqual(new CsvLimitExceeded('columns', 1000, 1));
    expect(read).toBe(64 * 1024);
  });

  it('given a first line that never ends, then it refuses once the line passes the record limit', () => {
    const limits = { maxColumns: 1000, maxRecordBytes: 100_000 };
    const { error, read } = scan(Buffer.alloc(4_000_000, 'x'), 16 * 1024, limits);
    expect(error).toEqual(new CsvLimitExceeded('record-bytes', 100_000, 1));
    expect(read).toBeLessThan(100_000 + 16 * 1024);
  });

  it('given a later record past a limit, then it names that record', () => {
    const file = Buffer.from(`lastName,email\r\nA,a@x\r\nB,${'b'.repeat(200)}\r\n`);
    expect(scan(file, 10, { maxColumns: 3, maxRecordBytes: 100 }).error).toEqual(
      new CsvLimitExceeded('record-bytes', 100, 3),
    );
    expect(scan(Buffer.from('a,b\r\n1,2,3,4\r\n'), 3, { maxColumns: 3, maxRecordBytes: 100 }).error).toEqual(
      new CsvLimitExceeded('columns', 3, 2),
    );
  });
});
