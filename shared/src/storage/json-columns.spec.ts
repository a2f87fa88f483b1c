import { jsonColumns, readJsonColumns } from './json-columns';

describe('json columns', () => {
  it('round-trips small and large values, splitting under the 64 KiB property limit', () => {
    const large = { text: 'ø'.repeat(70_000) };
    const columns = jsonColumns(large);

    expect(Object.keys(columns)).toEqual(['data', 'data1', 'data2']);
    expect(Object.values(columns).every((c) => c.length <= 32_000)).toBe(true);
    expect(readJsonColumns(columns)).toEqual(large);
    expect(readJsonColumns(jsonColumns({ a: 1 }))).toEqual({ a: 1 });
  });

  it('fails loudly on a row without data', () => {
    expect(() => readJsonColumns({})).toThrow(/no data/);
  });
});
