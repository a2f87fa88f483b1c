import type { Id, WorkspaceId } from '../../common/types';
import type { Lead } from '../../lead/lead';
import type { ListSort } from '../../records/record-sort';
import type { RecordKind } from '../../records/records';
import type { RecordRepository, SortedListQuery } from '../../application/ports';
import { aLead, anOpportunity } from '../builders';
import { change, expectOk, remove, seed, uniqueId, update, type StorageUnderTest } from './contract-fixtures';

const asc = (field: string): ListSort => ({ field, direction: 'asc' });
const desc = (field: string): ListSort => ({ field, direction: 'desc' });

async function sortedIds<K extends RecordKind>(
  records: RecordRepository,
  ws: WorkspaceId,
  kind: K,
  query: Omit<SortedListQuery<K>, 'limit'> & { limit?: number },
): Promise<Id[]> {
  const page = expectOk(await records.listSorted(ws, kind, { limit: 100, ...query }));
  return page.items.map((i) => i.record.id);
}

/** Walks every page of a sorted list, with `between` run after each page (changes meanwhile). */
async function walk(
  records: RecordRepository,
  ws: WorkspaceId,
  sort: ListSort,
  limit: number,
  between: (page: number) => Promise<void> = async () => undefined,
): Promise<Id[]> {
  const ids: Id[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = expectOk(
      await records.listSorted(ws, 'lead', { limit, sort, ...(cursor ? { cursor } : {}) }),
    );
    ids.push(...result.items.map((i) => i.record.id));
    cursor = result.nextCursor;
    if (!cursor) return ids;
    await between(page);
  }
  throw new Error('paging does not end');
}

/** Server-side sort: the same order, paging and cap in memory and in Table Storage. */
export function recordSortContract(storage: () => StorageUnderTest): void {
  describe('sorted lists', () => {
    it('sorts leads by last then first name, accents and case second, both ways', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const named = (lastName: string, firstName?: string) =>
        aLead({ workspaceId: ws, lastName, ...(firstName ? { firstName } : { firstName: undefined }) });
      const [oe, o, zeta, ana, bruno, lower, ten, two] = (
        await seed(records, ws, 'lead', [
          named('Ødegård', 'Kari'),
          named('Odegard', 'Kari'),
          named('Zeta', 'Ana'),
          named('Almeida', 'Ana'),
          named('Almeida', 'Bruno'),
          named('almeida', 'Carla'),
          named('Item 10'),
          named('Item 2'),
        ])
      ).map((l) => l.record.id);

      const ascending = await sortedIds(records, ws, 'lead', { sort: asc('name') });
      expect(ascending).toEqual([ana, bruno, lower, two, ten, o, oe, zeta]);
      expect(await sortedIds(records, ws, 'lead', { sort: desc('name') })).toEqual([
        zeta,
        oe,
        o,
        ten,
        two,
        lower,
        bruno,
        ana,
      ]);
    });

    it('puts empty values last in both directions and breaks ties by id', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [none, beta, alpha, alpha2] = (
        await seed(records, ws, 'lead', [
          aLead({ workspaceId: ws, company: undefined }),
          aLead({ workspaceId: ws, company: 'Beta' }),
          aLead({ workspaceId: ws, company: 'Alpha' }),
          aLead({ workspaceId: ws, company: 'Alpha' }),
        ])
      ).map((l) => l.record.id);

      expect(await sortedIds(records, ws, 'lead', { sort: asc('company') })).toEqual([
        alpha,
        alpha2,
        beta,
        none,
      ]);
      expect(await sortedIds(records, ws, 'lead', { sort: desc('company') })).toEqual([
        beta,
        alpha,
        alpha2,
        none,
      ]);
    });

    it('orders statuses by their process, stages by the given order, amounts within a currency', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [closed, open, working] = (
        await seed(records, ws, 'lead', [
          aLead({
            workspaceId: ws,
            status: 'closed-not-converted',
            disqualificationReason: 'x',
            disqualifiedAt: '2026-01-01T00:00:00.000Z',
          }),
          aLead({ workspaceId: ws, status: 'open-not-contacted' }),
          aLead({ workspaceId: ws, status: 'working-contacted' }),
        ])
      ).map((l) => l.record.id);
      const [nok, eurBig, eurSmall, noAmount] = (
        await seed(records, ws, 'opportunity', [
          anOpportunity({ workspaceId: ws, currency: 'NOK', amount: 5, stage: 'proposal' }),
          anOpportunity({ workspaceId: ws, currency: 'EUR', amount: 20_000.5, stage: 'prospecting' }),
          anOpportunity({ workspaceId: ws, currency: 'EUR', amount: 3_000, stage: 'negotiation' }),
          anOpportunity({ workspaceId: ws, currency: 'EUR', amount: undefined, stage: 'custom' }),
        ])
      ).map((o) => o.record.id);
      const stages = { ...asc('stage'), ranks: ['prospecting', 'negotiation', 'proposal'] };

      expect(await sortedIds(records, ws, 'lead', { sort: asc('status') })).toEqual([open, working, closed]);
      expect(await sortedIds(records, ws, 'opportunity', { sort: asc('amount') })).toEqual([
        eurSmall,
        eurBig,
        noAmount,
        nok,
      ]);
      expect(await sortedIds(records, ws, 'opportunity', { sort: stages })).toEqual([
        eurBig,
        eurSmall,
        nok,
        noAmount,
      ]);
    });

    it('sorts only what the filters match', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [, b, , d] = (
        await seed(records, ws, 'lead', [
          aLead({ workspaceId: ws, lastName: 'A', source: 'web' }),
          aLead({ workspaceId: ws, lastName: 'B', source: 'event' }),
          aLead({ workspaceId: ws, lastName: 'C', source: 'web' }),
          aLead({ workspaceId: ws, lastName: 'D', source: 'event' }),
        ])
      ).map((l) => l.record.id);

      expect(
        await sortedIds(records, ws, 'lead', { sort: desc('name'), filters: { source: 'event' } }),
      ).toEqual([d, b]);
    });

    it('pages without duplicates or gaps, even when records change between pages', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const seeded = await seed(
        records,
        ws,
        'lead',
        Array.from({ length: 12 }, (_, i) =>
          aLead({ workspaceId: ws, lastName: `Name ${String.fromCharCode(66 + i)}` }),
        ),
      );
      const ids = seeded.map((l) => l.record.id);
      expect(await walk(records, ws, asc('name'), 5)).toEqual(ids);

      // After the first page (B–F): G moves before the cursor, B moves after it.
      const moved = async (page: number) => {
        if (page !== 0) return;
        const [b, , , , , g] = seeded;
        expectOk(
          await records.commit(ws, change(update('lead', g!, { ...g!.record, lastName: 'Name A' } as Lead))),
        );
        expectOk(
          await records.commit(ws, change(update('lead', b!, { ...b!.record, lastName: 'Name Z' } as Lead))),
        );
      };
      const second = await walk(records, ws, asc('name'), 5, moved);
      const [b, c, d, e, f, g, ...rest] = ids;
      // Every record that kept its place is listed once; G (moved behind the reader) is not seen
      // again, B (moved ahead) shows up again at its new place.
      expect(second).toEqual([b, c, d, e, f, ...rest, b]);
      expect(second).not.toContain(g);
    });

    it('refuses more matching records than the cap, and sorts once a filter narrows them', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      await seed(records, ws, 'lead', [
        aLead({ workspaceId: ws, source: 'web' }),
        aLead({ workspaceId: ws, source: 'web' }),
        aLead({ workspaceId: ws, source: 'event' }),
      ]);

      const all = await records.listSorted(ws, 'lead', { limit: 10, sort: asc('name'), cap: 2 });
      const web = await records.listSorted(ws, 'lead', {
        limit: 10,
        sort: asc('name'),
        cap: 2,
        filters: { source: 'web' },
      });

      expect(all.ok ? 'ok' : all.error.code).toBe('LIST.TOO_MANY_TO_SORT');
      expect(web.ok && web.value.items).toHaveLength(2);
    });

    it('never sorts another workspace’s records in, nor deleted ones', async () => {
      const { records } = storage();
      const mine = uniqueId('ws');
      const theirs = uniqueId('ws');
      await seed(records, theirs, 'lead', [aLead({ workspaceId: theirs })]);
      const [kept, gone] = await seed(records, mine, 'lead', [
        aLead({ workspaceId: mine }),
        aLead({ workspaceId: mine }),
      ]);
      expectOk(await records.commit(mine, change(remove('lead', gone!, '2026-11-22T11:00:00.000Z'))));

      expect(await sortedIds(records, mine, 'lead', { sort: asc('createdAt') })).toEqual([kept!.record.id]);
    });
  });
}
