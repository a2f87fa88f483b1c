/**
 * CSV cells as spreadsheets read them. A cell that starts with = + - @ tab or CR is a formula to
 * Excel, LibreOffice and Google Sheets (OWASP "CSV injection"): on export it gets a leading `'`,
 * which spreadsheets show as text, and on import that one quote is taken off again so a phone
 * number like `+47 22 33 44 55` survives a round trip.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const escapeFormula = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

export const unescapeFormula = (cell: string): string =>
  cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;

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
