import type { Activity } from '../../activity/activity';
import type { Id, WorkspaceId } from '../../common/types';
import type { RecordRepository } from '../../application/ports';
import type { Versioned } from '../../records/versions';
import { anActivity } from '../builders';
import { change, expectOk, remove, seed, uniqueId, update, type StorageUnderTest } from './contract-fixtures';

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 2, day, hour)).toISOString();

/** An open activity of `ownerId`, due on `day`. */
const planned = (ws: WorkspaceId, ownerId: string, day: number, over: Partial<Activity> = {}): Activity => {
  const { completedAt: _unused, ...rest } = anActivity({
    workspaceId: ws,
    ownerId,
    occurredAt: at(day),
    regarding: { type: 'opportunity', id: 'opp-a' },
    ...over,
  });
  return { ...rest, completed: false, ...over };
};

/** A done activity that happened on `day`. */
const held = (ws: WorkspaceId, ownerId: string, day: number, over: Partial<Activity> = {}): Activity =>
  anActivity({
    workspaceId: ws,
    ownerId,
    occurredAt: at(day),
    completed: true,
    completedAt: at(day, 17),
    regarding: { type: 'opportunity', id: 'opp-a' },
    ...over,
  });

const ids = (items: readonly Versioned<{ id: Id }>[]) => items.map((i) => i.record.id);

async function dueOf(
  records: RecordRepository,
  ws: WorkspaceId,
  ownerId: string,
  from?: string,
  to?: string,
) {
  const page = await records.listDue(ws, {
    ownerId,
    limit: 100,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  return ids(page.items);
}

/**
 * An owner's open activities by due time (My day), a lead's or deal's open and done activities (what
 * its summary is recomputed from), and activity list filters by done and due: key ranges kept in the
 * activity's own commit.
 */
export function activityListsContract(storage: () => StorageUnderTest): void {
  describe('activity lists', () => {
    it("lists one owner's open activities earliest due first, within from and to", async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [late, early, mid] = await seed(records, ws, 'activity', [
        planned(ws, 'alex', 9),
        planned(ws, 'alex', 2),
        planned(ws, 'alex', 5),
      ]);
      await seed(records, ws, 'activity', [planned(ws, 'megan', 3), held(ws, 'alex', 4)]);

      expect(await dueOf(records, ws, 'alex')).toEqual(ids([early!, mid!, late!]));
      expect(await dueOf(records, ws, 'alex', at(3), at(9))).toEqual([mid!.record.id]);
      expect(await dueOf(records, ws, 'megan')).toHaveLength(1);
    });

    it('pages the due list with a cursor, in due order', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      await seed(
        records,
        ws,
        'activity',
        [5, 1, 4, 2, 3].map((day) => planned(ws, 'alex', day)),
      );
      const first = await records.listDue(ws, { ownerId: 'alex', limit: 2 });
      const second = await records.listDue(ws, { ownerId: 'alex', limit: 2, cursor: first.nextCursor! });
      const third = await records.listDue(ws, { ownerId: 'alex', limit: 2, cursor: second.nextCursor! });
      const due = [...first.items, ...second.items, ...third.items].map((a) => a.record.occurredAt);
      expect(due).toEqual([1, 2, 3, 4, 5].map((d) => at(d)));
      expect(third.nextCursor).toBeUndefined();
    });

    it('moves an activity in the lists as it is done, undone, rescheduled, reassigned and deleted', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [call] = await seed(records, ws, 'activity', [planned(ws, 'alex', 3)]);
      const deal = { type: 'opportunity' as const, id: 'opp-a' };
      let current = call!;
      const apply = async (next: Activity) => {
        const receipt = expectOk(await records.commit(ws, change(update('activity', current, next))));
        current = { record: next, version: receipt.versions[`activity:${next.id}`]! } as Versioned<Activity>;
      };

      await apply({ ...current.record, completed: true, completedAt: at(3, 10) });
      expect(await dueOf(records, ws, 'alex')).toEqual([]);
      expect(ids(await records.activitiesAbout(ws, deal, 'done', 5))).toEqual([call!.record.id]);
      expect(await records.activitiesAbout(ws, deal, 'open', 5)).toEqual([]);

      const { completedAt: _done, ...reopened } = current.record;
      await apply({ ...reopened, completed: false, occurredAt: at(7) });
      expect(await dueOf(records, ws, 'alex', at(7))).toEqual([call!.record.id]);
      expect(ids(await records.activitiesAbout(ws, deal, 'open', 5))).toEqual([call!.record.id]);
      expect(await records.activitiesAbout(ws, deal, 'done', 5)).toEqual([]);

      await apply({ ...current.record, ownerId: 'megan' });
      expect(await dueOf(records, ws, 'alex')).toEqual([]);
      expect(await dueOf(records, ws, 'megan')).toEqual([call!.record.id]);

      expectOk(await records.commit(ws, change(remove('activity', current, at(8)))));
      expect(await dueOf(records, ws, 'megan')).toEqual([]);
      expect(await records.activitiesAbout(ws, deal, 'open', 5)).toEqual([]);
    });

    it("gives a deal's open activities earliest first and its done ones latest first, never another record's", async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const deal = { type: 'opportunity' as const, id: 'opp-a' };
      const [friday, monday, tuesday, sunday] = await seed(records, ws, 'activity', [
        planned(ws, 'alex', 6),
        planned(ws, 'megan', 9),
        held(ws, 'alex', 3),
        held(ws, 'alex', 1),
      ]);
      await seed(records, ws, 'activity', [
        planned(ws, 'alex', 2, { regarding: { type: 'opportunity', id: 'opp-b' } }),
        held(ws, 'alex', 5, { regarding: { type: 'lead', id: 'opp-a' } }),
        planned(ws, 'alex', 1, { regarding: { type: 'contact', id: 'opp-a' } }),
      ]);

      expect(ids(await records.activitiesAbout(ws, deal, 'open', 5))).toEqual(ids([friday!, monday!]));
      expect(ids(await records.activitiesAbout(ws, deal, 'open', 1))).toEqual([friday!.record.id]);
      expect(ids(await records.activitiesAbout(ws, deal, 'done', 5))).toEqual(ids([tuesday!, sunday!]));
    });

    it('filters activity lists by done and by a due range', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [open3, done4, open6] = await seed(records, ws, 'activity', [
        planned(ws, 'alex', 3),
        held(ws, 'alex', 4),
        planned(ws, 'alex', 6),
      ]);
      const list = async (filters: Record<string, string>) =>
        ids((await records.list(ws, 'activity', { limit: 100, filters })).items).sort();

      expect(await list({ completed: 'false' })).toEqual(ids([open3!, open6!]).sort());
      expect(await list({ completed: 'true' })).toEqual([done4!.record.id]);
      expect(await list({ dueFrom: at(4), dueTo: at(7) })).toEqual(ids([done4!, open6!]).sort());
      expect(await list({ completed: 'false', dueTo: at(4) })).toEqual([open3!.record.id]);
      const sorted = expectOk(
        await records.listSorted(ws, 'activity', {
          limit: 100,
          filters: { completed: 'false' },
          sort: { field: 'occurredAt', direction: 'desc' },
        }),
      );
      expect(ids(sorted.items)).toEqual(ids([open6!, open3!]));
    });

    it("filters activity lists by type and owner, also a record's activities", async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const deal = { type: 'opportunity' as const, id: 'opp-f' };
      const [alexCall, , samCall, elsewhere] = await seed(records, ws, 'activity', [
        planned(ws, 'alex', 3, { type: 'call', regarding: deal }),
        planned(ws, 'alex', 4, { type: 'task', regarding: deal }),
        held(ws, 'sam', 5, { type: 'call', regarding: deal }),
        planned(ws, 'alex', 6, { type: 'call', regarding: { type: 'lead', id: 'lead-f' } }),
      ]);
      const list = async (filters: Record<string, string>, regarding?: (typeof deal)[]) =>
        ids(
          (await records.listActivities(ws, { limit: 100, filters, ...(regarding ? { regarding } : {}) }))
            .items,
        ).sort();

      expect(await list({ type: 'call' })).toEqual(ids([alexCall!, samCall!, elsewhere!]).sort());
      expect(await list({ type: 'call', ownerId: 'alex' })).toEqual(ids([alexCall!, elsewhere!]).sort());
      expect(await list({ type: 'call', ownerId: 'alex' }, [deal])).toEqual([alexCall!.record.id]);
      expect(await list({ ownerId: 'sam', completed: 'true' }, [deal])).toEqual([samCall!.record.id]);
    });
  });
}
