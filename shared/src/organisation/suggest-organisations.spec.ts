import { suggestOrganisations } from './suggest-organisations';

describe('suggestOrganisations', () => {
  const candidates = [
    { id: 'a', name: 'Acme Holding B.V.' },
    { id: 'b', name: 'ACME bv', website: 'https://www.acme.nl' },
    { id: 'c', name: 'Something Else', website: 'acme.nl/contact' },
    { id: 'd', name: 'Acmecorp' },
    { id: 'e', name: 'Acme N.V.' },
  ];

  it('given a name and a website, then matches are ranked: shared domain and name, domain, name, similar name', () => {
    const result = suggestOrganisations({ name: 'Acme', website: 'http://acme.nl' }, candidates);
    expect(result.map((s) => [s.organisation.id, s.matches])).toEqual([
      ['b', ['same-website', 'same-name']],
      ['c', ['same-website']],
      ['e', ['same-name']],
      ['a', ['similar-name']],
    ]);
  });

  it('given only a name, then the website plays no part', () => {
    expect(
      suggestOrganisations({ name: 'acme', website: '' }, candidates).map((s) => s.organisation.id),
    ).toEqual(['b', 'e', 'a']);
  });

  it.each([
    ['nothing', {}],
    ['a name nobody has', { name: 'Fjord Fisk AS' }],
    ['a website nobody has', { website: 'fjordfisk.no' }],
    ['a name that is too short to be similar', { name: 'Ac' }],
  ])('given %s, then there are no suggestions', (_, wanted) => {
    expect(suggestOrganisations(wanted, candidates)).toEqual([]);
  });
});
