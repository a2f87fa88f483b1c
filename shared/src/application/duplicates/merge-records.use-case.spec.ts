import { anActor, asCaller, codeOf, expectOk, inMemoryApp } from '../../testing/app-harness';
import { createActivity } from '../activity/activity.use-case';
import { createContact, updateContact } from '../contact/contact.use-case';
import type { AppDeps } from '../deps';
import { createOrganisation } from '../organisation/organisation.use-case';
import { createWorkspace } from '../workspace/workspace.use-case';
import { mergeRecords } from './merge-records.use-case';

const anna = anActor();
const caller = asCaller(anna);

async function given() {
  const app = inMemoryApp();
  const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'Salg' })).record.id;
  const org = (name: string) => createOrganisation(app.deps, caller, ws, { name }).then(expectOk);
  return { app, ws, org };
}

describe('mergeRecords', () => {
  it('given a moved contact edited between the read and the commit, then the merge retries on fresh reads and keeps the edit', async () => {
    const { app, ws, org } = await given();
    const survivor = await org('Fjordlys Logistikk AS');
    const loser = await org('Fjordlys Logistikk');
    const ingrid = expectOk(
      await createContact(app.deps, caller, ws, { organisationId: loser.record.id, lastName: 'Solberg' }),
    );
    let commits = 0;
    const racing: AppDeps = {
      ...app.deps,
      // The repository with its commit wrapped (methods stay on its prototype).
      records: Object.assign(Object.create(app.deps.records) as AppDeps['records'], {
        commit: async (w: string, changes: Parameters<AppDeps['records']['commit']>[1]) => {
          // Someone edits Ingrid just before the merge's first commit.
          if (++commits === 1)
            expectOk(
              await updateContact(app.deps, caller, ws, ingrid.record.id, ingrid.version, { title: 'CFO' }),
            );
          return app.deps.records.commit(w, changes);
        },
      }),
    };

    const merged = await mergeRecords(racing, caller, ws, 'organisation', {
      survivor: { id: survivor.record.id, version: survivor.version },
      loser: { id: loser.record.id, version: loser.version },
    });

    expect(codeOf(merged)).toBe('ok');
    expect(commits).toBe(2);
    expect((await app.deps.records.get(ws, 'contact', ingrid.record.id))?.record).toMatchObject({
      organisationId: survivor.record.id,
      title: 'CFO',
    });
  });

  it('given more links than one transaction holds, then MERGE.TOO_LARGE and nothing changes', async () => {
    const { app, ws, org } = await given();
    const survivor = await org('Bakker Bouw');
    const loser = await org('Bakker Bouw BV');
    // An activity costs 3 rows to move (its row, its regarding row out and in).
    for (let i = 0; i < 33; i++)
      expectOk(
        await createActivity(app.deps, caller, ws, {
          type: 'note',
          subject: `Note ${i}`,
          regarding: { type: 'organisation', id: loser.record.id },
        }),
      );

    const merged = await mergeRecords(app.deps, caller, ws, 'organisation', {
      survivor: { id: survivor.record.id, version: survivor.version },
      loser: { id: loser.record.id, version: loser.version },
    });

    expect(!merged.ok && merged.error).toMatchObject({
      code: 'MERGE.TOO_LARGE',
      details: { rows: 102, max: 100 },
    });
    expect((await app.deps.records.get(ws, 'organisation', loser.record.id))?.version).toBe(loser.version);
  });

  it('given no version for one of them, then CONCURRENCY.VERSION_REQUIRED; the same record twice, MERGE.SAME_RECORD', async () => {
    const { app, ws, org } = await given();
    const a = await org('A');
    const b = await org('B');
    const merge = (input: object) => mergeRecords(app.deps, caller, ws, 'organisation', input);
    expect(
      codeOf(await merge({ survivor: { id: a.record.id, version: a.version }, loser: { id: b.record.id } })),
    ).toBe('CONCURRENCY.VERSION_REQUIRED');
    expect(
      codeOf(
        await merge({
          survivor: { id: a.record.id, version: a.version },
          loser: { id: a.record.id, version: a.version },
        }),
      ),
    ).toBe('MERGE.SAME_RECORD');
    expect(codeOf(await merge({ survivor: { id: a.record.id } }))).toBe('VALIDATION.FAILED');
  });
});
