import { detectColumns } from '../../imports/import-mapping';
import { anActor, asCaller, codeOf, expectOk, inMemoryApp } from '../../testing/app-harness';
import { createCampaign } from '../campaign/campaign.use-case';
import { createContact } from '../contact/contact.use-case';
import { EXPORT_COLUMNS, EXPORT_KINDS } from '../../records/export-columns';
import { exportRecords } from './export-records.use-case';
import { createLead } from '../lead/lead.use-case';
import { createOpportunity } from '../opportunity/opportunity.use-case';
import { createOrganisation } from '../organisation/organisation.use-case';
import { createWorkspace } from '../workspace/workspace.use-case';

const anna = anActor();
const caller = asCaller(anna);

async function rowsOf(rows: AsyncIterable<readonly string[]>): Promise<(readonly string[])[]> {
  const all: (readonly string[])[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

async function given() {
  const app = inMemoryApp();
  const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'Vendas' })).record.id;
  return { app, ws };
}

describe('exportRecords', () => {
  it('given leads, then each is a row under stable columns, with the campaign by name and booleans as text', async () => {
    const { app, ws } = await given();
    const campaign = expectOk(
      await createCampaign(app.deps, caller, ws, { name: 'Webinar março', type: 'webinar' }),
    );
    const lead = expectOk(
      await createLead(app.deps, caller, ws, {
        firstName: 'João',
        lastName: 'Gonçalves',
        email: 'joao@exemplo.pt',
        campaignId: campaign.record.id,
        qualification: { budget: true },
      }),
    );
    const table = expectOk(await exportRecords(app.deps, caller, ws, 'lead'));
    const [row] = await rowsOf(table.rows);
    const cell = (name: string) => row?.[table.columns.indexOf(name)];

    expect(table.columns.slice(0, 4)).toEqual(['id', 'firstName', 'lastName', 'email']);
    expect(row).toHaveLength(table.columns.length);
    expect([cell('id'), cell('firstName'), cell('campaign'), cell('campaignId')]).toEqual([
      lead.record.id,
      'João',
      'Webinar março',
      campaign.record.id,
    ]);
    expect([cell('budget'), cell('authority'), cell('convertedAt'), cell('status')]).toEqual([
      'true',
      'false',
      '',
      'open-not-contacted',
    ]);
  });

  it('given contacts and opportunities, then their organisation is named beside its id and amounts are plain numbers', async () => {
    const { app, ws } = await given();
    const org = expectOk(await createOrganisation(app.deps, caller, ws, { name: 'Fiskeri AS' }));
    expectOk(await createContact(app.deps, caller, ws, { organisationId: org.record.id, lastName: 'Berg' }));
    expectOk(
      await createOpportunity(app.deps, caller, ws, {
        organisationId: org.record.id,
        name: 'Nye garn',
        amount: 12500.5,
        currency: 'NOK',
      }),
    );
    for (const kind of ['contact', 'opportunity'] as const) {
      const table = expectOk(await exportRecords(app.deps, caller, ws, kind));
      const [row] = await rowsOf(table.rows);
      expect(row?.[table.columns.indexOf('organisation')]).toBe('Fiskeri AS');
    }
    const deals = expectOk(await exportRecords(app.deps, caller, ws, 'opportunity'));
    const [deal] = await rowsOf(deals.rows);
    expect(deal?.[deals.columns.indexOf('amount')]).toBe('12500.5');
  });

  it('given any kind, then the column names are unique', () => {
    for (const kind of EXPORT_KINDS) {
      const names = EXPORT_COLUMNS[kind].map(([name]) => name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it.each(EXPORT_KINDS)(
    'given the %s export, then an import reads every column, so the file imports back',
    (kind) => {
      const columns = detectColumns(
        kind,
        EXPORT_COLUMNS[kind].map(([name]) => name),
      );
      expect(columns.filter((c) => c.field === null).map((c) => c.header)).toEqual([]);
    },
  );

  it('given a stranger, then there is nothing to export', async () => {
    const { app, ws } = await given();
    expect(codeOf(await exportRecords(app.deps, asCaller(anActor({ userId: 'user-x' })), ws, 'lead'))).toBe(
      'WORKSPACE.NOT_FOUND',
    );
  });
});
