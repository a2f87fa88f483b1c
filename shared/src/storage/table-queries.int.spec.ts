import { TableClient, type TransactionAction } from '@azure/data-tables';
import { pagesOf, rangeFilter } from './table-queries';

const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING ?? '';
const table = TableClient.fromConnectionString(connectionString, `pages${Date.now().toString(36)}`, {
  allowInsecureConnection: true,
});
const filter = rangeFilter('p', { lo: 'r|', hi: 'r~' });

beforeAll(async () => {
  await table.createTable();
  const rows = Array.from({ length: 25 }, (_, i): TransactionAction => [
    'create',
    { partitionKey: 'p', rowKey: `r|${String(i).padStart(2, '0')}`, n: i },
  ]);
  await table.submitTransaction(rows);
});

describe('pagesOf', () => {
  it.each([false, true])('yields every row in key order, page by page (prefetch %s)', async (prefetch) => {
    const pages: { keys: string[]; more: boolean }[] = [];
    for await (const page of pagesOf(table, filter, { pageSize: 10, prefetch, select: ['RowKey', 'n'] })) {
      pages.push({ keys: page.rows.map((r) => String(r.rowKey)), more: page.more });
    }
    expect(pages.map((p) => p.keys.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.more)).toEqual([true, true, false]);
    expect(pages.flatMap((p) => p.keys)).toEqual(
      Array.from({ length: 25 }, (_, i) => `r|${String(i).padStart(2, '0')}`),
    );
  });

  it('lets a caller stop after the first page while the next one is already asked for', async () => {
    for await (const page of pagesOf(table, filter, { pageSize: 10, prefetch: true })) {
      expect(page.rows).toHaveLength(10);
      break;
    }
  });
});
