import { TableClient } from '@azure/data-tables';
import type { RecordRepository } from '../application/ports';
import { aLead } from '../testing/builders';
import { expectOk, seed, uniqueId } from '../testing/contracts/contract-fixtures';
import { connectTableStorage } from './connect';
import { recordKey } from './record-keys';
import { TableRecordRepository } from './table-record.repository';

/** What a sorted list reads in Table Storage (KEYS.md "Sorted lists"), against Azurite. */
const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING ?? '';
const prefix = `sort${Date.now().toString(36)}`;
const storage = connectTableStorage({ connectionString }, { tablePrefix: prefix });
const table = (name: string) =>
  TableClient.fromConnectionString(connectionString, `${prefix}${name}`, { allowInsecureConnection: true });
const recordsTable = table('records');
const records: RecordRepository = new TableRecordRepository(recordsTable, table('search'));
const byName = { field: 'name', direction: 'asc' } as const;

beforeAll(() => storage.ensureTables());
afterEach(() => jest.restoreAllMocks());

const named = (ws: string, names: readonly string[]) =>
  seed(
    records,
    ws,
    'lead',
    names.map((lastName) => aLead({ workspaceId: ws, lastName })),
  );

describe('sorted lists in Table Storage', () => {
  it('reads the sort columns of the range, and only the page’s records whole', async () => {
    const ws = uniqueId('ws');
    const leads = await named(
      ws,
      Array.from({ length: 30 }, (_, i) => `Lima ${String(30 - i).padStart(2, '0')}`),
    );
    const queries = jest.spyOn(recordsTable, 'listEntities');
    const reads = jest.spyOn(recordsTable, 'getEntity');

    const page = expectOk(await records.listSorted(ws, 'lead', { limit: 5, sort: byName }));

    expect(page.items.map((i) => i.record.lastName)).toEqual([
      'Lima 01',
      'Lima 02',
      'Lima 03',
      'Lima 04',
      'Lima 05',
    ]);
    expect(page.items[0]!.version).toBe(leads[29]!.version);
    expect(reads).toHaveBeenCalledTimes(5);
    const select = queries.mock.calls[0]?.[0]?.queryOptions?.select ?? [];
    expect(select).toContain('o_lastName');
    expect(select).not.toContain('data');
  });

  it('sorts rows written before the sort columns existed by their record', async () => {
    const ws = uniqueId('ws');
    const [c, a, b] = await named(ws, ['Costa', 'Alves', 'Barros']);
    // The row as the previous version wrote it: no o_v, no o_<field> columns.
    const row = await recordsTable.getEntity<Record<string, unknown>>(ws, recordKey('lead', a!.record.id));
    const older = Object.fromEntries(
      Object.entries(row).filter(([name]) => !name.startsWith('o_') && !['etag', 'timestamp'].includes(name)),
    );
    await recordsTable.updateEntity(older as { partitionKey: string; rowKey: string }, 'Replace', {
      etag: row.etag,
    });

    const page = expectOk(await records.listSorted(ws, 'lead', { limit: 10, sort: byName }));

    expect(page.items.map((i) => i.record.id)).toEqual([a, b, c].map((l) => l!.record.id));
  });
});
