import { COLUMN_SIZES } from '../app/layout';
import { columnWidths } from './column-widths';

describe('column widths', () => {
  it('give every column its least width and scroll sideways when even that does not fit', () => {
    const { widths, total } = columnWidths(['name', 'long', 'badge'], 300, 44);
    expect(widths).toEqual([COLUMN_SIZES.name.min, COLUMN_SIZES.long.min, COLUMN_SIZES.badge.min]);
    expect(total).toBe(44 + COLUMN_SIZES.name.min + COLUMN_SIZES.long.min + COLUMN_SIZES.badge.min);
  });

  it('share the room left over by the columns that grow, by their share; fixed ones keep their width', () => {
    const least = COLUMN_SIZES.name.min + COLUMN_SIZES.text.min + COLUMN_SIZES.date.min;
    const { widths, total } = columnWidths(['name', 'text', 'date'], least + 300);
    expect(widths).toEqual([COLUMN_SIZES.name.min + 200, COLUMN_SIZES.text.min + 100, COLUMN_SIZES.date.min]);
    expect(total).toBe(least + 300);
  });

  it('never add up to more than the room there is, when the least widths fit', () => {
    for (const available of [1366, 1920, 1001.5]) {
      const { total } = columnWidths(['name', 'text', 'long', 'enum', 'badge'], available, 92);
      expect(total).toBeLessThanOrEqual(Math.floor(available));
    }
  });
});
