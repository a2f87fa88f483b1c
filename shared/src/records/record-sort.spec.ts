import fc from 'fast-check';
import { encodeCursor } from './cursor';
import {
  decodeSortCursor,
  encodeSortCursor,
  isSortCursor,
  parseSort,
  sortComparator,
  sortedPage,
  sortEntry,
  type ListSort,
  type SortEntry,
} from './record-sort';

const byName: ListSort = { field: 'name', direction: 'asc' };

describe('parseSort', () => {
  it.each([
    ['name', { field: 'name', direction: 'asc' }],
    ['-createdAt', { field: 'createdAt', direction: 'desc' }],
  ])('reads %s', (raw, sort) => {
    expect(parseSort('lead', raw)).toEqual({ ok: true, value: sort });
  });

  it.each(['email', '', '-', '--name', 'constructor', 'name '])(
    'refuses %j with LIST.UNKNOWN_SORT',
    (raw) => {
      const parsed = parseSort('lead', raw);
      expect(parsed.ok ? 'ok' : parsed.error.code).toBe('LIST.UNKNOWN_SORT');
    },
  );
});

describe('sort cursors', () => {
  const last: SortEntry = { id: 'lead-1', values: ['Ødegård', null] };

  it('come back only for the sort that issued them', () => {
    const cursor = encodeSortCursor(byName, last);

    expect(decodeSortCursor(byName, cursor)).toEqual(last);
    expect(decodeSortCursor({ ...byName, direction: 'desc' }, cursor)).toBeUndefined();
    expect(decodeSortCursor({ field: 'company', direction: 'asc' }, cursor)).toBeUndefined();
    expect(isSortCursor(cursor)).toBe(true);
    expect(isSortCursor(encodeCursor('rec|lead|x'))).toBe(false);
    expect(decodeSortCursor(byName, encodeCursor('s:{"s":"name","v":[{}],"i":"x"}'))).toBeUndefined();
    expect(decodeSortCursor(byName, encodeCursor('s:not json'))).toBeUndefined();
  });
});

describe('the order', () => {
  const entries = fc.array(
    fc.record({
      id: fc.stringMatching(/^[a-z0-9]{1,6}$/),
      last: fc.option(fc.constantFrom('Ødegård', 'odegard', 'Almeida', 'almeida', 'Item 2', 'Item 10', ''), {
        nil: null,
      }),
      first: fc.option(fc.constantFrom('Ana', 'ana', 'Bruno', 'Åse'), { nil: null }),
    }),
    { maxLength: 40 },
  );
  const unique = (list: { id: string; last: string | null; first: string | null }[]): SortEntry[] => [
    ...new Map(
      list.map((e) => [e.id, sortEntry('lead', 'name', e.id, { lastName: e.last, firstName: e.first })]),
    ).values(),
  ];
  const sorts = fc.constantFrom<ListSort>(byName, { ...byName, direction: 'desc' });

  it('is a total order: antisymmetric, equal only for the same id, strict along the sorted list', () => {
    fc.assert(
      fc.property(entries, sorts, (list, sort) => {
        const compare = sortComparator('lead', sort);
        const all = unique(list);
        for (const a of all) {
          for (const b of all) {
            expect(Math.sign(compare(a, b)) + Math.sign(compare(b, a))).toBe(0);
            if (a.id !== b.id) expect(compare(a, b)).not.toBe(0);
          }
        }
        const sorted = [...all].sort(compare);
        for (let i = 1; i < sorted.length; i++) expect(compare(sorted[i - 1]!, sorted[i]!)).toBeLessThan(0);
      }),
    );
  });

  it('pages through every entry once, in order, whatever the page size', () => {
    fc.assert(
      fc.property(entries, sorts, fc.integer({ min: 1, max: 7 }), (list, sort, limit) => {
        const all = unique(list);
        const expected = [...all].sort(sortComparator('lead', sort)).map((e) => e.id);
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let pages = 0; pages <= all.length; pages++) {
          const page = sortedPage('lead', sort, all, limit, cursor);
          seen.push(...page.ids);
          cursor = page.nextCursor;
          if (!cursor) break;
        }
        expect(seen).toEqual(expected);
      }),
    );
  });

  it('puts empty values last both ways', () => {
    const a = sortEntry('lead', 'company', 'a', { company: 'Zeta' });
    const empty = sortEntry('lead', 'company', 'b', {});
    expect(sortComparator('lead', { field: 'company', direction: 'asc' })(a, empty)).toBeLessThan(0);
    expect(sortComparator('lead', { field: 'company', direction: 'desc' })(a, empty)).toBeLessThan(0);
  });
});
