import { bareDomain, normaliseOrganisationName } from './organisation-identity';

describe('normaliseOrganisationName', () => {
  it.each([
    ['Fjord Fisk AS', 'fjord fisk'],
    ['FJORD FISK A/S', 'fjord fisk'],
    ['Fjord-Fisk ASA', 'fjord fisk'],
    ['Bakkerij de Vries B.V.', 'bakkerij de vries'],
    ['Bakkerij De Vries BV', 'bakkerij de vries'],
    ['Philips N.V.', 'philips'],
    ['Comércio São João Ltda.', 'comercio sao joao'],
    ['Comercio Sao Joao S/A', 'comercio sao joao'],
    ['Construções Lusas, Lda', 'construcoes lusas'],
    ['Tønsberg Bygg AS', 'tonsberg bygg'],
    ['Müller GmbH', 'muller'],
    ['Acme, Inc.', 'acme'],
    ['Acme Holding Ltd', 'acme holding'],
    ['SA', 'sa'],
    ['Asa Design', 'asa design'],
  ])('given %j, then it compares as %j', (name, expected) => {
    expect(normaliseOrganisationName(name)).toBe(expected);
  });
});

describe('bareDomain', () => {
  it.each([
    ['https://www.FjordFisk.no/om-oss?x=1', 'fjordfisk.no'],
    ['http://fjordfisk.no', 'fjordfisk.no'],
    ['www.fjordfisk.no', 'fjordfisk.no'],
    ['fjordfisk.no/', 'fjordfisk.no'],
    ['  fjordfisk.no:8080  ', 'fjordfisk.no'],
    ['https://user@shop.fjordfisk.no.', 'shop.fjordfisk.no'],
    ['', undefined],
    [undefined, undefined],
    ['https://', undefined],
  ])('given %j, then it is %j', (website, expected) => {
    expect(bareDomain(website)).toBe(expected);
  });
});
