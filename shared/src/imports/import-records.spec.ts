import { fixtureRows } from '../testing/csv-fixtures';
import { DEFAULT_STAGES } from '../opportunity/stage';
import type { Lead } from '../lead/lead';
import {
  EMPTY_REFERENCES,
  indexMembers,
  indexNames,
  indexOrganisations,
  type ImportLookups,
} from './import-lookups';
import { resolveMapping } from './import-mapping';
import { buildImportedRecord, NO_DISQUALIFICATION_REASON } from './import-records';
import { readImportRow, type RowRead } from './import-row';
import type { ImportKind } from './import-fields';

const NOW = '2026-12-01T12:00:00.000Z';
const lookups = (overrides: Partial<ImportLookups> = {}): ImportLookups => ({
  actor: 'anna',
  members: indexMembers([
    { userId: 'alex', name: 'Alex Wilber' },
    { userId: 'megan', name: 'Megan Bowen' },
    { userId: 'adele', name: 'Adele Vance' },
  ]),
  campaigns: indexNames([{ id: 'camp-1', name: 'Vakbeurs Utrecht' }]),
  stages: DEFAULT_STAGES,
  defaultCurrency: 'EUR',
  organisations: EMPTY_REFERENCES,
  contacts: EMPTY_REFERENCES,
  ...overrides,
});

/** Every data row of a fixture, read and built as an import would (without duplicates or storage). */
function importFixture(kind: ImportKind, file: string, with_: Partial<ImportLookups> = {}) {
  const [header = [], ...rows] = fixtureRows(file);
  const resolved = resolveMapping(kind, header);
  if (!resolved.ok) throw new Error(resolved.error.message);
  const look = lookups(with_);
  let n = 0;
  return rows.map((cells, i) => {
    const read: RowRead = readImportRow(resolved.value.mapping, look, header, cells, i + 2);
    if (read.type !== 'record') return read;
    const built = buildImportedRecord(kind, read.row, read.values, read.imported, look, {
      workspaceId: 'ws',
      actor: 'anna',
      now: NOW,
      newId: () => `new-${++n}`,
      settings: { stages: DEFAULT_STAGES, defaultCurrency: 'EUR' },
      defaultOwner: () => 'anna',
    });
    return built.ok
      ? { type: 'built' as const, row: read.row, uses: read.uses, record: built.value.record }
      : { type: 'error' as const, row: read.row, errors: built.error };
  });
}

describe('a Salesforce lead report export, row by row', () => {
  const rows = importFixture('lead', 'salesforce-leads-report.csv');
  const lead = (row: number) => {
    const found = rows.find((r) => 'row' in r && r.row === row);
    if (found?.type !== 'built') throw new Error(`row ${row} is ${JSON.stringify(found)}`);
    return found.record as Lead;
  };

  it('given an open lead from a trade show, then every field has its place and the owner is the member of that name', () => {
    expect(lead(2)).toMatchObject({
      externalId: '00Q5g00000AbCd1',
      firstName: 'Pieter',
      lastName: 'Jansen',
      company: 'Jansen Transport BV',
      mobile: '+31 6 1234 5678',
      source: 'trade-show',
      status: 'open-not-contacted',
      rating: 'hot',
      industry: 'Transportation',
      annualRevenue: 2500000,
      employees: 45,
      address: 'Keizersgracht 1',
      city: 'Amsterdam',
      region: 'Noord-Holland',
      postalCode: '1015 CJ',
      country: 'Netherlands',
      ownerId: 'alex',
      createdAt: '2026-11-22T00:00:00.000Z',
      updatedAt: '2026-11-22T00:00:00.000Z',
    });
  });

  it("given 'Advertisement', then the source is other and the file's word is kept on the lead", () => {
    expect(lead(3)).toMatchObject({
      source: 'other',
      importedValues: { source: 'Advertisement' },
      status: 'working-contacted',
      annualRevenue: 1200000,
    });
  });

  it("given 'Seminar - Internal' and 'Closed - Not Converted', then an event lead is disqualified with its description as no reason", () => {
    expect(lead(4)).toMatchObject({
      source: 'event',
      importedValues: { source: 'Seminar - Internal' },
      status: 'closed-not-converted',
      disqualificationReason: NO_DISQUALIFICATION_REASON,
      firstName: 'Ørjan',
      lastName: 'Ødegård',
    });
  });

  it('given a closed-converted lead, then it is skipped with why', () => {
    expect(rows[3]).toMatchObject({ type: 'skip', row: 5, skip: { reason: 'converted' } });
  });

  it('given an owner who is no member, then the importer owns it and the name is kept', () => {
    expect(lead(6)).toMatchObject({
      ownerId: 'anna',
      importedValues: { owner: 'Someone Who Left' },
      annualRevenue: 750000,
    });
  });

  it('given a bad email, then the row is in error with the value', () => {
    expect(rows[5]).toMatchObject({
      type: 'error',
      row: 7,
      errors: [{ field: 'email', code: 'invalid-email', value: 'lotte@devries-bakkerij' }],
    });
  });

  it("given a status Salesforce's four do not have, then it maps to ours or the default, the original kept", () => {
    expect(lead(8)).toMatchObject({ status: 'working-contacted', importedValues: { status: 'Nurturing' } });
  });
});

describe('other exports', () => {
  it('given the Data Export, then deleted and converted rows are skipped and the Id is kept', () => {
    const rows = importFixture('lead', 'salesforce-leads-data-export.csv');
    expect(rows.map((r) => r.type)).toEqual(['built', 'built', 'skip', 'skip']);
    expect(rows[2]).toMatchObject({ skip: { reason: 'deleted' } });
    expect(rows[3]).toMatchObject({ skip: { reason: 'converted' } });
    expect(rows[0]).toMatchObject({
      record: {
        externalId: '00Q5g00000XyZ01',
        createdAt: '2026-11-22T09:15:00.000Z',
        updatedAt: '2026-11-23T10:00:00.000Z',
      },
    });
  });

  it('given HubSpot contacts as leads, then lifecycle stages and lead statuses map, and a customer is skipped', () => {
    const rows = importFixture('lead', 'hubspot-contacts.csv');
    expect(rows[0]).toMatchObject({
      record: { status: 'open-not-contacted', source: 'web', industry: 'Food Beverages', externalId: '1001' },
    });
    expect(rows[1]).toMatchObject({
      record: { status: 'working-contacted', importedValues: { employees: '51-200' } },
    });
    expect(rows[2]).toMatchObject({ type: 'skip', skip: { reason: 'converted' } });
    expect(rows[3]).toMatchObject({
      record: { status: 'closed-not-converted', importedValues: { status: 'Bad Timing' } },
    });
  });

  it('given Pipedrive people as leads, then a whole name splits and labels are ratings', () => {
    const rows = importFixture('lead', 'pipedrive-people.csv');
    expect(rows[0]).toMatchObject({
      record: { firstName: 'Fernanda', lastName: 'Lima', rating: 'hot', company: 'Lima Consultoria' },
    });
    expect(rows[3]).toMatchObject({
      record: { firstName: 'Customer', lastName: 'Person', importedValues: { rating: 'Customer' } },
    });
  });

  it('given Salesforce opportunities, then stages map to ours, a lost one keeps its reason, an unknown stage starts at the first', () => {
    const organisations = indexOrganisations([
      { id: 'org-jansen', name: 'Jansen Transport BV', externalId: '0015g00000Acc01' },
      { id: 'org-souza', name: 'Souza & Filhos Ltda', externalId: '0015g00000Acc02' },
      { id: 'org-odegard', name: 'Ødegård Fiskeri AS', externalId: '0015g00000Acc03' },
    ]);
    const rows = importFixture('opportunity', 'salesforce-opportunities-report.csv', { organisations });
    expect(rows.map((r) => ('record' in r ? (r.record as { stage: string }).stage : r.type))).toEqual([
      'proposal',
      'needs-analysis',
      'closed-lost',
      'closed-won',
      'prospecting',
    ]);
    expect(rows[0]).toMatchObject({
      record: {
        organisationId: 'org-jansen',
        amount: 125000,
        currency: 'EUR',
        closeDate: '2026-12-15',
        probability: 75,
      },
    });
    expect(rows[1]).toMatchObject({
      record: { probability: 60, probabilityOverridden: true, currency: 'BRL' },
    });
    expect(rows[2]).toMatchObject({ record: { lostReason: 'Price', probability: 0 } });
    expect(rows[4]).toMatchObject({
      uses: [{ field: 'stage', value: 'Contract Review', how: 'ask', to: 'prospecting' }],
    });
  });

  it('given contacts whose account is not imported, then that row says so with the value', () => {
    const organisations = indexOrganisations([
      { id: 'org-jansen', name: 'Jansen Transport BV', externalId: '0015g00000Acc01' },
    ]);
    const rows = importFixture('contact', 'salesforce-contacts-report.csv', { organisations });
    expect(rows[0]).toMatchObject({ record: { organisationId: 'org-jansen' } });
    expect(rows[1]).toMatchObject({
      type: 'error',
      errors: [{ code: 'organisation-not-found', value: 'Souza & Filhos Ltda' }],
    });
    expect(rows[2]).toMatchObject({
      type: 'error',
      errors: [{ code: 'organisation-not-found', value: '0015g00000Acc99' }],
    });
  });
});
