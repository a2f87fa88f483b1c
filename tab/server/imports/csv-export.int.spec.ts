import { ALICE, BOB, MALLORY, workspaceWith } from '../testing/test-server';
import {
  csvText,
  leadRows,
  parseCsv,
  startCsvTestServer,
  TEMPLATE,
  type CsvTestServer,
} from '../testing/csv-test-server';

let server: CsvTestServer;
beforeAll(async () => {
  server = await startCsvTestServer({ inlineMaxRows: 1000 });
});
afterAll(() => server.worker.stop());

const exportOf = async (ws: string, plural: string, actor = ALICE) =>
  server.getPath(actor, `/api/v1/workspaces/${ws}/${plural}/export`);

describe('GET /{kind}/export', () => {
  it('streams leads as a UTF-8 CSV attachment with a BOM, one row per lead under a stable header', async () => {
    const ws = await workspaceWith(server, ALICE);
    expect(
      (await server.importCsv(ALICE, ws, csvText([TEMPLATE, ...leadRows(25, 'exp')]))).body.created,
    ).toBe(25);

    const res = await exportOf(ws, 'leads');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.text.startsWith('\uFEFFid,firstName,lastName,email,company,')).toBe(true);
    const [header, ...rows] = parseCsv(res.text.slice(1));
    expect(rows).toHaveLength(25);
    const byEmail = new Map(rows.map((r) => [r[header!.indexOf('email')], r]));
    expect(byEmail.get('exp.1@example.com')?.[header!.indexOf('lastName')]).toBe('Gonçalves');
  });

  it('round-trips: an exported file imports into another workspace as the same leads', async () => {
    const from = await workspaceWith(server, ALICE);
    await server.importCsv(ALICE, from, csvText([TEMPLATE, ...leadRows(30, 'trip')]));
    const exported = (await exportOf(from, 'leads')).text;

    const to = await workspaceWith(server, ALICE);
    const imported = await server.importCsv(ALICE, to, exported);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ total: 30, created: 30, errorCount: 0, duplicateCount: 0 });
    // Every column of our export is read back, the status and dates too.
    expect(imported.body.ignoredColumns).toEqual([]);

    const pick = (text: string) => {
      const [header, ...rows] = parseCsv(text.slice(1));
      const keep = [
        'firstName',
        'lastName',
        'email',
        'company',
        'title',
        'phone',
        'source',
        'status',
        'createdAt',
      ].map((c) => header!.indexOf(c));
      return rows.map((r) => keep.map((i) => r[i])).sort((a, b) => String(a[2]).localeCompare(String(b[2])));
    };
    expect(pick((await exportOf(to, 'leads')).text)).toEqual(pick(exported));
  });

  it('round-trips every kind: organisations, contacts and opportunities export and import back unchanged, links kept', async () => {
    const from = await workspaceWith(server, ALICE);
    const alice = await server.as(ALICE);
    const post = async (plural: string, body: object) => {
      const res = await alice.post(`/api/v1/workspaces/${from}/${plural}`, body);
      expect(res.status).toBe(201);
      return res.body as { id: string };
    };
    const bakkerij = await post('organisations', {
      name: 'Bakkerij de Vries',
      website: 'https://bakkerij.nl',
      city: 'Haarlem',
    });
    const fisk = await post('organisations', { name: 'Østby Fisk AS', country: 'Norway' });
    const sanne = await post('contacts', {
      firstName: 'Sanne',
      lastName: 'de Vries',
      email: 'sanne@bakkerij.nl',
      organisationId: bakkerij.id,
    });
    await post('contacts', {
      firstName: 'Kari',
      lastName: 'Østby',
      organisationId: fisk.id,
      title: 'Daglig leder',
    });
    await post('opportunities', {
      name: 'Ovens',
      organisationId: bakkerij.id,
      primaryContactId: sanne.id,
      amount: 12500,
      currency: 'EUR',
      closeDate: '2026-12-31',
    });
    await post('opportunities', {
      name: 'Nets',
      organisationId: fisk.id,
      amount: 9500,
      currency: 'NOK',
      closeDate: '2027-01-31',
    });

    const to = await workspaceWith(server, ALICE);
    const files: Record<string, string> = {};
    for (const plural of ['organisations', 'contacts', 'opportunities']) {
      files[plural] = (await exportOf(from, plural)).text;
      const imported = await server.http
        .post(`/api/v1/workspaces/${to}/${plural}/import`)
        .set('Authorization', `Bearer ${await server.tokenFor(ALICE)}`)
        .set('Content-Type', 'text/csv')
        .send(files[plural]);
      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ created: 2, errors: 0, skipped: 0, ignoredColumns: [] });
    }
    // The second workspace exports the same files: the same records, ids, links and values.
    for (const plural of ['organisations', 'contacts', 'opportunities']) {
      const [header, ...rows] = parseCsv((await exportOf(to, plural)).text.slice(1));
      const [original, ...originalRows] = parseCsv(files[plural]!.slice(1));
      expect(header).toEqual(original);
      const without = (cells: string[]) =>
        cells.filter((_, i) => !['updatedAt', 'updatedBy', 'workspaceId'].includes(String(header![i])));
      expect(rows.map(without).sort()).toEqual(originalRows.map(without).sort());
    }
  });

  it('escapes cells a spreadsheet would run as a formula, and the import takes the escape off again', async () => {
    const ws = await workspaceWith(server, ALICE);
    const alice = await server.as(ALICE);
    const created = await alice.post(`/api/v1/workspaces/${ws}/leads`, {
      lastName: '=HYPERLINK("http://evil.example","Klik")',
      company: '@SUM(1+1)',
      phone: '+47 22 33 44 55',
      title: '-Directeur',
    });
    expect(created.status).toBe(201);

    const text = (await exportOf(ws, 'leads')).text;
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Klik"")"`);
    const [header, row] = parseCsv(text.slice(1));
    const cell = (name: string) => row?.[header!.indexOf(name)];
    expect([cell('lastName'), cell('company'), cell('phone'), cell('title')]).toEqual([
      `'=HYPERLINK("http://evil.example","Klik")`,
      `'@SUM(1+1)`,
      `'+47 22 33 44 55`,
      `'-Directeur`,
    ]);
    for (const [i, value] of row!.entries())
      if (i !== header!.indexOf('description')) expect(value).not.toMatch(/^[=+\-@\t\r]/);

    const other = await workspaceWith(server, ALICE);
    expect((await server.importCsv(ALICE, other, text)).body.created).toBe(1);
    const back = await alice.get(`/api/v1/workspaces/${other}/leads`);
    expect(back.body.items[0]).toMatchObject({ phone: '+47 22 33 44 55', company: '@SUM(1+1)' });
  });

  it('stays inert where Excel splits on ; (nl, nb, pt-BR) or tab, and the import restores every cell', async () => {
    const ws = await workspaceWith(server, ALICE);
    const alice = await server.as(ALICE);
    const hostile = {
      firstName: 'x;=1+1',
      lastName: 'Jansen;+cmd|"/c calc"!A0',
      company: 'Bakkerij, @SUM(A1:A2)',
      title: 'a\t-2+3',
      phone: '06;"=1+1"',
      description: 'line one\n=HYPERLINK("http://evil.example")\r\n\'=already quoted;\'@x',
    };
    expect((await alice.post(`/api/v1/workspaces/${ws}/leads`, hostile)).status).toBe(201);

    const text = (await exportOf(ws, 'leads')).text.slice(1);
    for (const delimiter of [',', ';', '\t']) {
      for (const cell of parseCsv(text, delimiter).flat())
        expect({ delimiter, cell }).not.toEqual({ delimiter, cell: expect.stringMatching(/^[ "]*[=+\-@]/) });
    }

    const other = await workspaceWith(server, ALICE);
    expect((await server.importCsv(ALICE, other, text)).body.created).toBe(1);
    const back = await alice.get(`/api/v1/workspaces/${other}/leads`);
    expect(back.body.items[0]).toMatchObject(hostile);
  });

  it('exports organisations, contacts and opportunities with the organisation named', async () => {
    const ws = await workspaceWith(server, ALICE);
    const alice = await server.as(ALICE);
    const org = await alice.post(`/api/v1/workspaces/${ws}/organisations`, { name: 'Ødegård Bygg AS' });
    await alice.post(`/api/v1/workspaces/${ws}/contacts`, {
      organisationId: org.body.id,
      lastName: 'Ødegård',
    });
    await alice.post(`/api/v1/workspaces/${ws}/opportunities`, {
      organisationId: org.body.id,
      name: 'Tak',
      amount: 125000,
      currency: 'NOK',
    });
    for (const plural of ['organisations', 'contacts', 'opportunities']) {
      const res = await exportOf(ws, plural);
      expect(res.status).toBe(200);
      const [header, ...rows] = parseCsv(res.text.slice(1));
      expect(rows).toHaveLength(1);
      const column = plural === 'organisations' ? 'name' : 'organisation';
      expect(rows[0]?.[header!.indexOf(column)]).toBe('Ødegård Bygg AS');
    }
  });

  it('shows outsiders nothing: 404 for another member-less user and for another tenant', async () => {
    const ws = await workspaceWith(server, ALICE);
    await server.importCsv(ALICE, ws, csvText([TEMPLATE, ['', 'SECRET-LEAD', '', '', '', '', '', '']]));
    for (const actor of [BOB, MALLORY]) {
      const res = await exportOf(ws, 'leads', actor);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('SECRET');
    }
  });

  it('is not read as a lead id, and other methods are 405', async () => {
    const ws = await workspaceWith(server, ALICE);
    const res = await server.http
      .post(`/api/v1/workspaces/${ws}/leads/export`)
      .set('Authorization', `Bearer ${await server.tokenFor(ALICE)}`);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
  });
});
