import { COLUMN_SIZES } from '../app/layout';
import type { ColumnSize } from './field-descriptor';

/**
 * Each column's width in pixels for a table `available` pixels wide: every column gets its least
 * width, and what room is left goes to the columns that grow, by their share (a name twice what a
 * company gets). When the least widths do not fit, the table is their sum and scrolls sideways.
 * `fixed` are columns of a given width (the checkbox, the row menu).
 */
export function columnWidths(
  sizes: readonly ColumnSize[],
  available: number,
  fixed: number = 0,
): { readonly widths: readonly number[]; readonly total: number } {
  const least = sizes.reduce((sum, size) => sum + COLUMN_SIZES[size].min, fixed);
  const shares = sizes.reduce((sum, size) => sum + COLUMN_SIZES[size].grow, 0);
  const room = Math.max(0, Math.floor(available) - least);
  if (shares === 0 || room === 0)
    return { widths: sizes.map((size) => COLUMN_SIZES[size].min), total: least };
  const widths = sizes.map((size) => {
    const { min, grow } = COLUMN_SIZES[size];
    return min + Math.floor((room * grow) / shares);
  });
  return { widths, total: widths.reduce((sum, w) => sum + w, fixed) };
}
