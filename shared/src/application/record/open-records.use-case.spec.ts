import type { Page, Versioned } from '../../records/versions';
import { anActor, asCaller, codeOf, expectOk, inMemoryApp } from '../../testing/app-harness';
import type { Result } from '../../common/result';
import { convertLead } from '../lead/convert-lead.use-case';
import { createLead, disqualifyLead } from '../lead/lead.use-case';
import { createOpportunity } from '../opportunity/opportunity.use-case';
import { listOpenDeals, listOpenLeads, type OpenListParams } from './open-records.use-case';
import { createOrganisation } from '../organisation/organisation.use-case';
import { createWorkspace } from '../workspace/workspace.use-case';

const anna = anActor();
const caller = asCaller(anna);

async function given() {
  const app = inMemoryApp();
  const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'Verkoop' })).record.id;
  return { app, ws };
}

/** Follows the cursor to the end, `limit` at a time. */
async function everyPage<T extends { id: string }>(
  list: (params: OpenListParams) => Promise<Result<Page<Versioned<T>>>>,
  limit: number,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = expectOk(await list({ limit, ...(cursor ? { cursor } : {}) }));
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((item) => item.record.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { ids, pages };
}

describe('listOpenLeads', () => {
  it('given leads in every status, then only the open ones come, most recently touched first, page by page', async () => {
    const { app, ws } = await given();
    const made: string[] = [];
    for (const name of ['A', 'B', 'C', 'D', 'E']) {
      made.push(expectOk(await createLead(app.deps, caller, ws, { lastName: name })).record.id);
      app.clock.advance(60_000);
    }
    const [a, b, c, d, e] = made as [string, string, string, string, string];
    expectOk(await disqualifyLead(app.deps, caller, ws, b, undefined, { reason: 'No budget' }));
    app.clock.advance(60_000);
    expectOk(await convertLead(app.deps, caller, ws, d, { createOpportunity: false }));
    app.clock.advance(60_000);
    const working = expectOk(
      await createLead(app.deps, caller, ws, { lastName: 'F', status: 'working-contacted' }),
    );

    const walked = await everyPage((params) => listOpenLeads(app.deps, caller, ws, params), 2);
    expect(walked.ids).toEqual([working.record.id, e, c, a]);
    expect(walked.pages).toBe(2);
  });

  it('given a cursor it did not issue or another tenant, then it refuses', async () => {
    const { app, ws } = await given();
    expect(codeOf(await listOpenLeads(app.deps, caller, ws, { cursor: 'nonsense!' }))).toBe(
      'VALIDATION.FAILED',
    );
    expect(codeOf(await listOpenLeads(app.deps, caller, ws, { limit: 0 }))).toBe('VALIDATION.FAILED');
    const outsider = asCaller(anActor({ tenantId: 'tenant-b' }));
    expect(codeOf(await listOpenLeads(app.deps, outsider, ws, {}))).toBe('WORKSPACE.NOT_FOUND');
  });
});

describe('listOpenDeals', () => {
  it('given more open deals than one read returns, then every one comes, soonest close first, undated last', async () => {
    const { app, ws } = await given();
    const org = expectOk(await createOrganisation(app.deps, caller, ws, { name: 'Fjord AS' })).record;
    const deal = async (name: string, extra: object = {}) =>
      expectOk(await createOpportunity(app.deps, caller, ws, { name, organisationId: org.id, ...extra }))
        .record.id;
    const undated = await deal('undated');
    const won = await deal('won', { closeDate: '2026-01-01', stage: 'closed-won' });
    const lost = await deal('lost', { closeDate: '2026-01-02', stage: 'closed-lost', lostReason: 'Price' });
    const dated: string[] = [];
    // 1100 deals: more than the 1000 one repository read returns.
    for (let i = 0; i < 1100; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      dated.push(await deal(`deal ${i}`, { closeDate: `2027-0${(i % 9) + 1}-${day}`, stage: 'proposal' }));
    }

    const walked = await everyPage((params) => listOpenDeals(app.deps, caller, ws, params), 250);
    expect(walked.ids).toHaveLength(1101);
    expect(walked.ids).not.toContain(won);
    expect(walked.ids).not.toContain(lost);
    expect(walked.ids.at(-1)).toBe(undated);
    const page = expectOk(await listOpenDeals(app.deps, caller, ws, { limit: 1000 }));
    const dates = page.items.map((item) => item.record.closeDate ?? '~');
    expect(dates).toEqual([...dates].sort());
  });
});
