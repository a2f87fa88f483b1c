import { anActor, asCaller, codeOf, expectOk, inMemoryApp } from '../../testing/app-harness';
import { createActivity, listActivities } from '../activity/activity.use-case';
import { createCampaign, deleteCampaign } from '../campaign/campaign.use-case';
import { convertLead } from '../lead/convert-lead.use-case';
import { createLead, updateLead } from '../lead/lead.use-case';
import { createContact } from '../contact/contact.use-case';
import { createOrganisation, deleteOrganisation } from '../organisation/organisation.use-case';
import {
  deleteRecord,
  getRecord,
  listRecords,
  listRecycleBin,
  purgeExpired,
  restoreRecord,
} from './records.use-case';
import { runReport } from '../reports/reports.use-case';
import { createWorkspace } from '../workspace/workspace.use-case';

const anna = anActor();
const caller = asCaller(anna);

async function given() {
  const app = inMemoryApp();
  const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'Verkoop' })).record.id;
  return { app, ws };
}

describe('record use cases', () => {
  it('given a deleted lead, then it reads as not found, waits in the recycle bin, and can be restored', async () => {
    const { app, ws } = await given();
    const lead = expectOk(
      await createLead(app.deps, caller, ws, { lastName: 'Jansen', company: 'Bakkerij Jansen' }),
    );

    expect(codeOf(await deleteRecord(app.deps, caller, ws, 'lead', lead.record.id, undefined))).toBe(
      'CONCURRENCY.VERSION_REQUIRED',
    );
    expectOk(await deleteRecord(app.deps, caller, ws, 'lead', lead.record.id, lead.version));

    expect(codeOf(await getRecord(app.deps, caller, ws, 'lead', lead.record.id))).toBe('LEAD.NOT_FOUND');
    expect(expectOk(await listRecords(app.deps, caller, ws, 'lead', { q: 'jansen' })).items).toHaveLength(0);
    const bin = expectOk(await listRecycleBin(app.deps, caller, ws, {}));
    expect(bin.items.map((d) => d.record.id)).toEqual([lead.record.id]);

    expectOk(await restoreRecord(app.deps, caller, ws, 'lead', lead.record.id));
    expect(expectOk(await listRecords(app.deps, caller, ws, 'lead', { q: 'bakkerij' })).items).toHaveLength(
      1,
    );
    expect(codeOf(await restoreRecord(app.deps, caller, ws, 'lead', lead.record.id))).toBe(
      'RECORD.NOT_DELETED',
    );
  });

  it('given records deleted more than 30 days ago, then purging removes them for good', async () => {
    const { app, ws } = await given();
    const lead = expectOk(await createLead(app.deps, caller, ws, { lastName: 'Old' }));
    expectOk(await deleteRecord(app.deps, caller, ws, 'lead', lead.record.id, lead.version));

    app.clock.advance(29 * 86_400_000);
    expect(await purgeExpired(app.deps, ws)).toBe(0);
    app.clock.advance(2 * 86_400_000);
    expect(await purgeExpired(app.deps, ws)).toBe(1);
    expect(codeOf(await restoreRecord(app.deps, caller, ws, 'lead', lead.record.id))).toBe('LEAD.NOT_FOUND');
  });

  it('given list parameters out of range or unknown filters, then VALIDATION.FAILED', async () => {
    const { app, ws } = await given();
    for (const params of [
      { limit: 0 },
      { limit: 1001 },
      { limit: 1.5 },
      { filters: { stage: 'x' } },
      { cursor: 'garbage!' },
      { cursor: 'Zm9v' },
      { filters: { status: 'bogus' } },
      { filters: { source: 'Web' } },
    ]) {
      expect(codeOf(await listRecords(app.deps, caller, ws, 'lead', params))).toBe('VALIDATION.FAILED');
    }
  });

  it('given an opportunity stage filter, then it must be one of the workspace stages', async () => {
    const { app, ws } = await given();
    const list = (stage: string) => listRecords(app.deps, caller, ws, 'opportunity', { filters: { stage } });
    expect(codeOf(await list('proposal'))).toBe('ok');
    expect(codeOf(await list('closed-won'))).toBe('ok');
    expect(codeOf(await list('bogus'))).toBe('VALIDATION.FAILED');
  });

  it('given leads with statuses, then lists filter by them', async () => {
    const { app, ws } = await given();
    expectOk(await createLead(app.deps, caller, ws, { lastName: 'A', source: 'web' }));
    expectOk(
      await createLead(app.deps, caller, ws, { lastName: 'B', source: 'event', status: 'working-contacted' }),
    );

    const working = expectOk(
      await listRecords(app.deps, caller, ws, 'lead', { filters: { status: 'working-contacted' } }),
    );
    const web = expectOk(await listRecords(app.deps, caller, ws, 'lead', { filters: { source: 'web' } }));

    expect(working.items.map((l) => l.record.lastName)).toEqual(['B']);
    expect(web.items.map((l) => l.record.lastName)).toEqual(['A']);
  });

  it('given an organisation with contacts, then it cannot be deleted', async () => {
    const { app, ws } = await given();
    const org = expectOk(await createOrganisation(app.deps, caller, ws, { name: 'Acme' }));
    expectOk(await createContact(app.deps, caller, ws, { organisationId: org.record.id, lastName: 'Doe' }));
    expect(codeOf(await deleteOrganisation(app.deps, caller, ws, org.record.id, org.version))).toBe(
      'ORGANISATION.HAS_DEPENDENTS',
    );
  });

  it("given a converted lead's activities, then they follow it to the contact, organisation and deal", async () => {
    const { app, ws } = await given();
    const lead = expectOk(await createLead(app.deps, caller, ws, { lastName: 'Costa', company: 'Costa SA' }));
    expectOk(
      await createActivity(app.deps, caller, ws, {
        type: 'call',
        subject: 'Primeiro contacto',
        regarding: { type: 'lead', id: lead.record.id },
      }),
    );
    const converted = expectOk(await convertLead(app.deps, caller, ws, lead.record.id, {}));

    for (const [type, id] of [
      ['contact', converted.contact.record.id],
      ['organisation', converted.organisation.record.id],
      ['opportunity', converted.opportunity!.record.id],
    ] as const) {
      const page = expectOk(
        await listActivities(app.deps, caller, ws, { regardingType: type, regardingId: id }),
      );
      expect(page.items.map((a) => a.record.subject)).toEqual(['Primeiro contacto']);
    }
  });

  it('given more than 100 leads converted into one organisation, then the activities of every one follow it', async () => {
    const { app, ws } = await given();
    const org = expectOk(await createOrganisation(app.deps, caller, ws, { name: 'Fjordkraft' }));
    const LEADS = 130;
    for (let i = 0; i < LEADS; i++) {
      const lead = expectOk(
        await createLead(app.deps, caller, ws, { lastName: `Berg ${i}`, company: 'Fjordkraft' }),
      );
      expectOk(
        await createActivity(app.deps, caller, ws, {
          type: 'call',
          subject: `Samtale ${i}`,
          regarding: { type: 'lead', id: lead.record.id },
        }),
      );
      expectOk(
        await convertLead(app.deps, caller, ws, lead.record.id, {
          organisationId: org.record.id,
          createOpportunity: false,
        }),
      );
    }
    const subjects = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = expectOk(
        await listActivities(app.deps, caller, ws, {
          regardingType: 'organisation',
          regardingId: org.record.id,
          limit: 50,
          ...(cursor ? { cursor } : {}),
        }),
      );
      for (const item of page.items) subjects.add(item.record.subject);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(subjects.size).toBe(LEADS);
  });

  it('given a campaign that leads or deals point at, then it cannot be deleted; once they are moved, it can', async () => {
    const { app, ws } = await given();
    const campaign = expectOk(
      await createCampaign(app.deps, caller, ws, { name: 'Messe', type: 'trade-show' }),
    );
    const lead = expectOk(
      await createLead(app.deps, caller, ws, { lastName: 'Sousa', campaignId: campaign.record.id }),
    );
    expect(codeOf(await deleteCampaign(app.deps, caller, ws, campaign.record.id, campaign.version))).toBe(
      'CAMPAIGN.HAS_DEPENDENTS',
    );
    expectOk(await updateLead(app.deps, caller, ws, lead.record.id, lead.version, { campaignId: null }));
    expectOk(await deleteCampaign(app.deps, caller, ws, campaign.record.id, campaign.version));
  });

  it('given an activity about a record that does not exist, then ACTIVITY.REGARDING_NOT_FOUND', async () => {
    const { app, ws } = await given();
    const result = await createActivity(app.deps, caller, ws, {
      type: 'note',
      subject: 'x',
      regarding: { type: 'contact', id: 'ghost' },
    });
    expect(codeOf(result)).toBe('ACTIVITY.REGARDING_NOT_FOUND');
  });

  it('given deals and leads, then reports run and reject bad parameters', async () => {
    const { app, ws } = await given();
    const lead = expectOk(await createLead(app.deps, caller, ws, { lastName: 'Lima', company: 'Lima' }));
    expectOk(await convertLead(app.deps, caller, ws, lead.record.id, { opportunity: { amount: 5000 } }));

    const pipeline = expectOk(await runReport(app.deps, caller, ws, 'pipeline'));
    expect(JSON.stringify(pipeline)).toContain('5000');
    for (const name of ['forecast', 'conversion', 'campaigns', 'win-rate', 'sales-cycle', 'stale-deals']) {
      expect(codeOf(await runReport(app.deps, caller, ws, name))).toBe('ok');
    }
    expect(codeOf(await runReport(app.deps, caller, ws, 'nope'))).toBe('VALIDATION.FAILED');
    expect(codeOf(await runReport(app.deps, caller, ws, 'forecast', { months: '99' }))).toBe(
      'VALIDATION.FAILED',
    );
    expect(codeOf(await runReport(app.deps, caller, ws, 'conversion', { by: 'colour' }))).toBe(
      'VALIDATION.FAILED',
    );
  });
});

describe('activities about converted leads', () => {
  it('given a converted lead, then an activity can still be logged against it', async () => {
    const { app, ws } = await given();
    const lead = expectOk(
      await createLead(app.deps, caller, ws, { lastName: 'Moreira', company: 'Moreira' }),
    );
    expectOk(await convertLead(app.deps, caller, ws, lead.record.id, {}));

    const result = await createActivity(app.deps, caller, ws, {
      type: 'note',
      subject: 'Nota depois da conversão',
      regarding: { type: 'lead', id: lead.record.id },
    });

    expect(codeOf(result)).toBe('ok');
  });
});
