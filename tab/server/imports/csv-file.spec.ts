import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvRecords, guessDelimiter } from './csv-file';
import { inspectCsv } from './csv-scanner';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csv-file-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function fileWith(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function recordsOf(path: string): Promise<string[][]> {
  const all: string[][] = [];
  for await (const record of csvRecords(path, await inspectCsv(path))) all.push(record);
  return all;
}

describe('guessDelimiter', () => {
  it.each([
    ['firstName,lastName,email', ','],
    ['firstName;lastName;email', ';'],
    ['firstName\tlastName', '\t'],
    ['"Last; name",email,company', ','],
    ['lastName', ','],
  ])('given the header %j, then the delimiter is %j', (line, delimiter) => {
    expect(guessDelimiter(line)).toBe(delimiter);
  });
});

describe('inspectCsv and csvRecords', () => {
  it('given UTF-8 with a BOM, quoted line breaks and blank lines, then records are whole and blanks not counted', async () => {
    const path = await fileWith(
      'a.csv',
      '\uFEFFlastName,notes\r\nSørensen,"two\r\nlines"\r\n\r\n,\r\nGonçalves,x\r\n',
    );
    expect(await inspectCsv(path)).toEqual({
      encoding: 'utf-8',
      delimiter: ',',
      header: ['lastName', 'notes'],
      total: 2,
    });
    expect(await recordsOf(path)).toEqual([
      ['lastName', 'notes'],
      ['Sørensen', 'two\r\nlines'],
      [''],
      ['', ''],
      ['Gonçalves', 'x'],
    ]);
  });

  it('given characters split across read chunks, then they are decoded whole', async () => {
    const name = 'Ødegård Ærøskøbing João ';
    const path = await fileWith('big.csv', `lastName\r\n${`${name.repeat(40)}\r\n`.repeat(3000)}`);
    const records = await recordsOf(path);
    expect(records).toHaveLength(3001);
    expect(records.every((r, i) => i === 0 || r[0] === name.repeat(40))).toBe(true);
  });

  it('given what Excel saves in Norway (Windows-1252, semicolons), then it reads the same as UTF-8', async () => {
    const path = await fileWith(
      'excel.csv',
      Buffer.from('lastName;company\r\nØstby;Ærø Fisk AS\r\n', 'latin1'),
    );
    expect(await inspectCsv(path)).toMatchObject({ encoding: 'windows-1252', delimiter: ';', total: 1 });
    expect(await recordsOf(path)).toEqual([
      ['lastName', 'company'],
      ['Østby', 'Ærø Fisk AS'],
    ]);
  });

  it('given an empty file, then there is no header and nothing to count', async () => {
    expect(await inspectCsv(await fileWith('empty.csv', ''))).toMatchObject({ header: undefined, total: 0 });
  });
});
