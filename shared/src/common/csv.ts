/**
 * CSV cells as spreadsheets read them. A cell that starts with = + - @ is a formula to Excel,
 * LibreOffice and Google Sheets (OWASP "CSV injection"), and so is any piece of a cell that a
 * spreadsheet may split off: Excel in nl, nb and pt locales splits on `;`, some imports on tab, and
 * a line break ends a record once the quote that opened the cell is no longer at a field's start
 * (`x;=1+1` turns into a live `=1+1`). So on export a `'` goes before every formula character that
 * follows the cell's start or a `; , tab CR LF` (spaces and quotes in between are skipped over),
 * which a spreadsheet shows as text; on import exactly one such `'` is taken off again, so
 * `+47 22 33 44 55` survives a round trip. A cell that already had quotes there keeps them: the
 * escape adds one more and the import removes one.
 */
const FORMULA_AFTER_BOUNDARY = /(^|[;,\t\r\n])([ "]*)('*[=+\-@])/g;
const ESCAPED_AFTER_BOUNDARY = /(^|[;,\t\r\n])([ "]*)'('*[=+\-@])/g;

export const escapeFormula = (cell: string): string => cell.replace(FORMULA_AFTER_BOUNDARY, "$1$2'$3");

export const unescapeFormula = (cell: string): string => cell.replace(ESCAPED_AFTER_BOUNDARY, '$1$2$3');

/**
 * Quoted when it holds a quote, a line break, a comma or a semicolon (Excel in nl, nb and pt
 * locales splits on `;`: a quoted cell stays whole), or space at either end.
 */
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

/** One cell, formula-safe and quoted as needed (RFC 4180). */
export function csvCell(value: string): string {
  const safe = escapeFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, CRLF-terminated as RFC 4180 and Excel expect. */
export const csvLine = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** Excel reads a CSV as UTF-8 only when it starts with this byte order mark. */
export const UTF8_BOM = '\uFEFF';
