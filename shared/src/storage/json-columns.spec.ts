import { jsonColumnNames, jsonColumns, readJsonColumns } from './json-columns';

describe('json columns', () => {
  it('round-trips small and large values, splitting under the 64 KiB property limit', () => {
    const large = { text: 'ø'.repeat(70_000) };
    const columns = jsonColumns(large);

    expect(Object.keys(columns)).toEqual(['data', 'data1', 'data2']);
    expect(Object.values(columns).every((c) => c.length <= 32_000)).toBe(true);
    expect(readJsonColumns(columns)).toEqual(large);
    expect(readJsonColumns(jsonColumns({ a: 1 }))).toEqual({ a: 1 });
  });

  it('names every column the JSON of a 1 MiB entity can fill (the projection of a scan)', () => {
    const largest = { text: 'x'.repeat(512 * 1024 - 20) };
    const names = jsonColumnNames();

    expect(Object.keys(jsonColumns(largest)).every((name) => names.includes(name))).toBe(true);
    const selected = Object.fromEntries(names.map((name) => [name, jsonColumns(largest)[name] ?? null]));
    expect(readJsonColumns(selected)).toEqual(largest);
  });

  it('fails loudly on a row without data', () => {
    expect(() => readJsonColumns({})).toThrow(/no data/);
  });
});
