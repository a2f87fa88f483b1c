import { TableClient, type TransactionAction } from '@azure/data-tables';
import type { Id } from '../common/types';
import type { Page } from '../records/versions';
import type { RecordRepository } from '../application/ports';
import { recordSearchTokens } from '../records/record-search';
import { aLead } from '../testing/builders';
import { seed, uniqueId } from '../testing/contracts/contract-fixtures';
import { connectTableStorage } from './connect';
import { emailRow, recordRow } from './record-rows';
import { TableRecordRepository } from './table-record.repository';

/** Search's read budget and the re-index that migrates the first layout, against Azurite. */
const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING ?? '';
const prefix = `srch${Date.now().toString(36)}`;
const storage = connectTableStorage({ connectionString }, { tablePrefix: prefix });
const table = (name: string) =>
  TableClient.fromConnectionString(connectionString, `${prefix}${name}`, { allowInsecureConnection: true });
const recordsTable = table('records');
const searchTable = table('search');

beforeAll(() => storage.ensureTables());
afterEach(() => jest.restoreAllMocks());

async function walk(
  next: (cursor: string | undefined) => Promise<Page<{ record: { id: Id } }>>,
): Promise<{ ids: Id[]; sizes: number[] }> {
  const ids: Id[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await next(cursor);
    ids.push(...page.items.map((i) => i.record.id));
    sizes.push(page.items.length);
    cursor = page.nextCursor;
    if (sizes.length > 100) throw new Error('paging does not end');
  } while (cursor);
  return { ids, sizes };
}

/** Takes the confirmation off every index row of the workspace, as writes in flight leave them. */
async function unconfirm(ws: string): Promise<void> {
  for await (const row of searchTable.listEntities<Record<string, unknown>>({
    queryOptions: { filter: `PartitionKey ge '${ws}|' and PartitionKey lt '${ws}}'` },
  })) {
    const { v: _v, etag: _etag, timestamp: _timestamp, ...rest } = row;
    await searchTable.updateEntity(
      { ...rest, partitionKey: String(row.partitionKey), rowKey: String(row.rowKey) },
      'Replace',
    );
  }
}

describe('search with confirmed index rows', () => {
  it('answers from the index alone: no read per hit', async () => {
    const ws = uniqueId('ws');
    const leads = await seed(storage.records, ws, 'lead', [
      aLead({ workspaceId: ws, firstName: 'Joana', lastName: 'Lima' }),
      aLead({ workspaceId: ws, firstName: 'Joana', lastName: 'Silva' }),
    ]);
    const reads = jest.spyOn(recordsTable, 'getEntity');
    const queries = jest.spyOn(recordsTable, 'listEntities');

    const page = await storage.records.list(ws, 'lead', { limit: 10, q: 'joana' });

    expect([...page.items].sort((a, b) => a.record.id.localeCompare(b.record.id))).toEqual(
      [...leads].sort((a, b) => a.record.id.localeCompare(b.record.id)),
    );
    expect(reads).not.toHaveBeenCalled();
    expect(queries).not.toHaveBeenCalled();
  });
});

describe('search budget', () => {
  const budgeted = new TableRecordRepository(recordsTable, searchTable, { indexRows: 10, spareReads: 2 });
  const joanas = (ws: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      aLead({ workspaceId: ws, firstName: 'Joana', lastName: `Lima${'abcdefghijklmnopqrstuvwxyz'[i]}` }),
    );

  it('reads at most the budget of index rows per call; the cursor carries on without gaps', async () => {
    const ws = uniqueId('ws');
    const leads = await seed(budgeted as RecordRepository, ws, 'lead', joanas(ws, 25));

    const walked = await walk((cursor) =>
      budgeted.list(ws, 'lead', { limit: 100, q: 'jo', ...(cursor ? { cursor } : {}) }),
    );

    expect(Math.max(...walked.sizes)).toBeLessThanOrEqual(10);
    expect(walked.sizes.length).toBeGreaterThanOrEqual(3);
    expect([...walked.ids].sort()).toEqual(leads.map((l) => l.record.id).sort());
  });

  it('reads at most 2 × limit + spare records per call when unconfirmed hits fail the filters', async () => {
    const ws = uniqueId('ws');
    await seed(budgeted as RecordRepository, ws, 'lead', joanas(ws, 9));
    await unconfirm(ws);
    const reads = jest.spyOn(recordsTable, 'getEntity');
    const perCall: number[] = [];

    const walked = await walk(async (cursor) => {
      const before = reads.mock.calls.length;
      const page = await budgeted.list(ws, 'lead', {
        limit: 1,
        q: 'joana',
        filters: { source: 'no-such-source' },
        ...(cursor ? { cursor } : {}),
      });
      perCall.push(reads.mock.calls.length - before);
      return page;
    });

    expect(walked.ids).toEqual([]);
    expect(Math.max(...perCall)).toBeLessThanOrEqual(4);
    expect(perCall.reduce((a, b) => a + b, 0)).toBe(9);
  });
});

describe('re-index', () => {
  it('migrates index rows of the first layout out of the workspace partition', async () => {
    const ws = uniqueId('ws');
    const leads = [
      aLead({ workspaceId: ws, firstName: 'Øyvind', lastName: 'Ødegård', email: 'oyvind@fjord.no' }),
      aLead({ workspaceId: ws, firstName: 'João', lastName: 'Gonçalves', email: 'joao@exemplo.pt' }),
    ];
    // The first layout, row for row: record, email and one `idx|` row per token, all in one partition.
    const oldRows = leads.flatMap((lead) => {
      const tokens = recordSearchTokens('lead', lead);
      return [
        recordRow(ws, 'lead', lead),
        emailRow(ws, 'lead', String(lead.email), lead.id),
        ...tokens.map((token) => ({
          partitionKey: ws,
          rowKey: `idx|lead|${token}|${lead.id}`,
          id: lead.id,
          token,
          tokens: tokens.join(' '),
        })),
      ];
    });
    await recordsTable.submitTransaction(oldRows.map((row): TransactionAction => ['create', row]));
    expect((await storage.records.list(ws, 'lead', { limit: 10, q: 'odeg' })).items).toEqual([]);

    const [report] = await storage.reindexSearch(ws);

    expect(report).toMatchObject({ workspaceId: ws, records: 2, staleRows: 0 });
    expect(report?.legacyRows).toBe(oldRows.length - 4);
    const ids = async (q: string) =>
      (await storage.records.list(ws, 'lead', { limit: 10, q })).items.map((i) => i.record.id);
    expect(await ids('odeg')).toEqual([leads[0]?.id]);
    expect(await ids('gonç jo')).toEqual([leads[1]?.id]);
    expect(await ids('joao@exemplo.pt')).toEqual([leads[1]?.id]);
    const left: string[] = [];
    for await (const row of recordsTable.listEntities({
      queryOptions: { filter: `PartitionKey eq '${ws}'` },
    })) {
      left.push(String(row.rowKey).slice(0, 4));
    }
    expect(left.sort()).toEqual(['eml|', 'eml|', 'rec|', 'rec|']);
  });

  it('removes index rows no live record implies, and is idempotent', async () => {
    const ws = uniqueId('ws');
    const [lead] = await seed(storage.records, ws, 'lead', [aLead({ workspaceId: ws, firstName: 'Kari' })]);
    await searchTable.upsertEntity({
      partitionKey: `${ws}|11`,
      rowKey: 'lead|kjell|gone',
      id: 'gone',
      token: 'kjell',
      tokens: 'kjell',
    });

    const [first] = await storage.reindexSearch(ws);
    const [second] = await storage.reindexSearch(ws);

    expect(first).toMatchObject({ records: 1, staleRows: 1, legacyRows: 0 });
    expect(second).toMatchObject({ records: 1, staleRows: 0, legacyRows: 0, indexRows: first?.indexRows });
    const found = await storage.records.list(ws, 'lead', { limit: 10, q: 'kari' });
    expect(found.items.map((i) => i.record.id)).toEqual([lead?.record.id]);
  });
});
