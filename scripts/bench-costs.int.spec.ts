import { DEFAULT_STAGES } from '../shared/src/opportunity/stage';
import { storageCosts, type Operation } from './bench-costs';

/**
 * What the board, the dashboard and the reports read must not grow with the workspace: the same
 * operations `npm run bench` counts (scripts/bench-costs.ts: an SDK pipeline policy on the real app
 * over Azurite), at two sizes whose board columns and report pages are already full, so any read
 * that scans deals or activities shows as a difference.
 */
const SMALL = 300;
const LARGE = 1_500;

describe('storage reads per operation (bench costs)', () => {
  let costs: Awaited<ReturnType<typeof storageCosts>>;

  beforeAll(async () => {
    const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING;
    if (!connectionString) throw new Error('run as an integration test');
    costs = await storageCosts(connectionString, [SMALL, LARGE]);
  }, 600_000);

  const at = (op: Operation, size: number) => {
    const counted = costs.operations[op][String(size)];
    if (!counted) throw new Error(`${op} at ${size} was not counted`);
    return counted;
  };

  it.each<Operation>(['board open', 'dashboard open', 'report', 'list page'])(
    `%s reads as many entities and makes as many calls at ${LARGE} records as at ${SMALL}`,
    (op) => {
      const small = at(op, SMALL);
      const large = at(op, LARGE);
      expect(small.entitiesRead).toBeGreaterThan(0);
      expect(large.entitiesRead).toBe(small.entitiesRead);
      expect(large.calls).toBe(small.calls);
    },
  );

  it('the dashboard reads a full page of stale deals at both sizes (the list is not empty)', () => {
    expect(at('dashboard open', SMALL).entitiesRead).toBeGreaterThan(50);
  });

  it('a board open reads at most a page per stage, the figures and the workspace', () => {
    // 20 cards per stage, one figure row, the workspace row (membership).
    expect(at('board open', LARGE).entitiesRead).toBeLessThanOrEqual(DEFAULT_STAGES.length * 20 + 2);
  });

  it('a search of 50 hits costs at most 3 storage calls, without a point read per hit', () => {
    expect(costs.searchHits[String(LARGE)]).toBe(50);
    const search = at('search', LARGE);
    expect(search.calls).toBeLessThanOrEqual(3);
    // One page of index rows (2 × limit + 20: searchRecords) and the workspace row.
    expect(search.entitiesRead).toBeLessThanOrEqual(2 * 50 + 20 + 1);
  });

  it('counts what a write costs: its transaction operations are entities written', () => {
    const create = at('create lead', LARGE);
    expect(create.entitiesWritten).toBeGreaterThan(1);
    expect(create.transactions).toBeGreaterThanOrEqual(create.calls);
  });
});
