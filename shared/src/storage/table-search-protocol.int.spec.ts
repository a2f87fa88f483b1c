import { TableClient, type TransactionAction } from '@azure/data-tables';
import fc from 'fast-check';
import type { Lead } from '../lead/lead';
import { matchesQuery } from '../common/search-tokens';
import { drivingToken, listedUnder, recordIndexTokens, recordSearchTokens } from '../records/record-search';
import type { ChangeSet } from '../records/change-set';
import type { Version, Versioned } from '../records/versions';
import { aLead } from '../testing/builders';
import { uniqueId } from '../testing/contracts/contract-fixtures';
import { connectTableStorage } from './connect';
import { TableRecordRepository } from './table-record.repository';

/**
 * Search answers from confirmed index rows without reading records (KEYS.md "Search"). Whatever
 * writes do — succeed, fail after writing their index rows ahead, stop before confirming them,
 * race each other from two processes — a search never shows a record that does not match the query
 * (a phantom) nor a record other than it is (an old name, an old version), and finds every match.
 */
const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING ?? '';
const prefix = `proto${Date.now().toString(36)}`;
const storage = connectTableStorage({ connectionString }, { tablePrefix: prefix });
const table = (name: string) =>
  TableClient.fromConnectionString(connectionString, `${prefix}${name}`, { allowInsecureConnection: true });

type Mode = 'ok' | 'fail' | 'crash';

/**
 * A process's records repository whose next commit can be made to fail after its index rows are
 * written (the transaction meets a conflict), or to stop after its transaction (its index rows are
 * never confirmed nor deleted).
 */
function writer(): { records: TableRecordRepository; next: { mode: Mode } } {
  const next = { mode: 'ok' as Mode };
  const records = table('records');
  const index = table('search');
  const failing = new Proxy(records, {
    get(target, property) {
      if (property === 'submitTransaction') {
        return async (actions: TransactionAction[]) => {
          if (next.mode === 'fail' && actions.some(([, e]) => String(e.rowKey).startsWith('rec|'))) {
            throw Object.assign(
              new Error('0:The update condition specified in the request was not satisfied.'),
              {
                statusCode: 412,
              },
            );
          }
          return target.submitTransaction(actions);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const stopping = new Proxy(index, {
    get(target, property) {
      if (property === 'submitTransaction') {
        return async (actions: TransactionAction[]) => {
          // After the transaction the index sees only merges (confirm) and deletes.
          if (next.mode === 'crash' && actions.every(([verb]) => verb === 'update' || verb === 'delete'))
            throw new Error('the process stopped');
          return target.submitTransaction(actions);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { records: new TableRecordRepository(failing, stopping), next };
}

const NAMES = [
  ['Ana', 'Lima'],
  ['Ana', 'Silva'],
  ['Bruno', 'Lima'],
  ['Bruno', 'Costa'],
] as const;
const QUERIES = ['ana', 'lima', 'bruno lima', 'silva', 'costa', 'ana lima', 'br'];

const op = fc.record({
  lead: fc.nat({ max: 2 }),
  name: fc.nat({ max: NAMES.length - 1 }),
  mode: fc.constantFrom<Mode>('ok', 'ok', 'fail', 'crash'),
});

beforeAll(() => storage.ensureTables());

it('never shows a phantom or a stale record, and finds every match, whatever the writes did', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(op, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
      async (steps) => {
        const ws = uniqueId('ws');
        /** Every (id, version) ever committed, with its record: what a search may show. */
        const committed = new Map<string, Lead>();
        const leads: Versioned<Lead>[] = [];
        for (let i = 0; i < 3; i++) {
          const [first, last] = NAMES[i] as readonly [string, string];
          const lead = aLead({ workspaceId: ws, firstName: first, lastName: last });
          const receipt = await storage.records.commit(
            ws,
            change({ type: 'insert', kind: 'lead', record: lead }),
          );
          if (!receipt.ok) throw new Error(receipt.error.code);
          const version = receipt.value.versions[`lead:${lead.id}`] as Version;
          leads.push({ record: lead, version });
          committed.set(`${lead.id} ${version}`, lead);
        }

        /** Every hit must be a committed record, as it was committed at that version, and match. */
        const expectCommitted = (hits: readonly (readonly [string, Versioned<Lead>])[]) => {
          for (const [q, item] of hits) {
            expect(committed.get(`${item.record.id} ${item.version}`)).toEqual(item.record);
            expect(matchesQuery(recordSearchTokens('lead', item.record), q)).toBe(true);
          }
        };
        const searches = async (check: 'exact' | 'committed') => {
          const hits: (readonly [string, Versioned<Lead>])[] = [];
          for (const q of QUERIES) {
            const page = await storage.records.list(ws, 'lead', { limit: 50, q });
            hits.push(...page.items.map((item) => [q, item] as const));
            if (check === 'committed') continue;
            expectCommitted(hits);
            const stored = await Promise.all(leads.map((l) => storage.records.get(ws, 'lead', l.record.id)));
            // What search promises to find (the in-memory store's rule): a record listed under a token
            // the query's longest word starts, whose words all match.
            const matching = stored.filter(
              (s): s is Versioned<Lead> =>
                s !== undefined &&
                listedUnder(recordIndexTokens('lead', s.record), drivingToken(q) ?? '') !== undefined &&
                matchesQuery(recordSearchTokens('lead', s.record), q),
            );
            // Exactly the records that match, as they are now, each once.
            expect(sortById(page.items)).toEqual(sortById(matching));
          }
          return hits;
        };

        for (const step of steps) {
          const writes = step.map(async ({ lead, name, mode }) => {
            const current = (await storage.records.get(
              ws,
              'lead',
              (leads[lead] as Versioned<Lead>).record.id,
            ))!;
            const [first, last] = NAMES[name] as readonly [string, string];
            const renamed = { ...current.record, firstName: first, lastName: last } as Lead;
            // Each write from a process of its own (its own caches), as two app instances would.
            const p = writer();
            p.next.mode = mode;
            const result = await p.records.commit(
              ws,
              change({
                type: 'update',
                kind: 'lead',
                record: renamed,
                previous: current.record,
                expected: current.version,
              }),
            );
            if (result.ok)
              committed.set(`${renamed.id} ${result.value.versions[`lead:${renamed.id}`]}`, renamed);
          });
          // A search running beside the writes may see the old state or the new one, never anything
          // else: checked once every write has answered (so every committed version is known).
          const [seen] = await Promise.all([searches('committed'), ...writes]);
          expectCommitted(seen);
          await searches('exact');
        }
      },
    ),
    { numRuns: 10 },
  );
}, 300_000);

const change = (write: ChangeSet['writes'][number]): ChangeSet => ({ writes: [write], events: [] });

const sortById = <T extends { record: { id: string } }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.record.id.localeCompare(b.record.id));
