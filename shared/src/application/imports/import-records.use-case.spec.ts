import { domainError } from '../../common/domain-error';
import { err } from '../../common/result';
import type { Lead } from '../../lead/lead';
import { EMPTY_TALLY, type ImportTally } from '../../imports/import-tally';
import { anActor, asCaller, codeOf, expectOk, inMemoryApp } from '../../testing/app-harness';
import { createCampaign } from '../campaign/campaign.use-case';
import { createLead } from '../lead/lead.use-case';
import { COMMIT_CAPACITY, insertCost } from '../../records/row-plan';
import type { AppDeps } from '../deps';
import { importRecords } from './import-records.use-case';
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

const costOf = (set: ChangeSet): number =>
  set.writes.reduce(
    (sum, w) => sum + (w.type === 'insert' && w.kind === 'lead' ? insertCost('lead', w.record as Lead) : 999),
    0,
  );

describe('importRecords (leads)', () => {
  it('given two imports of one file at once, then each email is stored once', async () => {
    const { deps, ws, leads } = await given((records) => recording(records, 3).wrapped);
    const file = [HEADER, ...people(150)];
    const [a, b] = (
      await Promise.all([
        importRecords(deps, caller, ws, rowsOf(file)),
        importRecords(deps, caller, ws, rowsOf(file)),
      ])
    ).map(expectOk);

    const stored = await leads();
    expect(new Set(stored.map((l) => l.email)).size).toBe(150);
    expect(stored).toHaveLength(150);
    expect([a!.created + b!.created, a!.skipped + b!.skipped]).toEqual([150, 150]);
  });

  it('given leads another writer stored after the import read the emails, then their rows are skipped as email-in-use, never stored twice', async () => {
    // The import's preload sees no emails, as when another import commits them in between.
    const blind = (records: RecordRepository): RecordRepository => {
      const wrapped: RecordRepository = Object.create(records) as RecordRepository;
      wrapped.listEmails = async function* () {};
      return wrapped;
    };
    const { app, deps, ws, leads } = await given(blind);
    expectOk(await importRecords(app.deps, caller, ws, rowsOf([HEADER, ...people(60)])));

    const again = expectOk(await importRecords(deps, caller, ws, rowsOf([HEADER, ...people(70)])));
    expect(again).toMatchObject({ created: 10, skipped: 60, errors: 0 });
    expect(new Set(again.skippedRows.map((s) => s.reason))).toEqual(new Set(['email-in-use']));
    expect(again.skippedRows[0]).toMatchObject({ row: 2, email: 'person0@example.com' });
    expect(await leads()).toHaveLength(70);
  });

  it('given rows that repeat an email of the file or of an existing lead, then those are reported, never written', async () => {
    const { app, ws, leads } = await given();
    const existing = expectOk(
      await createLead(app.deps, caller, ws, { lastName: 'Silva', email: 'ana@exemplo.pt' }),
    );
    const campaign = expectOk(
      await createCampaign(app.deps, caller, ws, { name: 'Vakbeurs Utrecht', type: 'trade-show' }),
    );

    const result = expectOk(
      await importRecords(
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

    expect(result).toMatchObject({
      kind: 'lead',
      total: 6,
      processedRows: 6,
      imported: 3,
      created: 3,
      updated: 0,
      skipped: 2,
      duplicateCount: 2,
      errors: 1,
      skippedRows: [
        {
          row: 3,
          reason: 'duplicate',
          matchedBy: 'email',
          email: 'ana@exemplo.pt',
          existingId: existing.record.id,
        },
        { row: 6, reason: 'duplicate', matchedBy: 'email', email: 'sanne@bakkerij.nl', duplicateOfRow: 2 },
      ],
      errorRows: [{ row: 4, field: 'lastName', code: 'required', message: expect.any(String) }],
      // An unknown source is no reason to refuse a row: it is `other`, the file's word kept and counted.
      valueMappings: [{ field: 'source', value: 'fax', how: 'fallback', to: 'other', count: 1 }],
      ignoredColumns: [],
    });
    const imported = (await leads()).filter((l) => l.id !== existing.record.id);
    expect(imported.map((l) => l.lastName).sort()).toEqual(['Nordmann', 'Nordmann', 'de Vries']);
    expect(imported.find((l) => l.firstName === 'Kari')).toMatchObject({
      source: 'other',
      importedValues: { source: 'fax' },
    });
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
      await importRecords(deps, caller, ws, rowsOf([HEADER, ...people(600)]), { concurrency: 4 }),
    );

    expect(result).toMatchObject({ total: 600, created: 600, errors: 0 });
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

    const result = expectOk(await importRecords(deps, caller, ws, rowsOf([HEADER, ...rows])));

    expect(result).toMatchObject({ total: 31, created: 30, errors: 1 });
    expect(result.errorRows).toEqual([
      { row: 12, field: '(row)', code: 'not-saved', message: expect.any(String) },
    ]);
    expect((await leads()).map((l) => l.lastName)).not.toContain('Kapot');
    expect(await leads()).toHaveLength(30);
  });

  it('given a row whose save fails for a moment (a timeout, then a stale index row), then it is tried again and goes in', async () => {
    let failures = 0;
    const { deps, ws, leads } = await given((records) => {
      const wrapped: RecordRepository = Object.create(records) as RecordRepository;
      wrapped.commit = async (w, changes) => {
        if (changes.writes.some((x) => x.type === 'insert' && (x.record as Lead).lastName === 'Wankel')) {
          failures += 1;
          if (failures === 1) return err(domainError('CONCURRENCY.STALE', 'refused')); // the whole set
          if (failures === 2) throw new Error('operation timed out'); // alone
          if (failures === 3) return err(domainError('CONCURRENCY.STALE', 'refused')); // first retry
        }
        return records.commit(w, changes);
      };
      return wrapped;
    });
    const rows = people(30);
    rows.splice(10, 0, ['', 'Wankel', 'wankel@example.com', '', '', '', '', '']);

    const result = expectOk(await importRecords(deps, caller, ws, rowsOf([HEADER, ...rows])));

    expect(result).toMatchObject({ total: 31, created: 31, errors: 0 });
    expect(failures).toBe(4);
    expect((await leads()).filter((l) => l.lastName === 'Wankel')).toHaveLength(1);
  });

  it('given storage that throws for every row, then the import throws instead of reporting every row as bad', async () => {
    const { deps, ws } = await given((records) => {
      const wrapped: RecordRepository = Object.create(records) as RecordRepository;
      wrapped.commit = async () => {
        throw new Error('storage is down');
      };
      return wrapped;
    });
    await expect(importRecords(deps, caller, ws, rowsOf([HEADER, ...people(30)]))).rejects.toThrow(
      'storage is down',
    );
  });

  it('given progress reporting, then processedRows only grows, in row order, up to the total', async () => {
    const { app, ws } = await given();
    const seen: ImportTally[] = [];
    const rows = people(1200).map((r, i) => (i % 100 === 7 ? ['', '', ...r.slice(2)] : r));
    const result = expectOk(
      await importRecords(app.deps, caller, ws, rowsOf([HEADER, ...rows]), {
        onProgress: (t) => void seen.push(t),
      }),
    );
    const processed = seen.map((t) => t.processedRows);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(processed.at(-1)).toBe(1200);
    for (const t of seen) expect(t.imported + t.skipped + t.errors).toBe(t.processedRows);
    expect(result).toMatchObject({ created: 1188, errors: 12 });
  });

  it('given a resumed import, then the rows its tally covers are skipped and counting goes on', async () => {
    const { app, ws, leads } = await given();
    const all = [HEADER, ...people(50)];
    expectOk(await importRecords(app.deps, caller, ws, rowsOf(all.slice(0, 21))));
    const resumeFrom: ImportTally = { ...EMPTY_TALLY, processedRows: 20, created: 20 };

    const result = expectOk(await importRecords(app.deps, caller, ws, rowsOf(all), { resumeFrom }));

    expect(result).toMatchObject({ total: 50, created: 50, duplicateCount: 0 });
    expect(await leads()).toHaveLength(50);
  });

  it('given a re-run of the same file, then every row is a duplicate of an existing lead', async () => {
    const { app, ws, leads } = await given();
    const file = [HEADER, ...people(40)];
    expectOk(await importRecords(app.deps, caller, ws, rowsOf(file)));
    const again = expectOk(await importRecords(app.deps, caller, ws, rowsOf(file)));
    expect(again).toMatchObject({ total: 40, created: 0, skipped: 40, duplicateCount: 40 });
    expect(again.skippedRows[0]).toEqual({
      row: 2,
      reason: 'duplicate',
      message: expect.any(String),
      matchedBy: 'email',
      email: 'person0@example.com',
      existingId: expect.any(String),
    });
    expect(await leads()).toHaveLength(40);
  });

  it('given a stop signal, then batches in flight finish, their rows are counted, and the reason is thrown', async () => {
    const { app, ws, leads } = await given();
    const stop = new AbortController();
    let last: ImportTally = EMPTY_TALLY;
    const run = importRecords(app.deps, caller, ws, rowsOf([HEADER, ...people(2000)]), {
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

  it('given more bad rows than are listed, then the count is exact and the list stops at 500', async () => {
    const { app, ws } = await given();
    const bad = Array.from({ length: 1500 }, () => ['x', '', '', '', '', '', '', '']);
    const result = expectOk(await importRecords(app.deps, caller, ws, rowsOf([HEADER, ...bad])));
    expect(result).toMatchObject({ total: 1500, created: 0, errors: 1500 });
    expect(result.errorRows).toHaveLength(500);
    expect(result.errorRows.at(-1)?.row).toBe(501);
  });

  it.each([
    [[], 'IMPORT.EMPTY_FILE'],
    [[['shoeSize', 'email']], 'IMPORT.INVALID_HEADER'],
  ])('given file %j, then it is %s', async (rows, code) => {
    const { app, ws } = await given();
    expect(codeOf(await importRecords(app.deps, caller, ws, rowsOf(rows)))).toBe(code);
  });

  it('given someone who is not a member, then the workspace does not exist for them', async () => {
    const { app, ws, leads } = await given();
    const stranger = asCaller(anActor({ userId: 'user-mallory' }));
    expect(codeOf(await importRecords(app.deps, stranger, ws, rowsOf([HEADER, ...people(3)])))).toBe(
      'WORKSPACE.NOT_FOUND',
    );
    expect(await leads()).toHaveLength(0);
  });
});
