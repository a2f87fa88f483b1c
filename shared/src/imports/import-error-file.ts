import { csvLine, UTF8_BOM } from '../common/csv';
import type { ImportRowError, ImportSkip } from './import-row';

/** A row the import did not write, with why in the reader's words. */
export type ErrorFileRow = { readonly row: number; readonly reason: string };

/**
 * The file a user downloads after an import: per row not imported (in error, or skipped), its row
 * number and why, then the row as the file had it, under the file's own header. Several reasons of
 * one row go in one cell. The two added columns are not fields of any kind, so the file fixed and
 * imported again reads as the original did (they are ignored and reported).
 */
export function importErrorFile(
  header: readonly string[],
  cellsOf: (row: number) => readonly string[] | undefined,
  problems: readonly ErrorFileRow[],
  labels: { readonly row: string; readonly reason: string },
): string {
  const reasons = new Map<number, string[]>();
  for (const p of problems) reasons.set(p.row, [...(reasons.get(p.row) ?? []), p.reason]);
  const lines = [...reasons.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, why]) => csvLine([String(row), why.join('; '), ...(cellsOf(row) ?? [])]));
  return UTF8_BOM + csvLine([labels.row, labels.reason, ...header]) + lines.join('');
}

/** The rows an import reported, errors first then skips, each with what the reader is told. */
export function reportedRows(
  errors: readonly ImportRowError[],
  skips: readonly ImportSkip[],
  say: { error: (e: ImportRowError) => string; skip: (s: ImportSkip) => string },
): ErrorFileRow[] {
  return [
    ...errors.map((e) => ({ row: e.row, reason: say.error(e) })),
    ...skips.map((s) => ({ row: s.row, reason: say.skip(s) })),
  ];
}
