import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportHeader, EXPORT_KINDS } from '../records/export-columns';
import { aliasesOf, fieldOfHeader, headerKey } from './import-headers';
import { IMPORT_KINDS, type ImportKind } from './import-fields';
import { detectColumns, ignoredColumns, resolveMapping } from './import-mapping';

/** The header row of a fixture: a sample export made from the CRM's documented column list. */
const headerOf = (file: string): string[] => {
  const first = readFileSync(join(__dirname, 'fixtures', file), 'utf8').split(/\r?\n/)[0] ?? '';
  return first.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
};

/** `header → field` for the recognised columns, and the ignored ones. */
const detected = (kind: ImportKind, file: string) => {
  const columns = detectColumns(kind, headerOf(file));
  return {
    mapped: Object.fromEntries(columns.filter((c) => c.field).map((c) => [c.header, c.field])),
    ignored: ignoredColumns(columns),
  };
};

describe('headers recognised without a mapping', () => {
  it('given a Salesforce lead report export (labels), then every field it has is found and the rest listed', () => {
    expect(detected('lead', 'salesforce-leads-report.csv')).toEqual({
      mapped: {
        'Lead ID': 'externalId',
        'First Name': 'firstName',
        'Last Name': 'lastName',
        Title: 'title',
        Company: 'company',
        Email: 'email',
        Phone: 'phone',
        Mobile: 'mobile',
        Website: 'website',
        'Lead Source': 'source',
        'Lead Status': 'status',
        Rating: 'rating',
        Industry: 'industry',
        'Annual Revenue': 'annualRevenue',
        'No. of Employees': 'employees',
        Street: 'address',
        City: 'city',
        'State/Province': 'region',
        'Zip/Postal Code': 'postalCode',
        Country: 'country',
        'Lead Owner': 'owner',
        Description: 'description',
        'Create Date': 'createdAt',
      },
      ignored: ['Salutation', 'Fax', 'Email Opt Out'],
    });
  });

  it("given Salesforce's weekly Data Export (API names), then Id is their id and Name a whole name", () => {
    const { mapped, ignored } = detected('lead', 'salesforce-leads-data-export.csv');
    expect(mapped).toMatchObject({
      Id: 'externalId',
      IsDeleted: 'deleted',
      LastName: 'lastName',
      FirstName: 'firstName',
      Name: 'name',
      PostalCode: 'postalCode',
      State: 'region',
      MobilePhone: 'mobile',
      LeadSource: 'source',
      Status: 'status',
      NumberOfEmployees: 'employees',
      OwnerId: 'owner',
      IsConverted: 'converted',
      ConvertedDate: 'convertedAt',
      CreatedDate: 'createdAt',
      LastModifiedDate: 'updatedAt',
    });
    expect(ignored).toEqual([
      'Salutation',
      'Fax',
      'ConvertedAccountId',
      'ConvertedContactId',
      'ConvertedOpportunityId',
      'CreatedById',
      'LastModifiedById',
      'SystemModstamp',
      'LastActivityDate',
    ]);
  });

  it('given a HubSpot contacts export read as leads, then its lifecycle stage feeds the status when Lead Status is empty', () => {
    expect(detected('lead', 'hubspot-contacts.csv')).toEqual({
      mapped: {
        'Record ID': 'externalId',
        'First Name': 'firstName',
        'Last Name': 'lastName',
        Email: 'email',
        'Phone Number': 'phone',
        'Mobile Phone Number': 'mobile',
        'Job Title': 'title',
        'Company Name': 'company',
        'Website URL': 'website',
        Industry: 'industry',
        'Annual Revenue': 'annualRevenue',
        'Number of Employees': 'employees',
        'Street Address': 'address',
        City: 'city',
        'State/Region': 'region',
        'Postal Code': 'postalCode',
        'Country/Region': 'country',
        'Contact owner': 'owner',
        'Lifecycle Stage': 'lifecycleStage',
        'Lead Status': 'status',
        'Original Source': 'source',
        'Create Date': 'createdAt',
        'Last Modified Date': 'updatedAt',
      },
      ignored: ['Marketing contact status', 'Associated Company'],
    });
  });

  it('given a Pipedrive people export read as leads, then the entity prefix is read past and a second email is not imported', () => {
    expect(detected('lead', 'pipedrive-people.csv')).toEqual({
      mapped: {
        'Person - ID': 'externalId',
        'Person - Name': 'name',
        'Person - First name': 'firstName',
        'Person - Last name': 'lastName',
        'Person - Organization': 'company',
        'Person - Email - Work': 'email',
        'Person - Phone - Work': 'phone',
        'Person - Phone - Mobile': 'mobile',
        'Person - Job title': 'title',
        'Person - Owner': 'owner',
        'Person - Label': 'rating',
        'Person - Person created': 'createdAt',
        'Person - Update time': 'updatedAt',
      },
      ignored: [
        'Person - Email - Home',
        'Person - Visible to',
        'Person - Open deals',
        'Person - Next activity date',
      ],
    });
  });

  it.each([
    [
      'organisation',
      'salesforce-accounts-report.csv',
      {
        'Account ID': 'externalId',
        'Account Name': 'name',
        Type: 'status',
        'Billing Zip/Postal Code': 'postalCode',
        'Account Owner': 'owner',
      },
    ],
    [
      'organisation',
      'hubspot-companies.csv',
      {
        'Company name': 'name',
        'Company Domain Name': 'website',
        'About Us': 'description',
        'Lifecycle Stage': 'lifecycleStage',
      },
    ],
    [
      'organisation',
      'pipedrive-organizations.csv',
      {
        'Organization - Name': 'name',
        'Organization - Address': 'address',
        'Organization - Address - City/town/village/locality': 'city',
        'Organization - Label': 'rating',
      },
    ],
    [
      'contact',
      'salesforce-contacts-report.csv',
      { 'Account Name': 'organisation', 'Account ID': 'organisationExternalId', 'Contact Owner': 'owner' },
    ],
    [
      'opportunity',
      'salesforce-opportunities-report.csv',
      {
        'Opportunity Name': 'name',
        'Account ID': 'organisationExternalId',
        Stage: 'stage',
        'Probability (%)': 'probability',
        'Opportunity Currency': 'currency',
        'Loss Reason': 'lostReason',
      },
    ],
    [
      'opportunity',
      'hubspot-deals.csv',
      {
        'Deal Name': 'name',
        'Associated Company IDs': 'organisationExternalId',
        'Deal Stage': 'stage',
        'Closed Lost Reason': 'lostReason',
      },
    ],
    [
      'opportunity',
      'pipedrive-deals.csv',
      {
        'Deal - Title': 'name',
        'Deal - Organization': 'organisation',
        'Deal - Contact person': 'primaryContact',
        'Deal - Value': 'amount',
        'Deal - Status': 'status',
        'Deal - Expected close date': 'closeDate',
      },
    ],
  ] as const)('given a %s export %s, then its columns are found', (kind, file, expected) => {
    expect(detected(kind, file).mapped).toMatchObject(expected);
  });

  it.each(EXPORT_KINDS)(
    'given our own %s export, then every column is read back as the field it is',
    (kind) => {
      const columns = detectColumns(kind, exportHeader(kind));
      const unread = columns.filter((c) => c.field === null).map((c) => c.header);
      expect(unread).toEqual([]);
      expect(columns.find((c) => c.header === 'ownerId')?.field).toBe('owner');
      expect(columns.find((c) => c.header === 'id')?.field).toBe('id');
    },
  );

  it.each([
    ['Voornaam', 'firstName'],
    ['Achternaam', 'lastName'],
    ['Sobrenome', 'lastName'],
    ['Etternavn', 'lastName'],
    ['E-post', 'email'],
    ['Bron', 'source'],
    ['Stilling', 'title'],
    ['Empresa', 'company'],
    ['Postnummer', 'postalCode'],
  ])('given our label %s (nl, pt-BR, nb), then it is %s', (header, field) => {
    expect(fieldOfHeader('lead', header)).toBe(field);
  });

  it("given Salesforce's 'Id' and our 'id', then theirs is the export's own id and ours is our id", () => {
    expect(fieldOfHeader('lead', 'Id')).toBe('externalId');
    expect(fieldOfHeader('lead', 'ID')).toBe('externalId');
    expect(fieldOfHeader('lead', 'id')).toBe('id');
  });

  it.each(IMPORT_KINDS)('given the %s aliases, then no header names two fields', (kind) => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [field, headers] of Object.entries(aliasesOf(kind)))
      for (const header of headers) {
        const seen = owner.get(headerKey(header));
        if (seen && seen !== field) clashes.push(`${header}: ${seen} and ${field}`);
        owner.set(headerKey(header), field);
      }
    expect(clashes).toEqual([]);
  });
});

describe('resolveMapping', () => {
  it('given a header without any name column, then the file is refused naming what is missing', () => {
    const resolved = resolveMapping('lead', ['Email', 'Shoe size']);
    expect(resolved.ok).toBe(false);
    if (resolved.ok) return;
    expect(resolved.error.code).toBe('IMPORT.INVALID_HEADER');
    expect(resolved.error.fields).toEqual({ lastName: 'no column gives it' });
  });

  it('given a mapping that changes a column and drops another, then those win over detection', () => {
    const resolved = resolveMapping('lead', ['Naam', 'Email', 'Notes'], {
      columns: { Naam: 'lastName', Notes: null },
    });
    if (!resolved.ok) throw new Error(resolved.error.message);
    expect(resolved.value.mapping.columns).toEqual(['lastName', 'email', null]);
  });

  it('given a mapping naming a field the kind has not, then it is IMPORT.INVALID_MAPPING', () => {
    const resolved = resolveMapping('organisation', ['Name'], { columns: { Name: 'lastName' } });
    expect(!resolved.ok && resolved.error.code).toBe('IMPORT.INVALID_MAPPING');
  });
});
