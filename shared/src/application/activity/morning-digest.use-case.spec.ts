import { anActor, asCaller, expectOk, inMemoryApp, type TestApp } from '../../testing/app-harness';
import { createOrganisation } from '../organisation/organisation.use-case';
import { notificationTargets, rememberPersonalChat } from '../workspace/channel.use-case';
import { addMember, createWorkspace, getWorkspace, updateWorkspace } from '../workspace/workspace.use-case';
import { createActivity } from './activity.use-case';
import { freshMorningDigestMemory, runMorningDigests } from './morning-digests';

/**
 * Anna told the bot she is in Oslo; Bob and Carol never wrote to it, so the workspace's zone (São
 * Paulo) stands in for them. Monday 30 March 2026 is the first working day of summer time in Oslo:
 * 08:00 there is 06:00 UTC (it was 07:00 the Friday before); in São Paulo 08:00 is 11:00 UTC.
 */
const anna = anActor({ userId: 'anna' });
const bob = anActor({ userId: 'bob' });
const carol = anActor({ userId: 'carol' });
const quiet = { info: () => undefined, warn: () => undefined };

async function given() {
  const app = inMemoryApp();
  app.clock.set('2026-03-27T09:00:00.000Z');
  const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'Salg' })).record.id;
  for (const who of [bob, carol]) {
    expectOk(await addMember(app.deps, anna, ws, { userId: who.userId, role: 'member' }));
  }
  const version = expectOk(await getWorkspace(app.deps, anna, ws)).version;
  expectOk(
    await updateWorkspace(app.deps, anna, ws, version, {
      morningDigest: { enabled: true, timeZone: 'America/Sao_Paulo' },
    }),
  );
  await rememberPersonalChat(app.deps, anna, { conversation: { id: 'a:anna' } }, 'Europe/Oslo');
  const org = expectOk(await createOrganisation(app.deps, asCaller(anna), ws, { name: 'Fjord AS' })).record;
  const task = (owner: typeof anna, dueAt: string) =>
    createActivity(app.deps, asCaller(anna), ws, {
      type: 'task',
      subject: `Follow up (${owner.userId})`,
      regarding: { type: 'organisation', id: org.id },
      occurredAt: dueAt,
      completed: false,
      ownerId: owner.userId,
    }).then(expectOk);
  // Anna's is overdue by Monday, Carol's due on Monday; Bob has nothing.
  await task(anna, '2026-03-26T12:00:00.000Z');
  await task(carol, '2026-03-30T15:00:00.000Z');
  return { app, ws, org };
}

const digests = async (app: TestApp, ws: string) =>
  (await app.deps.outbox.pending(ws, 100))
    .map((p) => p.event)
    .filter((e) => e.type === 'activity.morning-digest')
    .map((e) => e.data);

describe('morning digests', () => {
  it('given Monday after summer time starts, then Anna’s comes at 08:00 Oslo time (06:00 UTC), once', async () => {
    const { app, ws } = await given();
    const memory = freshMorningDigestMemory();

    app.clock.set('2026-03-30T05:59:59.000Z');
    expect((await runMorningDigests(app.deps, memory, quiet)).outcomes).toEqual({});
    app.clock.set('2026-03-30T06:00:00.000Z');
    expect((await runMorningDigests(app.deps, memory, quiet)).outcomes).toEqual({ queued: 1 });
    app.clock.set('2026-03-30T06:01:00.000Z');
    expect((await runMorningDigests(app.deps, memory, quiet)).outcomes).toEqual({});
    // A restart forgets what it saw; the day's claim does not.
    expect((await runMorningDigests(app.deps, freshMorningDigestMemory(), quiet)).outcomes).toEqual({
      'done-before': 1,
    });

    expect(await digests(app, ws)).toEqual([{ userId: 'anna', date: '2026-03-30', timeZone: 'Europe/Oslo' }]);
  });

  it('given the Friday before, then 08:00 in Oslo is 07:00 UTC', async () => {
    const { app, ws } = await given();
    const memory = freshMorningDigestMemory();
    app.clock.set('2026-03-27T06:59:00.000Z');
    await runMorningDigests(app.deps, memory, quiet);
    expect(await digests(app, ws)).toEqual([]);
    app.clock.set('2026-03-27T07:00:00.000Z');
    await runMorningDigests(app.deps, memory, quiet);
    expect(await digests(app, ws)).toEqual([{ userId: 'anna', date: '2026-03-27', timeZone: 'Europe/Oslo' }]);
  });

  it('given two bot instances at 08:00 in São Paulo, then Carol gets one digest and Bob, with nothing due, none', async () => {
    const { app, ws } = await given();
    app.clock.set('2026-03-30T11:00:00.000Z');

    const [first, second] = await Promise.all([
      runMorningDigests(app.deps, freshMorningDigestMemory(), quiet),
      runMorningDigests(app.deps, freshMorningDigestMemory(), quiet),
    ]);

    const outcomes = [first, second].flatMap((p) =>
      Object.entries(p.outcomes).flatMap(([k, n]) => Array<string>(n).fill(k)),
    );
    // Each once, each second look "done before"; in Oslo it is 13:00, past the digest's morning.
    expect(outcomes.sort()).toEqual(['done-before', 'done-before', 'nothing-due', 'queued']);
    expect(await digests(app, ws)).toEqual([
      { userId: 'carol', date: '2026-03-30', timeZone: 'America/Sao_Paulo' },
    ]);
  });

  it('given Bob with nothing due at 08:00, then nothing comes later that day either', async () => {
    const { app, ws, org } = await given();
    app.clock.set('2026-03-30T11:00:00.000Z');
    await runMorningDigests(app.deps, freshMorningDigestMemory(), quiet);
    // At 09:00 something is due today for him after all: the morning is over for the digest.
    await createActivity(app.deps, asCaller(bob), ws, {
      type: 'task',
      subject: 'Late',
      regarding: { type: 'organisation', id: org.id },
      occurredAt: '2026-03-30T18:00:00.000Z',
      completed: false,
    }).then(expectOk);
    app.clock.set('2026-03-30T12:00:00.000Z');
    await runMorningDigests(app.deps, freshMorningDigestMemory(), quiet);
    expect((await digests(app, ws)).map((d) => d.userId)).not.toContain('bob');
  });

  it('given a weekend, or the digest turned off, then nothing', async () => {
    const { app, ws } = await given();
    app.clock.set('2026-03-28T07:00:00.000Z');
    await runMorningDigests(app.deps, freshMorningDigestMemory(), quiet);
    expect(await digests(app, ws)).toEqual([]);

    const version = expectOk(await getWorkspace(app.deps, anna, ws)).version;
    expectOk(await updateWorkspace(app.deps, anna, ws, version, { morningDigest: { enabled: false } }));
    app.clock.set('2026-03-30T06:00:00.000Z');
    expect((await runMorningDigests(app.deps, freshMorningDigestMemory(), quiet)).workspaces).toBe(0);
    expect(await digests(app, ws)).toEqual([]);
  });

  it('given a digest queued, then it goes to the person’s own chat and to no channel', async () => {
    const { app, ws } = await given();
    app.clock.set('2026-03-30T06:00:00.000Z');
    await runMorningDigests(app.deps, freshMorningDigestMemory(), quiet);
    const [pending] = await app.deps.outbox.pending(ws, 10);
    expect(await notificationTargets(app.deps, pending!.event)).toEqual([
      { key: 'personal:anna', kind: 'personal' },
    ]);
  });
});
