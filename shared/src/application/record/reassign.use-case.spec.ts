import { anActor, asCaller, codeOf, expectOk, inMemoryApp } from '../../testing/app-harness';
import { convertLead } from '../lead/convert-lead.use-case';
import { createLead } from '../lead/lead.use-case';
import { createOpportunity } from '../opportunity/opportunity.use-case';
import { createOrganisation } from '../organisation/organisation.use-case';
import { addMember, createWorkspace } from '../workspace/workspace.use-case';
import { getRecord } from './records.use-case';
import { reassignRecords } from './reassign.use-case';

const alex = anActor({ userId: 'alex' });
const caller = asCaller(alex);

async function given() {
  const app = inMemoryApp();
  const ws = expectOk(await createWorkspace(app.deps, alex, { name: 'Salg' })).record.id;
  expectOk(await addMember(app.deps, alex, ws, { userId: 'megan', role: 'member' }));
  const org = expectOk(await createOrganisation(app.deps, caller, ws, { name: 'Fjordlys AS' })).record;
  const deal = (name: string) =>
    createOpportunity(app.deps, caller, ws, { name, organisationId: org.id, amount: 1000 }).then(expectOk);
  return { app, ws, deal };
}

describe('reassignRecords', () => {
  it('given deals read with their versions, then each goes to Megan, who hears of each', async () => {
    const { app, ws, deal } = await given();
    const [a, b] = [await deal('A'), await deal('B')];

    const done = expectOk(
      await reassignRecords(app.deps, caller, ws, 'opportunity', {
        ownerId: 'megan',
        items: [a, b].map((d) => ({ id: d.record.id, version: d.version })),
      }),
    );

    expect(done.results.map((r) => r.ok)).toEqual([true, true]);
    const now = expectOk(await getRecord(app.deps, caller, ws, 'opportunity', a.record.id));
    expect(now.record.ownerId).toBe('megan');
    expect(done.results[0]).toEqual({ id: a.record.id, ok: true, version: now.version });
    const told = (await app.deps.outbox.pending(ws, 50)).filter(
      (e) => e.event.type === 'opportunity.owner-changed',
    );
    expect(told.map((e) => e.event.data)).toEqual([
      expect.objectContaining({ opportunityId: a.record.id, from: 'alex', to: 'megan' }),
      expect.objectContaining({ opportunityId: b.record.id, from: 'alex', to: 'megan' }),
    ]);
  });

  it('given one stale version, one without a version, one gone and a converted lead, then each fails alone with its reason', async () => {
    const { app, ws, deal } = await given();
    const fresh = await deal('Fresh');
    const stale = await deal('Stale');
    expectOk(
      await reassignRecords(app.deps, caller, ws, 'opportunity', {
        ownerId: 'alex',
        items: [{ id: stale.record.id, version: stale.version }],
      }),
    );

    const result = expectOk(
      await reassignRecords(app.deps, caller, ws, 'opportunity', {
        ownerId: 'megan',
        items: [
          { id: stale.record.id, version: stale.version },
          { id: fresh.record.id },
          { id: 'no-such-deal', version: 'v' },
          { id: fresh.record.id.replace(/.$/, 'x'), version: fresh.version },
        ],
      }),
    );
    expect(result.results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'CONCURRENCY.STALE',
      'CONCURRENCY.VERSION_REQUIRED',
      'OPPORTUNITY.NOT_FOUND',
      'OPPORTUNITY.NOT_FOUND',
    ]);

    const lead = expectOk(await createLead(app.deps, caller, ws, { lastName: 'Nordmann' }));
    const converted = expectOk(await convertLead(app.deps, caller, ws, lead.record.id, {}));
    const leads = expectOk(
      await reassignRecords(app.deps, caller, ws, 'lead', {
        ownerId: 'megan',
        items: [{ id: lead.record.id, version: converted.lead.version }],
      }),
    );
    expect(leads.results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['LEAD.READ_ONLY']);
  });

  it('given an owner who is not a member, or a record named twice, then nothing changes', async () => {
    const { app, ws, deal } = await given();
    const a = await deal('A');
    const item = { id: a.record.id, version: a.version };

    expect(
      codeOf(
        await reassignRecords(app.deps, caller, ws, 'opportunity', { ownerId: 'mallory', items: [item] }),
      ),
    ).toBe('OWNER.NOT_A_MEMBER');
    expect(
      codeOf(
        await reassignRecords(app.deps, caller, ws, 'opportunity', { ownerId: 'megan', items: [item, item] }),
      ),
    ).toBe('VALIDATION.FAILED');
    expect(
      codeOf(await reassignRecords(app.deps, caller, ws, 'opportunity', { ownerId: 'megan', items: [] })),
    ).toBe('VALIDATION.FAILED');
    expect(expectOk(await getRecord(app.deps, caller, ws, 'opportunity', a.record.id)).record.ownerId).toBe(
      'alex',
    );
  });
});
