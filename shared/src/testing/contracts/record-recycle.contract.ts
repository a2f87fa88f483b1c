import type { Instant, WorkspaceId } from '../../common/types';
import type { Lead } from '../../lead/lead';
import type { RecordRepository } from '../../application/ports';
import type { Versioned } from '../../records/versions';
import type { Write } from '../../records/change-set';
import type { RecordKind, RecordOf } from '../../records/records';
import { aLead, anOpportunity, aStageChange } from '../builders';
import { change, expectOk, remove, seed, uniqueId, update, type StorageUnderTest } from './contract-fixtures';

async function softDelete<K extends RecordKind>(
  records: RecordRepository,
  ws: WorkspaceId,
  kind: K,
  current: Versioned<RecordOf[K]>,
  deletedAt: Instant,
) {
  return expectOk(await records.commit(ws, change(remove(kind, current, deletedAt))));
}

/** Soft delete, the recycle bin, restore and purge. */
export function recordRecycleContract(storage: () => StorageUnderTest): void {
  describe('soft delete, recycle bin, restore and purge', () => {
    it('hides a deleted record from get, list, search and email lookup, and shows it in the bin', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [lead, kept] = await seed(records, ws, 'lead', [
        aLead({ workspaceId: ws, lastName: 'Ødegård', email: 'o@fjord.no' }),
        aLead({ workspaceId: ws, lastName: 'Ødegaard', email: 'x@fjord.no' }),
      ]);

      const receipt = await softDelete(records, ws, 'lead', lead!, '2026-11-22T12:00:00.000Z');

      const id = lead!.record.id;
      expect(await records.get(ws, 'lead', id)).toBeUndefined();
      expect(await records.getMany(ws, 'lead', [id])).toEqual([]);
      expect((await records.list(ws, 'lead', { limit: 10 })).items.map((i) => i.record.id)).toEqual([
        kept!.record.id,
      ]);
      expect(
        (await records.list(ws, 'lead', { limit: 10, q: 'odeg' })).items.map((i) => i.record.id),
      ).toEqual([kept!.record.id]);
      expect(await records.findByEmail(ws, 'lead', 'o@fjord.no')).toEqual([]);
      const deleted = await records.getDeleted(ws, 'lead', id);
      expect(deleted).toEqual({
        kind: 'lead',
        record: lead!.record,
        version: receipt.versions[`lead:${id}`],
        deletedAt: '2026-11-22T12:00:00.000Z',
        deletedBy: 'user-test',
      });
      expect((await records.recycleBin(ws, { limit: 10 })).items).toEqual([deleted]);
      expect(await records.getDeleted(ws, 'lead', kept!.record.id)).toBeUndefined();
    });

    it('refuses to change or delete a deleted record, and a stale delete', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [lead] = await seed(records, ws, 'lead', [aLead({ workspaceId: ws })]);
      const edited = { ...lead!.record, title: 'x' } as Lead;
      const receipt = expectOk(await records.commit(ws, change(update('lead', lead!, edited))));
      const current = { record: edited, version: receipt.versions[`lead:${lead!.record.id}`]! };

      const stale = await records.commit(ws, change(remove('lead', lead!, '2026-11-22T12:00:00.000Z')));
      await softDelete(records, ws, 'lead', current, '2026-11-22T12:00:00.000Z');
      const afterDelete = await records.commit(
        ws,
        change(update('lead', current, { ...edited, title: 'y' } as Lead)),
      );

      expect(stale).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expect(afterDelete).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expect((await records.getDeleted(ws, 'lead', lead!.record.id))?.record).toEqual(edited);
    });

    it('restores a deleted record with its search rows, once', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [lead] = await seed(records, ws, 'lead', [
        aLead({ workspaceId: ws, firstName: 'João', email: 'j@x.pt' }),
      ]);
      await softDelete(records, ws, 'lead', lead!, '2026-11-22T12:00:00.000Z');
      const deleted = (await records.getDeleted(ws, 'lead', lead!.record.id))!;
      const restore: Write = {
        type: 'restore',
        kind: 'lead',
        record: deleted.record,
        expected: deleted.version,
      };

      const receipt = expectOk(await records.commit(ws, change(restore)));
      const again = await records.commit(ws, change(restore));

      const restored = await records.get(ws, 'lead', lead!.record.id);
      expect(restored).toEqual({
        record: lead!.record,
        version: receipt.versions[`lead:${lead!.record.id}`],
      });
      expect(again).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expect((await records.list(ws, 'lead', { limit: 10, q: 'joao' })).items).toHaveLength(1);
      expect(await records.findByEmail(ws, 'lead', 'j@x.pt')).toHaveLength(1);
      expect((await records.recycleBin(ws, { limit: 10 })).items).toEqual([]);
      expect(await records.getDeleted(ws, 'lead', lead!.record.id)).toBeUndefined();
    });

    it('lists the bin newest deletion first, page by page', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const seeded = await seed(
        records,
        ws,
        'lead',
        Array.from({ length: 5 }, () => aLead({ workspaceId: ws })),
      );
      for (const [i, lead] of seeded.entries()) {
        await softDelete(records, ws, 'lead', lead, `2026-11-2${i}T12:00:00.000Z`);
      }

      const first = await records.recycleBin(ws, { limit: 3 });
      const second = await records.recycleBin(ws, { limit: 3, cursor: first.nextCursor! });

      const order = [...first.items, ...second.items].map((d) => d.record.id);
      expect(order).toEqual(seeded.map((s) => s.record.id).reverse());
      expect(second.nextCursor).toBeUndefined();
    });

    it('purges what was deleted before the cut-off, for good, with its stage history', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [old, recent] = await seed(records, ws, 'lead', [
        aLead({ workspaceId: ws }),
        aLead({ workspaceId: ws }),
      ]);
      const [deal] = await seed(records, ws, 'opportunity', [anOpportunity({ workspaceId: ws })]);
      const history = aStageChange({ opportunityId: deal!.record.id });
      expectOk(await records.commit(ws, { writes: [{ type: 'stage-change', change: history }], events: [] }));
      await softDelete(records, ws, 'lead', old!, '2026-10-01T00:00:00.000Z');
      await softDelete(records, ws, 'opportunity', deal!, '2026-10-15T00:00:00.000Z');
      await softDelete(records, ws, 'lead', recent!, '2026-11-20T00:00:00.000Z');

      const purged = await records.purgeDeleted(ws, '2026-11-20T00:00:00.000Z');

      expect(purged).toBe(2);
      expect(await records.getDeleted(ws, 'lead', old!.record.id)).toBeUndefined();
      expect(await records.getDeleted(ws, 'opportunity', deal!.record.id)).toBeUndefined();
      expect(await records.stageHistory(ws, deal!.record.id)).toEqual([]);
      expect((await records.recycleBin(ws, { limit: 10 })).items.map((d) => d.record.id)).toEqual([
        recent!.record.id,
      ]);
      expect(await records.purgeDeleted(ws, '2026-11-20T00:00:00.000Z')).toBe(0);
    });

    it('purges one record from the bin on demand, and only from the bin', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [deal, live] = await seed(records, ws, 'opportunity', [
        anOpportunity({ workspaceId: ws, name: 'Gone' }),
        anOpportunity({ workspaceId: ws, name: 'Kept' }),
      ]);
      expectOk(
        await records.commit(
          ws,
          change({ type: 'stage-change', change: aStageChange({ opportunityId: deal!.record.id }) }),
        ),
      );
      await softDelete(records, ws, 'opportunity', deal!, '2026-11-22T12:00:00.000Z');

      expect(await records.purgeRecord(ws, 'opportunity', live!.record.id)).toBe(false);
      expect(await records.purgeRecord(ws, 'opportunity', deal!.record.id)).toBe(true);
      expect(await records.purgeRecord(ws, 'opportunity', deal!.record.id)).toBe(false);

      expect(await records.getDeleted(ws, 'opportunity', deal!.record.id)).toBeUndefined();
      expect((await records.recycleBin(ws, { limit: 10 })).items).toEqual([]);
      expect(await records.stageHistory(ws, deal!.record.id)).toEqual([]);
      expect(await records.get(ws, 'opportunity', live!.record.id)).toBeDefined();
    });
  });
}
