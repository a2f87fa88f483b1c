import {
  indexCampaigns,
  isBlankRow,
  readImportHeader,
  readImportRow,
  type ImportHeader,
} from './lead-import';

const header = (cells: string[]): ImportHeader => {
  const read = readImportHeader(cells);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.value;
};
const TEMPLATE = ['firstName', 'lastName', 'email', 'company', 'title', 'phone', 'source', 'campaign'];
const campaigns = indexCampaigns([
  { id: 'camp-1', name: 'Vakbeurs Utrecht 2026' },
  { id: 'camp-2', name: 'Webinar' },
  { id: 'camp-3', name: 'webinar ' },
]);
const row = (cells: string[], rowNumber = 2, columns = TEMPLATE) =>
  readImportRow(header(columns), cells, rowNumber, campaigns);

describe('readImportHeader', () => {
  it('given the template columns, then each cell position feeds its column', () => {
    expect(header(TEMPLATE).columns).toEqual(TEMPLATE);
  });

  it('given names in another case, with spaces, underscores or a BOM, then they are recognised', () => {
    expect(header(['\uFEFFFirst Name', ' LAST_NAME ', 'E-mail', 'company']).columns).toEqual([
      'firstName',
      'lastName',
      'email',
      'company',
    ]);
  });

  it('given columns of our own export, then they are skipped and reported; blank header cells are skipped', () => {
    const read = header(['id', 'lastName', 'status', '', 'createdAt']);
    expect(read.columns).toEqual([undefined, 'lastName', undefined, undefined, undefined]);
    expect(read.ignored).toEqual(['id', 'status', 'createdAt']);
  });

  it.each([
    [['firstName', 'email'], { lastName: 'required column' }],
    [['lastName', 'Fax'], { Fax: expect.stringContaining('unknown column; use firstName, lastName, email') }],
    [['lastName', 'Last Name'], { 'Last Name': 'lastName appears twice' }],
    [[''], { lastName: 'required column' }],
  ])('given %j, then it is IMPORT.INVALID_HEADER with %j', (cells, fields) => {
    const read = readImportHeader(cells);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.code).toBe('IMPORT.INVALID_HEADER');
    expect(read.error.fields).toEqual(fields);
    expect(read.error.details?.knownColumns).toContain('campaign');
  });
});

describe('readImportRow', () => {
  it('given accented Dutch, Portuguese and Norwegian names, then they are kept as written', () => {
    const outcome = row(
      ['João', 'Gonçalves-Sørensen', 'joao@exemplo.pt', 'Ærøskøbing Fiskeri', 'Diretor', '', 'web', ''],
      7,
    );
    expect(outcome).toEqual({
      type: 'valid',
      row: 7,
      input: {
        firstName: 'João',
        lastName: 'Gonçalves-Sørensen',
        email: 'joao@exemplo.pt',
        company: 'Ærøskøbing Fiskeri',
        title: 'Diretor',
        source: 'web',
      },
    });
  });

  it.each([
    ['', 'other'],
    ['Trade Show', 'trade-show'],
    ['PARTNER_REFERRAL', 'partner-referral'],
    [' phone-inquiry ', 'phone-inquiry'],
  ])('given source %j, then the lead comes from %s', (source, id) => {
    const outcome = row(['', 'Jansen', '', '', '', '', source, '']);
    expect(outcome.type === 'valid' && outcome.input.source).toBe(id);
  });

  it('given an unknown source, then the row is rejected with the known ids', () => {
    expect(row(['', 'Jansen', '', '', '', '', 'newspaper', ''], 4)).toEqual({
      type: 'invalid',
      row: 4,
      errors: [
        {
          row: 4,
          field: 'source',
          code: 'unknown-source',
          message: expect.stringContaining('web, phone-inquiry, customer-referral'),
        },
      ],
    });
  });

  it('given a missing last name and a bad email, then both are reported for that row', () => {
    const outcome = row(['Piet', '  ', 'not-an-email', '', '', '', '', ''], 12);
    expect(outcome.type).toBe('invalid');
    if (outcome.type !== 'invalid') return;
    expect(outcome.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [12, 'lastName', 'required'],
      [12, 'email', 'invalid'],
    ]);
  });

  it('given a last name longer than 100 characters, then it is too long', () => {
    const outcome = row(['', 'x'.repeat(101), '', '', '', '', '', '']);
    expect(outcome.type === 'invalid' && outcome.errors[0]?.code).toBe('too-long');
  });

  it.each([
    ['camp-1', 'camp-1'],
    ['vakbeurs  utrecht 2026', 'camp-1'],
  ])('given campaign %j, then it is resolved to %s by id or name', (campaign, id) => {
    const outcome = row(['', 'Jansen', '', '', '', '', '', campaign]);
    expect(outcome.type === 'valid' && outcome.input.campaignId).toBe(id);
  });

  it.each([
    ['Nieuwsbrief', 'unknown-campaign'],
    ['WEBINAR', 'ambiguous-campaign'],
  ])('given campaign %j, then the row is rejected as %s', (campaign, code) => {
    const outcome = row(['', 'Jansen', '', '', '', '', '', campaign]);
    expect(outcome.type === 'invalid' && outcome.errors.map((e) => [e.field, e.code])).toEqual([
      ['campaign', code],
    ]);
  });

  it('given fewer cells than columns, then the missing ones are empty', () => {
    expect(row(['Kari', 'Nordmann'])).toMatchObject({
      type: 'valid',
      input: { firstName: 'Kari', lastName: 'Nordmann' },
    });
  });

  it('given more non-empty cells than columns, then the row is rejected; trailing empty cells are fine', () => {
    expect(row(['', 'Nordmann', '', '', '', '', '', '', '', ''])).toMatchObject({ type: 'valid' });
    const outcome = row(['', 'Nordmann', '', '', '', '', '', '', 'extra'], 3);
    expect(outcome.type === 'invalid' && outcome.errors).toEqual([
      { row: 3, field: '(row)', code: 'too-many-cells', message: expect.any(String) },
    ]);
  });

  it('given cells our export protected from formulas, then the protecting quote is taken off', () => {
    const outcome = row(['', 'Hansen', '', "'=Hansen AS", '', "'+47 22 33 44 55", '', '']);
    expect(outcome).toMatchObject({
      type: 'valid',
      input: { company: '=Hansen AS', phone: '+47 22 33 44 55' },
    });
  });

  it('given a row of empty or blank cells, then it is blank and not an error', () => {
    expect(row(['', '  ', ''])).toEqual({ type: 'blank' });
    expect(isBlankRow([''])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
  });

  it('given a header with skipped columns, then their cells are not read', () => {
    const outcome = row(['01J', 'Berg', 'closed-converted'], 2, ['id', 'lastName', 'status']);
    expect(outcome).toEqual({ type: 'valid', row: 2, input: { lastName: 'Berg', source: 'other' } });
  });
});
