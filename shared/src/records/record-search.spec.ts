import { aLead, anOrganisation } from '../testing/builders';
import {
  byChronology,
  drivingToken,
  listedUnder,
  matchesFilters,
  MAX_INDEXED_TOKENS,
  recordEmail,
  recordIndexTokens,
  recordSearchTokens,
  websiteHost,
} from './record-search';

describe('record search', () => {
  it('finds a lead by first and last name, company and email, accents folded', () => {
    const lead = aLead({
      firstName: 'João',
      lastName: 'Ødegård',
      company: 'Fjord AS',
      email: 'Joao@Fjord.no',
    });

    expect(recordSearchTokens('lead', lead)).toEqual([
      'as',
      'fjord',
      'joao',
      'joao@fjord.no',
      'no',
      'odegard',
    ]);
  });

  it('finds an organisation by name and website host', () => {
    const org = anOrganisation({ name: 'Bloem B.V.', website: 'https://www.Bloem.nl/over-ons' });

    expect(recordSearchTokens('organisation', org)).toEqual(['b', 'bloem', 'bloem.nl', 'nl', 'v']);
  });

  it('caps the tokens, keeping the first fields', () => {
    const lead = aLead({
      firstName: 'a b c d e f g h i j k l m n o p q r',
      lastName: 'Zed',
      company: undefined,
      email: undefined,
    });

    const tokens = recordSearchTokens('lead', lead);

    expect(tokens).toHaveLength(MAX_INDEXED_TOKENS);
    expect(tokens).not.toContain('zed');
  });

  it.each([
    ['https://www.example.no/om-oss', 'example.no'],
    ['example.pt', 'example.pt'],
    ['http://shop.exemplo.com.br:8080?x=1', 'shop.exemplo.com.br'],
    ['', undefined],
    [undefined, undefined],
  ])('reads the host of %p as %p', (website, host) => {
    expect(websiteHost(website)).toBe(host);
  });

  it('knows the email of leads and contacts only', () => {
    expect(recordEmail('lead', aLead({ email: ' Ana@X.PT ' }))).toBe('ana@x.pt');
    expect(recordEmail('organisation', anOrganisation({ email: 'info@x.pt' }))).toBeUndefined();
  });

  it('drives a search by its longest token; no token means no search', () => {
    expect(drivingToken('jan de vries')).toBe('vries');
    expect(drivingToken(' -- ')).toBeUndefined();
    expect(drivingToken('pieter.dahl.7@molen.example')).toBe('pieter.dahl.7@molen.example');
    expect(drivingToken('Jan@Bloem vries')).toBe('jan@bloem');
  });

  it('lists a record once, under its smallest matching token', () => {
    expect(listedUnder(['joana', 'joao', 'silva'], 'jo')).toBe('joana');
    expect(listedUnder(['silva'], 'jo')).toBeUndefined();
  });

  it('indexes words of names and the email whole, not one-letter, digit-only or email-only words', () => {
    const lead = aLead({
      firstName: 'Jan',
      lastName: 'de Vries',
      company: 'Bloem B.V. 42',
      email: 'jv.7@gmail.com',
    });

    expect(recordSearchTokens('lead', lead)).toEqual(
      expect.arrayContaining(['7', '42', 'b', 'v', 'gmail', 'com', 'jv', 'jv.7@gmail.com']),
    );
    expect(recordIndexTokens('lead', lead)).toEqual(['bloem', 'de', 'jan', 'jv.7@gmail.com', 'vries']);
    expect(
      recordIndexTokens(
        'organisation',
        anOrganisation({ name: 'Solução', website: 'https://solucao.com.br' }),
      ),
    ).toEqual(['solucao', 'solucao.com.br']);
  });

  it('lists a record under its smallest indexed token only', () => {
    expect(listedUnder(['smit'], 'j')).toBeUndefined();
    expect(listedUnder(['jan', 'joao'], 'j')).toBe('jan');
  });

  it('filters on exact values of the named fields', () => {
    const lead = aLead({ source: 'web', ownerId: 'u1' });

    expect(matchesFilters(lead, { source: 'web', ownerId: 'u1' })).toBe(true);
    expect(matchesFilters(lead, { source: 'event' })).toBe(false);
    expect(matchesFilters(lead, undefined)).toBe(true);
  });

  it('orders history by time, then id', () => {
    const changes = [
      { at: '2026-11-02T00:00:00.000Z', id: 'a' },
      { at: '2026-11-01T00:00:00.000Z', id: 'b' },
      { at: '2026-11-01T00:00:00.000Z', id: 'a' },
    ];

    expect([...changes].sort(byChronology)).toEqual([changes[2], changes[1], changes[0]]);
  });
});
