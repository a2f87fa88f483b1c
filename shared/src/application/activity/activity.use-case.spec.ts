import type { Activity } from '../../activity/activity';
import type { Opportunity } from '../../opportunity/opportunity';
import type { Versioned } from '../../records/versions';
import { anActor, asCaller, codeOf, expectOk, inMemoryApp, type TestApp } from '../../testing/app-harness';
import { convertLead } from '../lead/convert-lead.use-case';
import { createLead } from '../lead/lead.use-case';
import { createOpportunity } from '../opportunity/opportunity.use-case';
import { createOrganisation } from '../organisation/organisation.use-case';
import { deleteRecord, getRecord, restoreRecord } from '../record/records.use-case';
import { addMember, createWorkspace } from '../workspace/workspace.use-case';
import {
  completeActivity,
  reopenActivity,
  rescheduleActivity,
  snoozeActivity,
} from './activity-actions.use-case';
import { createActivity, listActivities, updateActivity } from './activity.use-case';
import { myDay } from './my-day.use-case';

const anna = anActor({ userId: 'anna' });
const caller = asCaller(anna);
const NOW = '2026-03-04T10:00:00.000Z'; // a Wednesday
const day = (d: number, h = 9) => new Date(Date.UTC(2026, 2, d, h)).toISOString();

async function given() {
  const app = inMemoryApp();
  app.clock.set(NOW);
  const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'Salg', defaultCurrency: 'NOK' })).record
    .id;
  const org = expectOk(await createOrganisation(app.deps, caller, ws, { name: 'Fjord AS' })).record;
  const deal = expectOk(
    await createOpportunity(app.deps, caller, ws, { name: 'Fjord – lisenser', organisationId: org.id }),
  );
  return { app, ws, org, deal };
}

const dealOf = async (app: TestApp, ws: string, id: string) =>
  expectOk(await getRecord(app.deps, caller, ws, 'opportunity', id)).record as Opportunity;

const plan = (
  app: TestApp,
  ws: string,
  regarding: Activity['regarding'],
  occurredAt: string,
  subject = 'Call',
) =>
  createActivity(app.deps, caller, ws, {
    type: 'call',
    subject,
    regarding,
    occurredAt,
    completed: false,
  }).then(expectOk);

describe('activities keep their deal’s next and last activity', () => {
  it('given a deal, when a call is logged now and another planned for Friday, then the deal has its last and next activity', async () => {
    const { app, ws, deal } = await given();
    const regarding = { type: 'opportunity' as const, id: deal.record.id };

    const logged = expectOk(
      await createActivity(app.deps, caller, ws, { type: 'call', subject: 'Intro', regarding }),
    );
    const friday = await plan(app, ws, regarding, day(6));

    expect(logged.record).toMatchObject({ completed: true, completedAt: NOW, occurredAt: NOW });
    expect(friday.record.completed).toBe(false);
    expect(await dealOf(app, ws, deal.record.id)).toMatchObject({
      lastActivityAt: NOW,
      nextActivity: { id: friday.record.id, type: 'call', subject: 'Call', dueAt: day(6) },
    });
  });

  it('given Thursday and Friday planned, when Thursday is done, then Friday is next and the hint says so', async () => {
    const { app, ws, deal } = await given();
    const regarding = { type: 'opportunity' as const, id: deal.record.id };
    const friday = await plan(app, ws, regarding, day(6), 'Demo');
    const thursday = await plan(app, ws, regarding, day(5), 'Prep');
    expect((await dealOf(app, ws, deal.record.id)).nextActivity?.id).toBe(thursday.record.id);

    const done = expectOk(
      await completeActivity(app.deps, caller, ws, thursday.record.id, thursday.version, {
        outcome: 'Ready',
      }),
    );

    expect(done.activity.record).toMatchObject({
      completed: true,
      outcome: 'Ready',
      regardingName: 'Fjord – lisenser',
    });
    expect(done.planNext).toEqual({
      regarding,
      regardingName: 'Fjord – lisenser',
      ownerId: 'anna',
      nextActivity: { id: friday.record.id, type: 'call', subject: 'Demo', dueAt: day(6) },
    });
    // Done on Wednesday although planned for Thursday: it happened now.
    expect(await dealOf(app, ws, deal.record.id)).toMatchObject({
      lastActivityAt: NOW,
      nextActivity: { id: friday.record.id },
    });
  });

  it('given the only planned step, when it is done, then the deal has no next step and the hint offers to plan one', async () => {
    const { app, ws, deal } = await given();
    const only = await plan(app, ws, { type: 'opportunity', id: deal.record.id }, day(5));

    const done = expectOk(await completeActivity(app.deps, caller, ws, only.record.id, undefined, {}));
    const again = expectOk(await completeActivity(app.deps, caller, ws, only.record.id, undefined, {}));

    expect(done.planNext.nextActivity).toBeUndefined();
    expect(again.activity.version).toBe(done.activity.version);
    expect(await dealOf(app, ws, deal.record.id)).not.toHaveProperty('nextActivity');
  });

  it('given a next step, when it is deleted, moved to another deal, restored or reopened, then both deals follow', async () => {
    const { app, ws, org, deal } = await given();
    const other = expectOk(
      await createOpportunity(app.deps, caller, ws, { name: 'Fjord – service', organisationId: org.id }),
    );
    const step = await plan(app, ws, { type: 'opportunity', id: deal.record.id }, day(5));

    const moved = expectOk(
      await updateActivity(app.deps, caller, ws, step.record.id, step.version, {
        regarding: { type: 'opportunity', id: other.record.id },
      }),
    );
    expect(await dealOf(app, ws, deal.record.id)).not.toHaveProperty('nextActivity');
    expect((await dealOf(app, ws, other.record.id)).nextActivity?.id).toBe(step.record.id);

    expectOk(await deleteRecord(app.deps, caller, ws, 'activity', step.record.id, moved.version));
    expect(await dealOf(app, ws, other.record.id)).not.toHaveProperty('nextActivity');

    const restored = expectOk(await restoreRecord(app.deps, caller, ws, 'activity', step.record.id));
    expect((await dealOf(app, ws, other.record.id)).nextActivity?.id).toBe(step.record.id);

    const done = expectOk(await completeActivity(app.deps, caller, ws, step.record.id, restored.version, {}));
    const reopened = expectOk(
      await reopenActivity(app.deps, caller, ws, step.record.id, done.activity.version),
    );
    expect(reopened.record).toMatchObject({ completed: false });
    expect(reopened.record).not.toHaveProperty('completedAt');
    expect(await dealOf(app, ws, other.record.id)).toMatchObject({ nextActivity: { id: step.record.id } });
    expect(await dealOf(app, ws, other.record.id)).not.toHaveProperty('lastActivityAt');
  });

  it('given a lead with a planned call, when converted, then the new deal carries it; done later, both lead and deal see it', async () => {
    const { app, ws } = await given();
    const lead = expectOk(
      await createLead(app.deps, caller, ws, { lastName: 'Nordmann', company: 'Fjordlys' }),
    );
    const call = await plan(app, ws, { type: 'lead', id: lead.record.id }, day(6));

    const converted = expectOk(await convertLead(app.deps, caller, ws, lead.record.id, {}));
    const dealId = converted.opportunity!.record.id;
    expect(converted.opportunity!.record.nextActivity?.id).toBe(call.record.id);

    expectOk(await completeActivity(app.deps, caller, ws, call.record.id, undefined, {}));
    expect(await dealOf(app, ws, dealId)).toMatchObject({ lastActivityAt: NOW });
    expect(await dealOf(app, ws, dealId)).not.toHaveProperty('nextActivity');
    const leadNow = expectOk(await getRecord(app.deps, caller, ws, 'lead', lead.record.id)).record;
    expect(leadNow).toMatchObject({ status: 'closed-converted', lastActivityAt: NOW });
  });

  it("given a converted deal, when its own step is done, then the lead's open call becomes its next step", async () => {
    const { app, ws } = await given();
    const lead = expectOk(await createLead(app.deps, caller, ws, { lastName: 'Nordmann' }));
    const leadCall = await plan(app, ws, { type: 'lead', id: lead.record.id }, day(9));
    const dealId = expectOk(await convertLead(app.deps, caller, ws, lead.record.id, {})).opportunity!.record
      .id;
    const own = await plan(app, ws, { type: 'opportunity', id: dealId }, day(5));
    expect((await dealOf(app, ws, dealId)).nextActivity?.id).toBe(own.record.id);

    expectOk(await completeActivity(app.deps, caller, ws, own.record.id, undefined, {}));

    expect((await dealOf(app, ws, dealId)).nextActivity?.id).toBe(leadCall.record.id);
  });

  it('given two steps planned on one deal at the same moment, then both are written and the earliest is next', async () => {
    const { app, ws, deal } = await given();
    const regarding = { type: 'opportunity' as const, id: deal.record.id };

    const [a, b] = await Promise.all([plan(app, ws, regarding, day(7)), plan(app, ws, regarding, day(6))]);

    expect([a.record.id, b.record.id]).toHaveLength(2);
    expect((await dealOf(app, ws, deal.record.id)).nextActivity?.id).toBe(b.record.id);
  });

  it('given a done activity, when rescheduled, then ACTIVITY.ALREADY_COMPLETED', async () => {
    const { app, ws, deal } = await given();
    const call = expectOk(
      await createActivity(app.deps, caller, ws, {
        type: 'call',
        subject: 'x',
        regarding: { type: 'opportunity', id: deal.record.id },
      }),
    );
    expect(
      codeOf(await rescheduleActivity(app.deps, caller, ws, call.record.id, undefined, { dueAt: day(9) })),
    ).toBe('ACTIVITY.ALREADY_COMPLETED');
  });
});

describe('my day', () => {
  async function week() {
    const { app, ws, deal } = await given();
    const regarding = { type: 'opportunity' as const, id: deal.record.id };
    const overdue = await plan(app, ws, regarding, day(2), 'Overdue');
    const today = await plan(app, ws, regarding, day(4, 12), 'Today');
    const tomorrow = await plan(app, ws, regarding, day(5), 'Tomorrow');
    const far = await plan(app, ws, regarding, day(20), 'Far');
    return { app, ws, deal, overdue, today, tomorrow, far };
  }
  const subjects = (items: readonly Versioned<Activity>[]) => items.map((i) => i.record.subject);

  it('given planned activities, then my day splits them into overdue, today and the next days, each naming its deal', async () => {
    const { app, ws } = await week();

    const mine = expectOk(await myDay(app.deps, caller, ws, {}));

    expect(mine).toMatchObject({ ownerId: 'anna', timeZone: 'UTC', date: '2026-03-04' });
    expect(subjects(mine.overdue.items)).toEqual(['Overdue']);
    expect(subjects(mine.today.items)).toEqual(['Today']);
    expect(subjects(mine.upcoming.items)).toEqual(['Tomorrow']);
    expect(mine.today.items[0]?.record.regardingName).toBe('Fjord – lisenser');
  });

  it("given a time zone where it is already Thursday, then Wednesday's call is overdue", async () => {
    const { app, ws } = await week();
    app.clock.set('2026-03-04T23:30:00.000Z');

    const inTokyo = expectOk(await myDay(app.deps, caller, ws, { tz: 'Asia/Tokyo', days: 31 }));

    expect(inTokyo.date).toBe('2026-03-05');
    expect(subjects(inTokyo.overdue.items)).toEqual(['Overdue', 'Today']);
    expect(subjects(inTokyo.today.items)).toEqual(['Tomorrow']);
    expect(subjects(inTokyo.upcoming.items)).toEqual(['Far']);
  });

  it('given a done or rescheduled activity, then my day follows', async () => {
    const { app, ws, overdue, today } = await week();
    expectOk(await completeActivity(app.deps, caller, ws, overdue.record.id, undefined, {}));
    expectOk(await rescheduleActivity(app.deps, caller, ws, today.record.id, undefined, { dueAt: day(6) }));

    const mine = expectOk(await myDay(app.deps, caller, ws, {}));
    expect(subjects(mine.overdue.items)).toEqual([]);
    expect(subjects(mine.upcoming.items)).toEqual(['Tomorrow', 'Today']);
  });

  it('given an overdue call snoozed to next week, then it leaves my day and is the deal’s next step on Monday at its hour', async () => {
    const { app, ws, deal, overdue } = await week();

    const snoozed = expectOk(
      await snoozeActivity(app.deps, caller, ws, overdue.record.id, overdue.version, {
        until: 'next-week',
        timeZone: 'Europe/Oslo',
      }),
    );

    // Due Monday 2 March 09:00 UTC (10:00 in Oslo) → Monday 9 March, 10:00 in Oslo.
    expect(snoozed.record).toMatchObject({ occurredAt: day(9), regardingName: 'Fjord – lisenser' });
    const mine = expectOk(await myDay(app.deps, caller, ws, {}));
    expect(subjects(mine.overdue.items)).toEqual([]);
    expect((await dealOf(app, ws, deal.record.id)).nextActivity?.subject).toBe('Today');
    expect(
      codeOf(
        await snoozeActivity(app.deps, caller, ws, overdue.record.id, overdue.version, {
          until: 'tomorrow',
          timeZone: 'Europe/Oslo',
        }),
      ),
    ).toBe('CONCURRENCY.STALE');
    expect(
      codeOf(
        await snoozeActivity(app.deps, caller, ws, overdue.record.id, undefined, {
          until: 'someday',
          timeZone: 'Europe/Oslo',
        }),
      ),
    ).toBe('VALIDATION.FAILED');
  });

  it("given an owner, then they may see a member's day; a member may not see another's", async () => {
    const { app, ws, today } = await week();
    expectOk(await addMember(app.deps, anna, ws, { userId: 'megan', role: 'member' }));
    expectOk(
      await updateActivity(app.deps, caller, ws, today.record.id, today.version, { ownerId: 'megan' }),
    );
    const megan = asCaller(anActor({ userId: 'megan' }));

    expect(subjects(expectOk(await myDay(app.deps, caller, ws, { ownerId: 'megan' })).today.items)).toEqual([
      'Today',
    ]);
    expect(subjects(expectOk(await myDay(app.deps, megan, ws, {})).today.items)).toEqual(['Today']);
    expect(codeOf(await myDay(app.deps, megan, ws, { ownerId: 'anna' }))).toBe('WORKSPACE.OWNER_REQUIRED');
    expect(codeOf(await myDay(app.deps, caller, ws, { ownerId: 'nobody' }))).toBe('OWNER.NOT_A_MEMBER');
  });

  it.each([
    [{ tz: 'Mars/Olympus' }, 'tz'],
    [{ days: 0 }, 'days'],
    [{ days: 32 }, 'days'],
  ])('given %j, then VALIDATION.FAILED on %s', async (params, field) => {
    const { app, ws } = await given();
    const result = await myDay(app.deps, caller, ws, params);
    expect(!result.ok && result.error.fields).toHaveProperty(field);
  });
});

describe('activity lists', () => {
  it('filters by done and by due, and names what each activity is about', async () => {
    const { app, ws, deal } = await given();
    const regarding = { type: 'opportunity' as const, id: deal.record.id };
    await plan(app, ws, regarding, day(2), 'Overdue');
    await plan(app, ws, regarding, day(9), 'Later');
    expectOk(await createActivity(app.deps, caller, ws, { type: 'note', subject: 'Note', regarding }));

    const list = async (filters: Record<string, string>) =>
      expectOk(await listActivities(app.deps, caller, ws, { filters }))
        .items.map((i) => i.record.subject)
        .sort();

    expect(await list({ completed: 'false' })).toEqual(['Later', 'Overdue']);
    expect(await list({ completed: 'true' })).toEqual(['Note']);
    expect(await list({ dueFrom: '2026-03-03T00:00:00+01:00', dueTo: day(10) })).toEqual(['Later', 'Note']);
    const all = expectOk(await listActivities(app.deps, caller, ws, {}));
    expect(all.items.every((i) => i.record.regardingName === 'Fjord – lisenser')).toBe(true);
    expect(codeOf(await listActivities(app.deps, caller, ws, { filters: { dueFrom: 'monday' } }))).toBe(
      'VALIDATION.FAILED',
    );
    expect(codeOf(await listActivities(app.deps, caller, ws, { filters: { completed: 'yes' } }))).toBe(
      'VALIDATION.FAILED',
    );
  });
});
