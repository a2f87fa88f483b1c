import fc from 'fast-check';
import { csvCell, csvLine, escapeFormula, unescapeFormula } from './csv';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+47 22 33 44 55', "'+47 22 33 44 55"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "\t'=1"],
    ['\r=1', "\r'=1"],
    // What Excel makes of a comma-separated file where it splits on `;` (nl, nb, pt-BR), tab or lines.
    ['x;=1+1', "x;'=1+1"],
    ['Jansen;+cmd|"/c calc"!A0', `Jansen;'+cmd|"/c calc"!A0`],
    ['Bakkerij, @SUM(A1:A2)', "Bakkerij, '@SUM(A1:A2)"],
    ['a\t-2+3', "a\t'-2+3"],
    ['06;"=1+1"', `06;"'=1+1"`],
    ['one\n=HYPERLINK("x")', `one\n'=HYPERLINK("x")`],
    ["'=already quoted", "''=already quoted"],
    ['Sørensen', 'Sørensen'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('given %j, then a spreadsheet reads %j as text', (cell, escaped) => {
    expect(escapeFormula(cell)).toBe(escaped);
    expect(unescapeFormula(escaped)).toBe(cell);
  });

  it('given a cell that merely starts with a quote, then import keeps it', () => {
    expect(unescapeFormula("'t Hooft")).toBe("'t Hooft");
    expect(unescapeFormula("'")).toBe("'");
  });

  it('given any text, then the import gets back exactly what was exported, and no piece starts a formula', () => {
    const piece = fc.constantFrom('=', '+', '-', '@', "'", '"', ' ', ';', ',', '\t', '\r', '\n', 'a', '1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (chars) => {
        const cell = chars.join('');
        const escaped = escapeFormula(cell);
        expect(unescapeFormula(escaped)).toBe(cell);
        for (const part of escaped.split(/[;,\t\r\n]/)) expect(part).not.toMatch(/^[ "]*[=+\-@]/);
      }),
    );
  });

  it.each([
    ['plain', 'plain'],
    ['Jansen, Piet', '"Jansen, Piet"'],
    ['Bakkerij "De Zon"', '"Bakkerij ""De Zon"""'],
    ['two\nlines', '"two\nlines"'],
    ['a;=cmd', `"a;'=cmd"`],
    [' padded ', '" padded "'],
    ['=1+1', "'=1+1"],
    ['=1,2', `"'=1,2"`],
  ])('given %j, then the encoded cell is %j', (value, encoded) => {
    expect(csvCell(value)).toBe(encoded);
  });

  it('given cells, then the line joins them with commas and ends in CRLF', () => {
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });
});
