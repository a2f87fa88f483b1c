import { domainError } from '../../common/domain-error';
import { err } from '../../common/result';
import type { Lead } from '../../lead/lead';
import { EMPTY_TALLY, type ImportTally } from '../../lead/lead-import-tally';
import { anActor, asCaller, codeOf, expectOk, inMemoryApp } from '../../testing/app-harness';
import { createCampaign } from '../campaign/campaign.use-case';
import { COMMIT_CAPACITY, commitOperations, planCommit } from '../../records/row-plan';
import type { AppDeps } from '../deps';
import { importLeads } from './import-leads.use-case';
import { createLead } from './lead.use-case';
import type { ChangeSet } from '../../records/change-set';
import type { RecordRepository } from '../ports';
import { createWorkspace } from '../workspace/workspace.use-case';

const anna = anActor();
const caller = asCaller(anna);
const HEADER = ['firstName', 'lastName', 'email', 'company', 'title', 'phone', 'source', 'campaign'];

async function* rowsOf(rows: readonly (readonly string[])[]): AsyncGenerator<readonly string[]> {
  for (const row of rows) yield row;
}

/** `n` valid rows with distinct emails: Dutch, Portuguese and Norwegian names. */
const people = (n: number, from = 0): string[][] =>
  Array.from({ length: n }, (_, i) => {
    const k = i + from;
    const [first, last] = [
      ['Sanne', 'de Vries'],
      ['João', 'Gonçalves'],
      ['Kari', 'Østby'],
    ][k % 3] as [string, string];
    return [first, `${last} ${k}`, `person${k}@example.com`, `Firma ${k}`, '', '', 'web', ''];
  });

async function given(wrap?: (records: RecordRepository) => RecordRepository) {
  const app = inMemoryApp();
  const deps: AppDeps = wrap ? { ...app.deps, records: wrap(app.deps.records) } : app.deps;
  const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'Verkoop' })).record.id;
  const leads = async (): Promise<Lead[]> => {
    const found: Lead[] = [];
    for await (const { record } of app.deps.records.scan(ws, 'lead')) found.push(record);
    return found;
  };
  return { app, deps, ws, leads };
}

/** Records every change set and how many commits were in flight at most. */
function recording(records: RecordRepository, delayMs = 0) {
  const sets: ChangeSet[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const wrapped: RecordRepository = Object.create(records) as RecordRepository;
  wrapped.commit = async (ws, changes) => {
    sets.push(changes);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    try {
      return await records.commit(ws, changes);
    } finally {
      inFlight -= 1;
    }
  };
  return { wrapped, sets, maxInFlight: () => maxInFlight };
}

/** The operations of the set's transaction: every lead's rows and the figure rows they count in. */
const costOf = (set: ChangeSet): number => {
  if (!set.writes.every((w) => w.type === 'insert' && w.kind === 'lead')) return 999;
  const ws = (set.writes[0] as { record: Lead }).record.workspaceId;
  return commitOperations(planCommit(ws, set));
};

describe('importLeads', () => {
  it('given rows that repeat an email of the file or of an existing lead, then those are reported, never written', async () => {
    const { app, ws, leads } = await given();
    const existing = expectOk(
      await createLead(app.deps, caller, ws, { lastName: 'Silva', email: 'ana@exemplo.pt' }),
    );
    const campaign = expectOk(
      await createCampaign(app.deps, caller, ws, { name: 'Vakbeurs Utrecht', type: 'trade-show' }),
    );

    const result = expectOk(
      await importLeads(
        app.deps,
        caller,
        ws,
        rowsOf([
          HEADER,
          [
            'Sanne',
            'de Vries',
            'sanne@bakkerij.nl',
            'Bakkerij de Vries',
            'Eigenaar',
            '+31 6 1234 5678',
            'trade-show',
            'vakbeurs utrecht',
          ],
          ['Ana', 'Silva', ' ANA@Exemplo.pt ', '', '', '', 'web', ''],
          ['', '', 'x@y.no', '', '', '', '', ''],
          [],
          ['S.', 'de Vries', 'Sanne@Bakkerij.nl', '', '', '', '', ''],
          ['Kari', 'Nordmann', '', 'Nordmann Fisk AS', '', '', 'fax', ''],
          ['Ola', 'Nordmann', '', '', '', '', '', ''],
        ]),
      ),
    );

    expect(result).toEqual({
      total: 6,
      processedRows: 6,
      created: 2,
      duplicateCount: 2,
      errorCount: 2,
      duplicates: [
        { row: 3, email: 'ana@exemplo.pt', existingLeadId: existing.record.id },
        { row: 6, email: 'sanne@bakkerij.nl', duplicateOfRow: 2 },
      ],
      errors: [
        { row: 4, field: 'lastName', code: 'required', message: expect.any(String) },
        { row: 7, field: 'source', code: 'unknown-source', message: expect.any(String) },
      ],
      ignoredColumns: [],
    });
    const imported = (await leads()).filter((l) => l.id !== existing.record.id);
    expect(imported.map((l) => l.lastName).sort()).toEqual(['Nordmann', 'de Vries']);
    expect(imported.find((l) => l.lastName === 'de Vries')).toMatchObject({
      firstName: 'Sanne',
      email: 'sanne@bakkerij.nl',
      phone: '+31 6 1234 5678',
      source: 'trade-show',
      campaignId: campaign.record.id,
      ownerId: anna.userId,
      status: 'open-not-contacted',
    });
  });

  it('given many rows, then change sets never exceed one transaction, are well filled, and few are in flight', async () => {
    const spy = { current: undefined as ReturnType<typeof recording> | undefined };
    const { deps, ws, leads } = await given((records) => (spy.current = recording(records, 2)).wrapped);
    const result = expectOk(
      await importLeads(deps, caller, ws, rowsOf([HEADER, ...people(600)]), { concurrency: 4 }),
    );

    expect(result).toMatchObject({ total: 600, created: 600, errorCount: 0 });
    expect(await leads()).toHaveLength(600);
    const { sets, maxInFlight } = spy.current!;
    const costs = sets.map(costOf);
    expect(Math.max(...costs)).toBeLessThanOrEqual(COMMIT_CAPACITY);
    // Every set but the last was closed because the next lead did not fit.
    for (const cost of costs.slice(0, -1)) expect(cost).toBeGreaterThan(COMMIT_CAPACITY - 20);
    expect(sets.length).toBeLessThan(600 / 5);
    expect(maxInFlight()).toBeGreaterThan(1);
    expect(maxInFlight()).toBeLessThanOrEqual(4);
  });

  it('given a change set that fails, then it is retried row by row and only the bad row is lost', async () => {
    const { deps, ws, leads } = await given((records) => {
      const wrapped: RecordRepository = Object.create(records) as RecordRepository;
      wrapped.commit = async (w, changes) =>
        changes.writes.some((x) => x.type === 'insert' && (x.record as Lead).lastName === 'Kapot')
          ? err(domainError('CONCURRENCY.STALE', 'refused'))
          : records.commit(w, changes);
      return wrapped;
    });
    const rows = people(30);
    rows.splice(10, 0, ['', 'Kapot', 'kapot@example.com', '', '', '', '', '']);

    const result = expectOk(await importLeads(deps, caller, ws, rowsOf([HEADER, ...rows])));

    expect(result).toMatchObject({ total: 31, created: 30, errorCount: 1 });
    expect(result.errors).toEqual([
      { row: 12, field: '(row)', code: 'not-saved', message: expect.any(String) },
    ]);
    expect((await leads()).map((l) => l.lastName)).not.toContain('Kapot');
    expect(await leads()).toHaveLength(30);
  });

  it('given storage that throws for every row, then the import throws instead of reporting every row as bad', async () => {
    const { deps, ws } = await given((records) => {
      const wrapped: RecordRepository = Object.create(records) as RecordRepository;
      wrapped.commit = async () => {
        throw new Error('storage is down');
      };
      return wrapped;
    });
    await expect(importLeads(deps, caller, ws, rowsOf([HEADER, ...people(30)]))).rejects.toThrow(
      'storage is down',
    );
  });

  it('given progress reporting, then processedRows only grows, in row order, up to the total', async () => {
    const { app, ws } = await given();
    const seen: ImportTally[] = [];
    const rows = people(1200).map((r, i) => (i % 100 === 7 ? ['', '', ...r.slice(2)] : r));
    const result = expectOk(
      await importLeads(app.deps, caller, ws, rowsOf([HEADER, ...rows]), {
        onProgress: (t) => void seen.push(t),
      }),
    );
    const processed = seen.map((t) => t.processedRows);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(processed.at(-1)).toBe(1200);
    for (const t of seen) expect(t.created + t.duplicateCount + t.errorCount).toBe(t.processedRows);
    expect(result).toMatchObject({ created: 1188, errorCount: 12 });
  });

  it('given a resumed import, then the rows its tally covers are skipped and counting goes on', async () => {
    const { app, ws, leads } = await given();
    const all = [HEADER, ...people(50)];
    expectOk(await importLeads(app.deps, caller, ws, rowsOf(all.slice(0, 21))));
    const resumeFrom: ImportTally = { ...EMPTY_TALLY, processedRows: 20, created: 20 };

    const result = expectOk(await importLeads(app.deps, caller, ws, rowsOf(all), { resumeFrom }));

    expect(result).toMatchObject({ total: 50, created: 50, duplicateCount: 0 });
    expect(await leads()).toHaveLength(50);
  });

  it('given a re-run of the same file, then every row is a duplicate of an existing lead', async () => {
    const { app, ws, leads } = await given();
    const file = [HEADER, ...people(40)];
    expectOk(await importLeads(app.deps, caller, ws, rowsOf(file)));
    const again = expectOk(await importLeads(app.deps, caller, ws, rowsOf(file)));
    expect(again).toMatchObject({ total: 40, created: 0, duplicateCount: 40 });
    expect(again.duplicates[0]).toEqual({
      row: 2,
      email: 'person0@example.com',
      existingLeadId: expect.any(String),
    });
    expect(await leads()).toHaveLength(40);
  });

  it('given a stop signal, then batches in flight finish, their rows are counted, and the reason is thrown', async () => {
    const { app, ws, leads } = await given();
    const stop = new AbortController();
    let last: ImportTally = EMPTY_TALLY;
    const run = importLeads(app.deps, caller, ws, rowsOf([HEADER, ...people(2000)]), {
      signal: stop.signal,
      onProgress: (t) => {
        last = t;
        if (t.processedRows >= 300) stop.abort(new Error('shutting down'));
      },
    });
    await expect(run).rejects.toThrow('shutting down');
    expect(last.processedRows).toBeGreaterThanOrEqual(300);
    expect(last.processedRows).toBeLessThan(2000);
    expect(await leads()).toHaveLength(last.created);
  });

  it('given more bad rows than are listed, then the count is exact and the list stops at 1,000', async () => {
    const { app, ws } = await given();
    const bad = Array.from({ length: 1500 }, () => ['x', '', '', '', '', '', '', '']);
    const result = expectOk(await importLeads(app.deps, caller, ws, rowsOf([HEADER, ...bad])));
    expect(result).toMatchObject({ total: 1500, created: 0, errorCount: 1500 });
    expect(result.errors).toHaveLength(1000);
    expect(result.errors.at(-1)?.row).toBe(1001);
  });

  it.each([
    [[], 'IMPORT.EMPTY_FILE'],
    [[['name', 'email']], 'IMPORT.INVALID_HEADER'],
  ])('given file %j, then it is %s', async (rows, code) => {
    const { app, ws } = await given();
    expect(codeOf(await importLeads(app.deps, caller, ws, rowsOf(rows)))).toBe(code);
  });

  it('given someone who is not a member, then the workspace does not exist for them', async () => {
    const { app, ws, leads } = await given();
    const stranger = asCaller(anActor({ userId: 'user-mallory' }));
    expect(codeOf(await importLeads(app.deps, stranger, ws, rowsOf([HEADER, ...people(3)])))).toBe(
      'WORKSPACE.NOT_FOUND',
    );
    expect(await leads()).toHaveLength(0);
  });
});
