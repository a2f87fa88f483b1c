/**
 * A string property holds at most 64 KiB (32K UTF-16 units); records with long notes can exceed
 * that, so JSON is split across `data`, `data1`, `data2`... (an entity may hold 1 MiB).
 */
const CHUNK = 30_000;

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
