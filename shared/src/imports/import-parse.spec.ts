import {
  detectDateOrder,
  employeeBand,
  industryText,
  parseBoolean,
  parseCurrency,
  parseDate,
  parseInstant,
  parseNumber,
  splitName,
} from './import-parse';

describe('parseNumber', () => {
  it.each([
    ['1234.5', 1234.5],
    ['1,234.50', 1234.5],
    ['1.234,50', 1234.5],
    ['€ 1.234,50', 1234.5],
    ['R$ 1.234,50', 1234.5],
    ['$1,234', 1234],
    ['1 234,5', 1234.5],
    ['120 000', 120000],
    ['1.000.000', 1000000],
    ['1,5', 1.5],
    ['0,750', 0.75],
    ['12%', 12],
    ['EUR 99', 99],
    ['2500000', 2500000],
  ])('given %j, then it is %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['', 'abc', '1.2.3,4,5', '12 apples', '--5'])('given %j, then it is no number', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
});

describe('parseDate and parseInstant', () => {
  it.each([
    ['2026-11-22', 'mdy', '2026-11-22'],
    ['2026-11-22T10:00:00.000Z', 'mdy', '2026-11-22'],
    ['11/22/2026', 'mdy', '2026-11-22'],
    ['22/11/2026', 'mdy', '2026-11-22'],
    ['03/04/2026', 'mdy', '2026-03-04'],
    ['03/04/2026', 'dmy', '2026-04-03'],
    ['22.11.2026', 'mdy', '2026-11-22'],
    ['22-11-2026', 'mdy', '2026-11-22'],
    ['2026-11-22 10:00', 'mdy', '2026-11-22'],
    ['22 Nov 2026', 'mdy', '2026-11-22'],
    ['Nov 22, 2026', 'mdy', '2026-11-22'],
    ['22 mrt 2026', 'mdy', '2026-03-22'],
  ] as const)('given %j (%s), then the date is %s', (text, order, date) => {
    expect(parseDate(text, order)).toBe(date);
  });

  it.each(['2026-02-30', '13/13/2026', 'tomorrow', '2026-11-22 25:00'])(
    'given %j, then it is no date',
    (text) => {
      expect(parseDate(text)).toBeUndefined();
    },
  );

  it.each([
    ['2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z'],
    ['2026-11-22T10:00:00.000+0100', '2026-11-22T09:00:00.000Z'],
    ['2026-11-22 10:00:00', '2026-11-22T10:00:00.000Z'],
    ['11/22/2026 3:15 PM', '2026-11-22T15:15:00.000Z'],
    ['11/22/2026', '2026-11-22T00:00:00.000Z'],
  ])('given %j, then the instant is %s', (text, instant) => {
    expect(parseInstant(text)).toBe(instant);
  });

  it('given dates of a column, then a first part above 12 says day first, a second one month first', () => {
    expect(detectDateOrder(['01/02/2026', '22/11/2026'])).toBe('dmy');
    expect(detectDateOrder(['01/02/2026', '11/22/2026'])).toBe('mdy');
    expect(detectDateOrder(['01/02/2026', '2026-11-22'])).toBeUndefined();
  });
});

describe('the other cell readers', () => {
  it.each([
    ['yes', true],
    ['Ja', true],
    ['sim', true],
    ['TRUE', true],
    ['1', true],
    ['nee', false],
    ['não', false],
    ['nei', false],
    ['false', false],
  ])('given %j, then it is %s', (text, value) => {
    expect(parseBoolean(text)).toBe(value);
  });

  it('given currency codes and signs, then ISO codes come out', () => {
    expect(parseCurrency('eur')).toBe('EUR');
    expect(parseCurrency('R$')).toBe('BRL');
    expect(parseCurrency('€')).toBe('EUR');
    expect(parseCurrency('euros')).toBeUndefined();
  });

  it('given whole names, then first and last names come out', () => {
    expect(splitName('Fernanda Lima')).toEqual({ firstName: 'Fernanda', lastName: 'Lima' });
    expect(splitName('Jansen, Pieter')).toEqual({ firstName: 'Pieter', lastName: 'Jansen' });
    expect(splitName('Cher')).toEqual({ lastName: 'Cher' });
  });

  it("given HubSpot's enumerated industries, then they read as words; other text stays", () => {
    expect(industryText('COMPUTER_SOFTWARE')).toBe('Computer Software');
    expect(industryText('FOOD_AND_BEVERAGES')).toBe('Food and Beverages');
    expect(industryText('Banking')).toBe('Banking');
  });

  it('given head-count bands, then they are bands, not numbers', () => {
    expect(employeeBand('51-200')).toEqual({ from: 51, to: 200 });
    expect(employeeBand('10,001+')).toEqual({ from: 10001 });
    expect(employeeBand('45')).toBeUndefined();
  });
});
