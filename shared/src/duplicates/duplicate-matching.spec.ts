import { bareDomain, companyMailDomain, companyName, writtenSuffix } from './company-identity';
import {
  decideConversionSuggestion,
  matchOrganisation,
  matchPerson,
  rankMatches,
  type MatchReason,
} from './duplicate-matching';

describe('companyName', () => {
  it.each([
    ['Fjordlys Logistikk AS', 'fjordlys logistikk', 'as'],
    ['FJORD FISK A/S', 'fjord fisk', 'as'],
    ['Fjord-Fisk ASA', 'fjord fisk', 'asa'],
    ['Jansen Transport B.V.', 'jansen transport', 'bv'],
    ['Jansen Transport BV', 'jansen transport', 'bv'],
    ['Philips N.V.', 'philips', 'nv'],
    ['Comércio São João Ltda.', 'comercio sao joao', 'ltda'],
    ['Comercio Sao Joao S/A', 'comercio sao joao', 'sa'],
    ['Construções Lusas, Lda', 'construcoes lusas', 'lda'],
    ['Tønsberg Bygg AS', 'tonsberg bygg', 'as'],
    ['Müller GmbH', 'muller', 'gmbh'],
    ['Acme, Inc.', 'acme', 'inc'],
    ['Acme Holding Ltd', 'acme holding', 'ltd'],
    ['Nordic Trade AB', 'nordic trade', 'ab'],
    ['Suomi Oy', 'suomi', 'oy'],
    ['Dansk Handel ApS', 'dansk handel', 'aps'],
    ['Widgets LLC', 'widgets', 'llc'],
    ['Ibérica S.A.', 'iberica', 'sa'],
    ['SA', 'sa', ''],
    ['Asa Design', 'asa design', ''],
  ])('given %j, then base %j and legal form %j', (name, base, suffix) => {
    expect(companyName(name)).toEqual({ base, suffix });
  });

  it('given a legal form written with dots, then it is said as written', () => {
    expect(writtenSuffix('Jansen Transport B.V.')).toBe('B.V.');
    expect(writtenSuffix('Fjordlys Logistikk AS')).toBe('AS');
    expect(writtenSuffix('Fjordlys Logistikk')).toBe('');
  });
});

describe('domains', () => {
  it.each([
    ['https://www.FjordFisk.no/om-oss?x=1', 'fjordfisk.no'],
    ['www.fjordfisk.no', 'fjordfisk.no'],
    ['  fjordfisk.no:8080  ', 'fjordfisk.no'],
    ['https://user@shop.fjordfisk.no.', 'shop.fjordfisk.no'],
    ['', undefined],
    [undefined, undefined],
    ['https://', undefined],
  ])('given the website %j, then the domain is %j', (website, expected) => {
    expect(bareDomain(website)).toBe(expected);
  });

  it.each([
    ['ingrid@Fjordlys.example', 'fjordlys.example'],
    ['kari@gmail.com', undefined],
    ['ola@hotmail.no', undefined],
    ['ana@uol.com.br', undefined],
    ['not an address', undefined],
    [undefined, undefined],
  ])('given the e-mail %j, then the company domain is %j', (email, expected) => {
    expect(companyMailDomain(email)).toBe(expected);
  });
});

describe('matchOrganisation', () => {
  const reasons = (
    wanted: Parameters<typeof matchOrganisation>[0],
    candidate: Parameters<typeof matchOrganisation>[1],
  ) => matchOrganisation(wanted, candidate).map((m) => m.reason);

  it.each<
    [string, Parameters<typeof matchOrganisation>[0], Parameters<typeof matchOrganisation>[1], MatchReason[]]
  >([
    [
      'the same name, dots aside',
      { company: 'Jansen Transport BV' },
      { name: 'Jansen Transport B.V.' },
      ['same-name'],
    ],
    [
      'the same name but for AS',
      { company: 'Fjordlys Logistikk' },
      { name: 'Fjordlys Logistikk AS' },
      ['same-name-but-suffix'],
    ],
    ['another legal form', { company: 'Acme GmbH' }, { name: 'ACME Inc.' }, ['same-name-but-suffix']],
    ['a name that starts the other', { company: 'Acme' }, { name: 'Acme Holding B.V.' }, ['similar-name']],
    ['a name inside another word', { company: 'Acme' }, { name: 'Acmecorp' }, []],
    [
      'the e-mail domain on the website',
      { email: 'ingrid@fjordlys.example' },
      { name: 'X', website: 'https://www.fjordlys.example' },
      ['same-domain'],
    ],
    [
      'the website on the e-mail',
      { website: 'fjordlys.example' },
      { name: 'X', email: 'post@fjordlys.example' },
      ['same-domain'],
    ],
    ['a free mail domain', { email: 'kari@gmail.com' }, { name: 'X', email: 'post@gmail.com' }, []],
    ['nothing given', {}, { name: 'X', website: 'x.example' }, []],
  ])('given %s, then %j', (_case, wanted, candidate, expected) => {
    expect(reasons(wanted, candidate)).toEqual(expected);
  });

  it('given the same name but for AS, then it says which legal form', () => {
    expect(matchOrganisation({ company: 'Fjordlys Logistikk' }, { name: 'Fjordlys Logistikk AS' })).toEqual([
      { reason: 'same-name-but-suffix', strength: 'strong', suffix: 'AS' },
    ]);
  });
});

describe('matchPerson', () => {
  it('given the same e-mail in another case, then a strong match; another e-mail, none', () => {
    expect(matchPerson({ email: ' Ingrid@Fjordlys.example' }, { email: 'ingrid@fjordlys.example' })).toEqual([
      { reason: 'same-email', strength: 'strong' },
    ]);
    expect(matchPerson({ email: 'kari@fjordlys.example' }, { email: 'ingrid@fjordlys.example' })).toEqual([]);
    expect(matchPerson({}, {})).toEqual([]);
  });
});

describe('rankMatches and decideConversionSuggestion', () => {
  const orgs = [
    { id: 'similar', name: 'Fjordlys Logistikk Holding' },
    { id: 'named', name: 'Fjordlys Logistikk AS' },
    { id: 'site', name: 'Nordlys', website: 'fjordlys.example' },
    { id: 'other', name: 'Bakkerij de Vries' },
  ];
  const wanted = { company: 'Fjordlys Logistikk', email: 'ingrid@fjordlys.example' };

  it('given strong and possible matches, then strong ones first, by weight; no match, not listed', () => {
    expect(
      rankMatches(orgs, (o) => matchOrganisation(wanted, o)).map((r) => [r.record.id, r.strength]),
    ).toEqual([
      ['site', 'strong'],
      ['named', 'strong'],
      ['similar', 'possible'],
    ]);
  });

  it('given a strong organisation and a contact of it, then both are selected by default', () => {
    const ranked = rankMatches(orgs, (o) => matchOrganisation(wanted, o));
    const contacts = rankMatches(
      [
        { id: 'c-elsewhere', organisationId: 'other', email: 'ingrid@fjordlys.example' },
        { id: 'c-site', organisationId: 'site', email: 'ingrid@fjordlys.example' },
      ],
      (c) => matchPerson(wanted, c),
    );
    const suggestion = decideConversionSuggestion(ranked, contacts);
    expect(suggestion.organisations.filter((o) => o.suggested).map((o) => o.record.id)).toEqual(['site']);
    expect(suggestion.contacts.map((c) => [c.record.id, c.suggested])).toEqual([
      ['c-elsewhere', false],
      ['c-site', true],
    ]);
  });

  it('given only a possible match, then nothing is selected: creating new stays the default', () => {
    const ranked = rankMatches([orgs[0]!], (o) => matchOrganisation(wanted, o));
    expect(decideConversionSuggestion(ranked, []).organisations.map((o) => o.suggested)).toEqual([false]);
  });
});
