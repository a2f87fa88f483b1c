import fc from 'fast-check';
import type { WorkspaceId } from '../../common/types';
import { isOpenLeadStatus, type Lead, type LeadSource } from '../../lead/lead';
import { lastTouch } from '../../opportunity/deal-touch';
import type { Opportunity } from '../../opportunity/opportunity';
import { DEFAULT_STAGES, LOST, WON } from '../../opportunity/stage';
import { isClosedStageId } from '../../opportunity/stages';
import { recountFigures } from '../../reports/figure-contributions';
import { sameFigures, figureEntries, type FigureSet } from '../../reports/figures';
import { staleDealsReport } from '../../reports/stale-deals-report';
import { isRecordWrite, type ChangeSet, type Write } from '../../records/change-set';
import type { Version } from '../../records/versions';
import { aLead, anOpportunity } from '../builders';
import { expectOk, uniqueId, type StorageUnderTest } from './contract-fixtures';

/**
 * The maintained figures and deal views equal a recount of the live records after any sequence of
 * writes: creates, updates, stage moves, deletes, restores, conversions and imports (fast-check),
 * and the board, stale and no-next-step reads list exactly what the records say.
 */
export function figuresContract(storage: () => StorageUnderTest, options: { readonly runs: number }): void {
  describe('maintained figures', () => {
    it('equal a full recount after any sequence of writes, and so do the deal views', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (ops) => {
          const ws = uniqueId('ws');
          const model = new Model(ws);
          for (const op of ops) await model.apply(storage(), op);
          await model.check(storage());
        }),
        { numRuns: options.runs },
      );
    });

    it('count a deal of every kind where the reports look for it', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const won = anOpportunity({
        workspaceId: ws,
        stage: WON,
        probability: 100,
        forecastCategory: 'closed',
        amount: 1234.5,
        campaignId: 'cmp-1',
        createdAt: '2026-03-01T00:00:00.000Z',
        closedAt: '2026-03-11T00:00:00.000Z',
      });
      expectOk(
        await records.commit(ws, {
          writes: [{ type: 'insert', kind: 'opportunity', record: won }],
          events: [],
        }),
      );

      const figures = await records.readFigures(ws, { prefix: '' });
      expect(Object.fromEntries([...figures].map(([row, values]) => [row, figureEntries(values)]))).toEqual({
        deal: [
          ['c', 'cmp-1', 'EUR', 'wa', '12345000'],
          ['c', 'cmp-1', 'n', '1'],
          ['c', 'cmp-1', 'won', '1'],
          // Its owner's column of the board.
          ['o', won.ownerId, WON, 'EUR', 'a', '12345000'],
          ['o', won.ownerId, WON, 'EUR', 'n', '1'],
          ['o', won.ownerId, WON, 'EUR', 'w', '1234500000'],
          ['s', WON, 'EUR', 'a', '12345000'],
          ['s', WON, 'EUR', 'n', '1'],
          ['s', WON, 'EUR', 'w', '1234500000'],
        ],
        'fc|2026-03': [
          [WON, 'closed', 'EUR', 'a', '12345000'],
          [WON, 'closed', 'EUR', 'n', '1'],
          [WON, 'closed', 'EUR', 'w', '1234500000'],
        ],
        'cl|2026-03': [
          ['11', 'cyc', String(10 * 86_400_000)],
          ['11', 'wa', 'EUR', '12345000'],
          ['11', 'won', '1'],
        ],
      });
      expect(await records.readFigures(ws, { rows: ['deal', 'lead'] })).toEqual(
        new Map([['deal', figures.get('deal')]]),
      );
      expect([...(await records.readFigures(ws, { prefix: 'cl|', from: 'cl|2026-04' })).keys()]).toEqual([]);
      expect([...(await records.readFigures(ws, { prefix: 'cl|', to: 'cl|2026-03' })).keys()]).toEqual([
        'cl|2026-03',
      ]);
    });
  });
}

const SOURCES: readonly LeadSource[] = ['web', 'trade-show', 'event'];
const CAMPAIGNS = [undefined, 'cmp-a', 'cmp-b'] as const;
const OWNERS = ['u1', 'u2'] as const;
const STAGES = DEFAULT_STAGES.map((s) => s.id);

const instant = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00.000Z'), max: Date.parse('2027-06-30T00:00:00.000Z') })
  .map((ms) => new Date(ms).toISOString());

const leadFields = fc.record({
  source: fc.constantFrom(...SOURCES),
  campaignId: fc.constantFrom(...CAMPAIGNS),
  ownerId: fc.constantFrom(...OWNERS),
  status: fc.constantFrom('open-not-contacted', 'working-contacted') as fc.Arbitrary<
    'open-not-contacted' | 'working-contacted'
  >,
});

const dealFields = fc.record({
  stage: fc.constantFrom(...STAGES),
  amount: fc.option(
    fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100),
    { nil: undefined },
  ),
  currency: fc.constantFrom('EUR', 'NOK'),
  ownerId: fc.constantFrom(...OWNERS),
  probability: fc.integer({ min: 0, max: 100 }),
  closeDate: fc.option(
    instant.map((i) => i.slice(0, 10)),
    { nil: undefined },
  ),
  campaignId: fc.constantFrom(...CAMPAIGNS),
  createdAt: instant,
  closedAt: instant,
  lastActivityAt: fc.option(instant, { nil: undefined }),
  planned: fc.boolean(),
});

type LeadFields = typeof leadFields extends fc.Arbitrary<infer T> ? T : never;
type DealFields = typeof dealFields extends fc.Arbitrary<infer T> ? T : never;

type Op =
  | { readonly type: 'lead'; readonly fields: LeadFields }
  | { readonly type: 'import'; readonly leads: readonly LeadFields[] }
  | { readonly type: 'deal'; readonly fields: DealFields }
  | { readonly type: 'move'; readonly pick: number; readonly fields: DealFields }
  | {
      readonly type: 'edit-lead';
      readonly pick: number;
      readonly fields: LeadFields;
      readonly disqualify: boolean;
    }
  | { readonly type: 'delete'; readonly pick: number }
  | { readonly type: 'restore'; readonly pick: number }
  | { readonly type: 'convert'; readonly pick: number; readonly fields: DealFields };

const pick = fc.nat({ max: 1000 });
const operation: fc.Arbitrary<Op> = fc.oneof(
  leadFields.map((fields): Op => ({ type: 'lead', fields })),
  fc.array(leadFields, { minLength: 1, maxLength: 25 }).map((leads): Op => ({ type: 'import', leads })),
  dealFields.map((fields): Op => ({ type: 'deal', fields })),
  fc.record({ pick, fields: dealFields }).map((o): Op => ({ type: 'move', ...o })),
  fc
    .record({ pick, fields: leadFields, disqualify: fc.boolean() })
    .map((o): Op => ({ type: 'edit-lead', ...o })),
  pick.map((p): Op => ({ type: 'delete', pick: p })),
  pick.map((p): Op => ({ type: 'restore', pick: p })),
  fc.record({ pick, fields: dealFields }).map((o): Op => ({ type: 'convert', ...o })),
);

type Stored = {
  kind: 'lead' | 'opportunity';
  record: Lead | Opportunity;
  version: Version;
  deleted: boolean;
};

/** What the workspace holds, as the test wrote it (with the versions the receipts gave). */
class Model {
  private readonly stored = new Map<string, Stored>();
  private next = 0;

  constructor(private readonly ws: WorkspaceId) {}

  async apply({ records }: StorageUnderTest, op: Op): Promise<void> {
    const live = (kind?: Stored['kind']) =>
      [...this.stored.values()].filter((s) => !s.deleted && (kind === undefined || s.kind === kind));
    const chosen = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(1, items.length)];
    switch (op.type) {
      case 'lead':
        return this.commit(records, [{ type: 'insert', kind: 'lead', record: this.lead(op.fields) }]);
      case 'import':
        return this.commit(
          records,
          op.leads.map((f) => ({ type: 'insert', kind: 'lead', record: this.lead(f) })),
        );
      case 'deal':
        return this.commit(records, [{ type: 'insert', kind: 'opportunity', record: this.deal(op.fields) }]);
      case 'move': {
        const target = chosen(live('opportunity'), op.pick);
        if (!target) return;
        const moved = this.deal(op.fields, target.record as Opportunity);
        return this.commit(records, [this.update(target, moved)]);
      }
      case 'edit-lead': {
        const target = chosen(
          live('lead').filter((s) => (s.record as Lead).status !== 'closed-converted'),
          op.pick,
        );
        if (!target) return;
        const base = { ...(target.record as Lead), ...this.leadFields(op.fields) } as Lead;
        const edited: Lead = op.disqualify
          ? {
              ...base,
              status: 'closed-not-converted',
              disqualificationReason: 'No budget',
              disqualifiedAt: '2026-11-22T10:00:00.000Z',
            }
          : base;
        return this.commit(records, [this.update(target, edited)]);
      }
      case 'delete': {
        const target = chosen(live(), op.pick);
        if (!target) return;
        return this.commit(records, [
          {
            type: 'delete',
            kind: target.kind,
            record: target.record,
            expected: target.version,
            deletedAt: '2026-11-22T12:00:00.000Z',
            deletedBy: 'u1',
          },
        ]);
      }
      case 'restore': {
        const target = chosen(
          [...this.stored.values()].filter((s) => s.deleted),
          op.pick,
        );
        if (!target) return;
        return this.commit(records, [
          { type: 'restore', kind: target.kind, record: target.record, expected: target.version },
        ]);
      }
      case 'convert': {
        const target = chosen(
          live('lead').filter((s) => isOpenLeadStatus((s.record as Lead).status)),
          op.pick,
        );
        if (!target) return;
        const lead = target.record as Lead;
        const deal = { ...this.deal(op.fields), leadId: lead.id, campaignId: lead.campaignId } as Opportunity;
        const converted: Lead = {
          ...lead,
          status: 'closed-converted',
          convertedAt: '2026-11-22T11:00:00.000Z',
          convertedBy: 'u1',
          convertedOrganisationId: 'org-1',
          convertedContactId: 'contact-1',
          convertedOpportunityId: deal.id,
        };
        return this.commit(records, [
          this.update(target, converted),
          { type: 'insert', kind: 'opportunity', record: deal },
        ]);
      }
      default: {
        const _exhaustive: never = op;
        return _exhaustive;
      }
    }
  }

  /** Figures, board, stale and no-next-step reads against what the records say. */
  async check({ records }: StorageUnderTest): Promise<void> {
    const live = [...this.stored.values()].filter((s) => !s.deleted);
    const leads = live.filter((s) => s.kind === 'lead').map((s) => s.record as Lead);
    const deals = live.filter((s) => s.kind === 'opportunity').map((s) => s.record as Opportunity);
    const stored: FigureSet = await records.readFigures(this.ws, { prefix: '' });
    const recount = recountFigures(leads, deals);
    if (!sameFigures(stored, recount)) {
      const show = (f: FigureSet) => Object.fromEntries([...f].map(([row, v]) => [row, figureEntries(v)]));
      expect(show(stored)).toEqual(show(recount));
    }

    for (const stage of STAGES) {
      const column = await readAll((cursor) => records.boardColumn(this.ws, stage, { limit: 3, ...cursor }));
      const expected = live
        .filter((s) => s.kind === 'opportunity' && (s.record as Opportunity).stage === stage)
        .sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
      expect(column.map((d) => [d.record, d.version])).toEqual(expected.map((s) => [s.record, s.version]));
      // The board filtered to one owner: the same column, that owner's deals only.
      for (const owner of OWNERS) {
        const own = await readAll((cursor) =>
          records.boardColumn(this.ws, stage, { limit: 3, owner, ...cursor }),
        );
        expect(own.map((d) => d.record.id)).toEqual(
          expected.filter((s) => (s.record as Opportunity).ownerId === owner).map((s) => s.record.id),
        );
      }
    }

    const now = '2027-07-01T00:00:00.000Z';
    const before = '2026-09-01T00:00:00.000Z';
    const stale = await readAll((cursor) => records.staleDeals(this.ws, before, { limit: 4, ...cursor }));
    const staleAfterDays = (Date.parse(now) - Date.parse(before)) / 86_400_000;
    expect(stale.map((d) => d.id)).toEqual(
      staleDealsReport({ opportunities: deals, activities: [], now, staleAfterDays }).map(
        (d) => d.opportunity.id,
      ),
    );
    expect(stale.every((d) => lastTouch(d).at < before)).toBe(true);

    const noNext = await readAll((cursor) => records.dealsWithoutNextStep(this.ws, { limit: 4, ...cursor }));
    expect(noNext.map((d) => d.id)).toEqual(
      deals
        .filter((d) => !isClosedStageId(d.stage) && d.nextActivity === undefined)
        .map((d) => d.id)
        .sort(),
    );
  }

  private async commit(records: StorageUnderTest['records'], writes: Write[]): Promise<void> {
    const changes: ChangeSet = { writes, events: [] };
    const receipt = expectOk(await records.commit(this.ws, changes));
    for (const write of writes) {
      if (!isRecordWrite(write)) continue;
      const key = `${write.kind}:${write.record.id}`;
      this.stored.set(write.record.id, {
        kind: write.kind as Stored['kind'],
        record: write.record as Lead | Opportunity,
        version: receipt.versions[key] as Version,
        deleted: write.type === 'delete',
      });
    }
  }

  private update(target: Stored, record: Lead | Opportunity): Write {
    return { type: 'update', kind: target.kind, record, previous: target.record, expected: target.version };
  }

  private id(prefix: string): string {
    return `${prefix}-${String(++this.next).padStart(4, '0')}`;
  }

  private leadFields(f: LeadFields): Partial<Lead> {
    return { source: f.source, ownerId: f.ownerId, status: f.status, campaignId: f.campaignId };
  }

  private lead(f: LeadFields): Lead {
    const lead = aLead({ id: this.id('lead'), workspaceId: this.ws, ...this.leadFields(f) });
    return withoutUndefined(lead);
  }

  /** A deal with these fields; closed ones carry when they closed, open ones do not. */
  private deal(f: DealFields, current?: Opportunity): Opportunity {
    const closed = f.stage === WON || f.stage === LOST;
    return withoutUndefined({
      ...(current ?? anOpportunity({ id: this.id('deal'), workspaceId: this.ws, createdAt: f.createdAt })),
      stage: f.stage,
      amount: f.amount,
      currency: f.currency,
      ownerId: f.ownerId,
      probability: f.stage === WON ? 100 : f.stage === LOST ? 0 : f.probability,
      forecastCategory: DEFAULT_STAGES.find((s) => s.id === f.stage)?.forecastCategory ?? 'pipeline',
      closeDate: f.closeDate,
      campaignId: f.campaignId,
      closedAt: closed ? f.closedAt : undefined,
      lostReason: f.stage === LOST ? 'Price' : undefined,
      stageChangedAt: f.closedAt,
      lastActivityAt: f.lastActivityAt,
      nextActivity: f.planned
        ? { id: 'act-1', type: 'task', subject: 'Call back', dueAt: '2027-01-01T09:00:00.000Z' }
        : undefined,
    } as Opportunity);
  }
}

/** Records go through JSON in storage: fields set to undefined are absent. */
const withoutUndefined = <T extends object>(record: T): T => JSON.parse(JSON.stringify(record)) as T;

async function readAll<T>(
  read: (cursor: { cursor?: string }) => Promise<{ items: readonly T[]; nextCursor?: string }>,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor ? { cursor } : {});
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
