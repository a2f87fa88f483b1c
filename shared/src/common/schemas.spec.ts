import { currencySchema } from './schemas';

describe('currencySchema', () => {
  it.each([
    ['EUR', 'EUR'],
    ['nok', 'NOK'],
    ['BRL', 'BRL'],
  ])('accepts %s as %s', (input, output) => {
    expect(currencySchema.parse(input)).toBe(output);
  });

  it.each(['ABC', 'XYZ', 'EU', 'EURO', '€', ''])('rejects %s', (input) => {
    expect(currencySchema.safeParse(input).success).toBe(false);
  });
});
