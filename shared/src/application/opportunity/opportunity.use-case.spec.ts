import { anActor, asCaller, codeOf, expectOk, inMemoryApp } from '../../testing/app-harness';
import { createContact } from '../contact/contact.use-case';
import { createOpportunity, opportunityHistory, updateOpportunity } from './opportunity.use-case';
import { createOrganisation } from '../organisation/organisation.use-case';
import { getRecord } from '../record/records.use-case';
import { createWorkspace } from '../workspace/workspace.use-case';

const anna = anActor();
const caller = asCaller(anna);

async function given() {
  const app = inMemoryApp();
  const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'Salg', defaultCurrency: 'NOK' })).record
    .id;
  const org = expectOk(await createOrganisation(app.deps, caller, ws, { name: 'Fjord AS' })).record;
  const deal = expectOk(
    await createOpportunity(app.deps, caller, ws, {
      name: 'Fjord – lisenser',
      organisationId: org.id,
      amount: 120_000,
    }),
  );
  return { app, ws, org, deal };
}

describe('opportunity use cases', () => {
  it('given a new deal, then it opens in the first stage in the workspace currency with a history row', async () => {
    const { app, ws, deal } = await given();
    expect(deal.record).toMatchObject({
      stage: 'prospecting',
      probability: 10,
      forecastCategory: 'pipeline',
      currency: 'NOK',
    });
    expect(expectOk(await opportunityHistory(app.deps, caller, ws, deal.record.id))).toHaveLength(1);
  });

  it('given a deal, when it is won, then the organisation becomes a customer in the same commit and events are queued', async () => {
    const { app, ws, org, deal } = await given();

    const won = expectOk(
      await updateOpportunity(app.deps, caller, ws, deal.record.id, deal.version, { stage: 'closed-won' }),
    );

    expect(won.record).toMatchObject({ stage: 'closed-won', probability: 100, forecastCategory: 'closed' });
    expect(expectOk(await getRecord(app.deps, caller, ws, 'organisation', org.id)).record.status).toBe(
      'customer',
    );
    const types = (await app.deps.outbox.pending(ws, 20)).map((e) => e.event.type);
    expect(types).toEqual(expect.arrayContaining(['opportunity.stage-changed', 'opportunity.won']));
    expect(expectOk(await opportunityHistory(app.deps, caller, ws, deal.record.id)).map((h) => h.to)).toEqual(
      expect.arrayContaining(['prospecting', 'closed-won']),
    );
  });

  it('given a deal, when it is lost without a reason, then OPPORTUNITY.LOST_REASON_REQUIRED', async () => {
    const { app, ws, deal } = await given();
    const result = await updateOpportunity(app.deps, caller, ws, deal.record.id, deal.version, {
      stage: 'closed-lost',
    });
    expect(codeOf(result)).toBe('OPPORTUNITY.LOST_REASON_REQUIRED');
  });

  it('given a stale or missing version, then the change is refused', async () => {
    const { app, ws, deal } = await given();
    expectOk(
      await updateOpportunity(app.deps, caller, ws, deal.record.id, deal.version, { stage: 'proposal' }),
    );

    expect(
      codeOf(await updateOpportunity(app.deps, caller, ws, deal.record.id, deal.version, { amount: 1 })),
    ).toBe('CONCURRENCY.STALE');
    expect(
      codeOf(await updateOpportunity(app.deps, caller, ws, deal.record.id, undefined, { amount: 1 })),
    ).toBe('CONCURRENCY.VERSION_REQUIRED');
  });

  it('given a primary contact at another organisation, then OPPORTUNITY.CONTACT_NOT_IN_ORGANISATION', async () => {
    const { app, ws, org } = await given();
    const other = expectOk(await createOrganisation(app.deps, caller, ws, { name: 'Annen AS' })).record;
    const contact = expectOk(
      await createContact(app.deps, caller, ws, { organisationId: other.id, lastName: 'Dahl' }),
    ).record;

    const result = await createOpportunity(app.deps, caller, ws, {
      name: 'x',
      organisationId: org.id,
      primaryContactId: contact.id,
    });

    expect(codeOf(result)).toBe('OPPORTUNITY.CONTACT_NOT_IN_ORGANISATION');
  });

  it('given references that do not exist, then VALIDATION.FAILED names the field', async () => {
    const { app, ws, org } = await given();
    const noOrg = await createOpportunity(app.deps, caller, ws, { name: 'x', organisationId: 'missing' });
    const noOwner = await createOpportunity(app.deps, caller, ws, {
      name: 'x',
      organisationId: org.id,
      ownerId: 'ghost',
    });
    expect(!noOrg.ok && noOrg.error.fields).toHaveProperty('organisationId');
    expect(!noOwner.ok && noOwner.error.fields).toHaveProperty('ownerId');
  });
});
