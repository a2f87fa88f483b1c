import { suggestContacts } from './suggest-contacts';

describe('suggestContacts', () => {
  const candidates = [
    { id: 'a', email: 'Sanne@DeVries.nl ' },
    { id: 'b' },
    { id: 'c', email: 'info@devries.nl' },
    { id: 'd', email: 'sanne@devries.nl' },
  ];

  it.each([
    ['the same address in another case, with spaces', { email: '  SANNE@devries.NL' }, ['a', 'd']],
    ['another address', { email: 'sales@devries.nl' }, []],
    ['no address', {}, []],
    ['a blank address', { email: '  ' }, []],
  ])('given %s, then the suggestions are %j', (_, wanted, ids) => {
    expect(suggestContacts(wanted, candidates).map((c) => c.id)).toEqual(ids);
  });
});
