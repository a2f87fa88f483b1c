import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** RFC 4180 records of a small text (quotes, doubled quotes, line breaks in quotes); for specs. */
export function csvRows(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The sample exports under shared/src/imports/fixtures (made from each CRM's documented columns). */
export const fixturePath = (file: string): string => join(__dirname, '..', 'imports', 'fixtures', file);

export const fixtureRows = (file: string): string[][] => csvRows(readFileSync(fixturePath(file), 'utf8'));

export async function* rowsOf(rows: readonly (readonly string[])[]): AsyncGenerator<readonly string[]> {
  for (const row of rows) yield row;
}
