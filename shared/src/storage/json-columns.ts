/**
 * A string property holds at most 64 KiB (32K UTF-16 units); records with long notes can exceed
 * that, so JSON is split across `data`, `data1`, `data2`... (an entity may hold 1 MiB).
 */
const CHUNK = 30_000;

/**
 * Every column the JSON of one entity can occupy (an entity holds at most 1 MiB of UTF-16 text):
 * a `$select` of these reads a record without its filter columns. A column a row lacks comes back
 * missing or null, where reading stops.
 */
export const jsonColumnNames = (name = 'data'): string[] =>
  Array.from({ length: Math.ceil((1024 * 1024) / 2 / CHUNK) }, (_, n) => (n === 0 ? name : `${name}${n}`));

export function jsonColumns(value: unknown, name = 'data'): Record<string, string> {
  const json = JSON.stringify(value);
  const columns: Record<string, string> = {};
  for (let i = 0, n = 0; i === 0 || i < json.length; i += CHUNK, n++) {
    columns[n === 0 ? name : `${name}${n}`] = json.slice(i, i + CHUNK);
  }
  return columns;
}

export function readJsonColumns<T>(row: Readonly<Record<string, unknown>>, name = 'data'): T {
  let json = '';
  for (let n = 0; ; n++) {
    const part = row[n === 0 ? name : `${name}${n}`];
    if (typeof part !== 'string') break;
    json += part;
  }
  if (!json) throw new Error(`Stored row has no ${name} column`);
  return JSON.parse(json) as T;
}
