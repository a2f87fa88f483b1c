import type { Lead } from '@crm/shared';
import { ALICE, workspaceWith } from '../testing/test-server';
import { csvText, startCsvTestServer, type CsvTestServer } from '../testing/csv-test-server';

/**
 * Preview, then import with an explicit mapping (issue 21 item 3): the value answers a client sends
 * next to the column mapping are what the stored records carry; an answer naming a value we do not
 * have is refused (400 IMPORT.INVALID_MAPPING, naming it) and leaves the preview to try again.
 */
let server: CsvTestServer;
beforeAll(async () => {
  server = await startCsvTestServer({ inlineMaxRows: 50 });
});
afterAll(() => server.worker.stop());

const SALESFORCE = csvText([
  ['First Name', 'Last Name', 'Company', 'Email', 'Lead Source', 'Lead Status', 'Shoe Size'],
  [
    'Ørjan',
    'Ødegård',
    'Ødegård Fiskeri AS',
    'orjan@fisk.no',
    'Seminar - Internal',
    'Open - Not Contacted',
    '44',
  ],
  ['João', 'Gonçalves', 'Gonçalves Lda', 'joao@lda.pt', 'Advertisement', 'Working - Contacted', '41'],
]);

const upload = async (ws: string, csv: string, kind = 'lead') =>
  server.http
    .post(`/api/v1/workspaces/${ws}/imports/previews?kind=${kind}`)
    .set('Authorization', `Bearer ${await server.tokenFor(ALICE)}`)
    .set('Content-Type', 'text/csv')
    .send(csv);

async function previewOf(ws: string, csv: string) {
  const res = await upload(ws, csv);
  expect(res.status).toBe(201);
  return res.body as {
    id: string;
    values: { field: string; value: string; to?: string; how: string }[];
    choices: { field: string; options: { value: string }[] }[];
  };
}

const postJson = async (path: string, body: object) =>
  server.http
    .post(path)
    .set('Authorization', `Bearer ${await server.tokenFor(ALICE)}`)
    .send(body);

async function leadsByEmail(ws: string): Promise<Map<string, Lead>> {
  const leads = new Map<string, Lead>();
  for await (const { record } of server.deps.records.scan(ws, 'lead')) leads.set(record.email ?? '', record);
  return leads;
}

describe('an import with an explicit value mapping', () => {
  it('given source and status answers next to the columns, then the stored leads carry exactly those', async () => {
    const ws = await workspaceWith(server, ALICE);
    const preview = await previewOf(ws, SALESFORCE);
    // What the file's values become on their own, and what a client may answer instead.
    expect(preview.values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'source',
          value: 'Seminar - Internal',
          to: 'event',
          how: 'synonym',
        }),
        expect.objectContaining({ field: 'source', value: 'Advertisement', to: 'other', how: 'fallback' }),
      ]),
    );
    expect(preview.choices.find((c) => c.field === 'source')?.options.map((o) => o.value)).toContain(
      'trade-show',
    );

    const res = await postJson(`/api/v1/workspaces/${ws}/imports`, {
      previewId: preview.id,
      mapping: {
        columns: { Company: 'company' },
        values: {
          source: { 'Seminar - Internal': 'trade-show', Advertisement: 'web' },
          status: { 'Open - Not Contacted': 'working-contacted' },
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, errors: 0, ignoredColumns: ['Shoe Size'] });
    expect(res.body.valueMappings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'source',
          value: 'Seminar - Internal',
          to: 'trade-show',
          how: 'chosen',
        }),
      ]),
    );

    const leads = await leadsByEmail(ws);
    expect(leads.get('orjan@fisk.no')).toMatchObject({
      source: 'trade-show',
      status: 'working-contacted',
      lastName: 'Ødegård',
    });
    // Not answered: the synonym table's word still applies to the rest.
    expect(leads.get('joao@lda.pt')).toMatchObject({ source: 'web', status: 'working-contacted' });
  });

  it('given an answer that is not one of our values, then 400 IMPORT.INVALID_MAPPING names it and the preview stays', async () => {
    const ws = await workspaceWith(server, ALICE);
    const preview = await previewOf(ws, SALESFORCE);
    const bad = await postJson(`/api/v1/workspaces/${ws}/imports`, {
      previewId: preview.id,
      mapping: { values: { source: { 'Seminar - Internal': 'webinar' } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('IMPORT.INVALID_MAPPING');
    expect(bad.body.fields).toEqual({
      'values.source.Seminar - Internal': '"webinar" is not a source of ours',
    });
    expect(bad.body.detail ?? bad.body.message ?? '').toContain('webinar');

    // A re-check with the same answer is refused alike; nothing was written.
    const recheck = await postJson(`/api/v1/workspaces/${ws}/imports/previews/${preview.id}`, {
      mapping: { values: { status: { Open: 'maybe-later' } } },
    });
    expect(recheck.status).toBe(400);
    expect(recheck.body.fields).toEqual({ 'values.status.Open': '"maybe-later" is not a status of ours' });
    expect((await leadsByEmail(ws)).size).toBe(0);

    // The preview was kept: the corrected answer imports.
    const good = await postJson(`/api/v1/workspaces/${ws}/imports`, {
      previewId: preview.id,
      mapping: { values: { source: { 'Seminar - Internal': 'trade-show' } } },
    });
    expect(good.status).toBe(200);
    expect((await leadsByEmail(ws)).get('orjan@fisk.no')?.source).toBe('trade-show');
  });

  it('given a stage the workspace does not have, then the preview asks and the answer given is the stored stage', async () => {
    const ws = await workspaceWith(server, ALICE);
    const orgs = csvText([['Account Name'], ['Ødegård Fiskeri AS']]);
    const orgPreview = await upload(ws, orgs, 'organisation');
    expect(
      (await postJson(`/api/v1/workspaces/${ws}/imports`, { previewId: orgPreview.body.id })).status,
    ).toBe(200);
    const deals = csvText([
      ['Opportunity Name', 'Account Name', 'Stage', 'Amount'],
      ['Nets 2027', 'Ødegård Fiskeri AS', 'Verbal Commitment', '12000'],
    ]);
    const res = await upload(ws, deals, 'opportunity');
    expect(res.status).toBe(201);
    expect(res.body.values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'stage', value: 'Verbal Commitment', how: 'ask' }),
      ]),
    );
    const stages = res.body.choices.find((c: { field: string }) => c.field === 'stage').options;
    expect(stages.map((o: { value: string }) => o.value)).toContain('negotiation');

    const imported = await postJson(`/api/v1/workspaces/${ws}/imports`, {
      previewId: res.body.id,
      mapping: { values: { stage: { 'Verbal Commitment': 'negotiation' } } },
    });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ created: 1, errors: 0 });
    const stored = [];
    for await (const { record } of server.deps.records.scan(ws, 'opportunity')) stored.push(record);
    expect(stored.map((o) => o.stage)).toEqual(['negotiation']);
  });
});
