/**
 * Maintained figures: the totals every report, the board and the dashboard read, kept per workspace
 * as a few rows of integer counters. Each row is a map from a path (a tuple of strings) to an
 * integer; every change adds the difference between what the record contributed before and after
 * (figure-contributions.ts), so the rows always equal a full recount of the live records.
 *
 * All values are integers (BigInt): counts, amounts in units of 1/10,000 of the currency's major
 * unit (four decimals cover every ISO 4217 minor unit), weighted amounts in 1/1,000,000 (amount ×
 * probability in percent), cycle times in milliseconds. Integer sums do not depend on the order of
 * the additions, which float sums do: figures kept change by change equal the recount exactly.
 */

/** A figure row's counters, keyed by `pathKey(path)`. Zero counters are never kept. */
export type FigureValues = ReadonlyMap<string, bigint>;

/** Rows by their key (`figureRowKey` and friends); an absent row is all zeros. */
export type FigureSet = ReadonlyMap<string, FigureValues>;

/** A path inside a row, as a map key (JSON keeps any character apart). */
export const pathKey = (path: readonly string[]): string => JSON.stringify(path);
export const pathOf = (key: string): string[] => JSON.parse(key) as string[];

/** Adds `delta` × `sign` into `into` (mutates), dropping counters and rows that reach zero. */
export function addFigures(
  into: Map<string, Map<string, bigint>>,
  delta: FigureSet,
  sign: 1n | -1n = 1n,
): void {
  for (const [row, values] of delta) {
    const target = into.get(row) ?? new Map<string, bigint>();
    for (const [path, value] of values) {
      const next = (target.get(path) ?? 0n) + value * sign;
      if (next === 0n) target.delete(path);
      else target.set(path, next);
    }
    if (target.size === 0) into.delete(row);
    else into.set(row, target);
  }
}

/** `row`'s values with `delta` added (a new map; the inputs are untouched). */
export function applyToRow(values: FigureValues | undefined, delta: FigureValues): Map<string, bigint> {
  const out = new Map(values ?? []);
  for (const [path, value] of delta) {
    const next = (out.get(path) ?? 0n) + value;
    if (next === 0n) out.delete(path);
    else out.set(path, next);
  }
  return out;
}

/** A builder for one record's contribution: `add(row, path, value)`. */
export class FigureBuilder {
  readonly figures = new Map<string, Map<string, bigint>>();

  add(row: string, path: readonly string[], value: bigint): this {
    if (value === 0n) return this;
    const values = this.figures.get(row) ?? new Map<string, bigint>();
    const key = pathKey(path);
    const next = (values.get(key) ?? 0n) + value;
    if (next === 0n) values.delete(key);
    else values.set(key, next);
    if (values.size === 0) this.figures.delete(row);
    else this.figures.set(row, values);
    return this;
  }
}

/** Stored form of a row (JSON-safe): `[[...path, value], ...]`, sorted, values as decimal strings. */
export function figureEntries(values: FigureValues): string[][] {
  return [...values.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => [...pathOf(key), value.toString()]);
}

export function fromFigureEntries(entries: readonly (readonly string[])[]): Map<string, bigint> {
  const values = new Map<string, bigint>();
  for (const entry of entries) {
    const value = entry.at(-1);
    if (value === undefined) continue;
    values.set(pathKey(entry.slice(0, -1)), BigInt(value));
  }
  return values;
}

/** Two figure sets hold the same counters (empty rows and absent rows alike). */
export function sameFigures(a: FigureSet, b: FigureSet): boolean {
  const rows = new Set([...a.keys(), ...b.keys()]);
  for (const row of rows) {
    const x = a.get(row) ?? new Map<string, bigint>();
    const y = b.get(row) ?? new Map<string, bigint>();
    if (x.size !== y.size) return false;
    for (const [path, value] of x) if (y.get(path) !== value) return false;
  }
  return true;
}

/** The counters of one row whose path starts with `prefix`, with the rest of the path. */
export function* entriesUnder(
  values: FigureValues | undefined,
  ...prefix: readonly string[]
): Generator<readonly [readonly string[], bigint]> {
  for (const [key, value] of values ?? []) {
    const path = pathOf(key);
    if (prefix.every((part, i) => path[i] === part)) yield [path.slice(prefix.length), value];
  }
}

/** Amounts in figures: units of 1/10,000 (every ISO 4217 minor unit fits in four decimals). */
export const AMOUNT_SCALE = 10_000;
export const amountUnits = (amount: number | undefined): bigint =>
  BigInt(Math.round((amount ?? 0) * AMOUNT_SCALE));

/** Back to a number in the major unit. */
export const amountOf = (units: bigint): number => Number(units) / AMOUNT_SCALE;

/** A weighted sum (amount units × percent) back to the major unit, rounded half up to four decimals. */
export const weightedOf = (units: bigint): number => {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const rounded = (abs + 50n) / 100n;
  return Number(negative ? -rounded : rounded) / AMOUNT_SCALE;
};
