import type { Lead } from '../../lead/lead';
import { aLead, anActivity, anOrganisation, aStageChange } from '../builders';
import {
  change,
  conversionOf,
  expectOk,
  insert,
  seed,
  uniqueId,
  update,
  type StorageUnderTest,
} from './contract-fixtures';

/** get, commit, versions, atomicity, stale detection, idempotency rows, history. */
export function recordCommitContract(storage: () => StorageUnderTest): void {
  describe('commit and read', () => {
    it('returns an inserted record with the version from the receipt', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const lead = aLead({ workspaceId: ws, lastName: 'de Vries' });

      const receipt = expectOk(await records.commit(ws, change(insert('lead', lead))));

      const found = await records.get(ws, 'lead', lead.id);
      expect(found?.record).toEqual(lead);
      expect(found?.version).toBe(receipt.versions[`lead:${lead.id}`]);
    });

    it('reads nothing for unknown ids, ids that cannot be keys and other workspaces', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [lead] = await seed(records, ws, 'lead', [aLead({ workspaceId: ws })]);

      expect(await records.get(ws, 'lead', 'nope')).toBeUndefined();
      expect(await records.get(ws, 'lead', 'a/b#c?')).toBeUndefined();
      expect(await records.get(ws, 'organisation', lead!.record.id)).toBeUndefined();
      expect(await records.get(uniqueId('other'), 'lead', lead!.record.id)).toBeUndefined();
    });

    it('updates with the current version and refuses the old one afterwards', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [lead] = await seed(records, ws, 'lead', [aLead({ workspaceId: ws })]);
      const first = { ...lead!.record, title: 'CEO' } as Lead;
      const second = { ...lead!.record, title: 'CFO' } as Lead;

      const receipt = expectOk(await records.commit(ws, change(update('lead', lead!, first))));
      const retry = await records.commit(ws, change(update('lead', lead!, second)));

      expect(receipt.versions[`lead:${lead!.record.id}`]).not.toBe(lead!.version);
      expect(retry).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expect((await records.get(ws, 'lead', lead!.record.id))?.record).toEqual(first);
    });

    it('refuses to insert an id that exists', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [lead] = await seed(records, ws, 'lead', [aLead({ workspaceId: ws })]);

      const again = await records.commit(
        ws,
        change(insert('lead', { ...lead!.record, lastName: 'Other' } as Lead)),
      );

      expect(again).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expect((await records.get(ws, 'lead', lead!.record.id))?.record.lastName).toBe(lead!.record.lastName);
    });

    it('commits a conversion as one change: records, history, event and idempotency row', async () => {
      const { records, outbox } = storage();
      const ws = uniqueId('ws');
      const [lead] = await seed(records, ws, 'lead', [aLead({ workspaceId: ws })]);
      const c = conversionOf(ws, lead!);

      const receipt = expectOk(await records.commit(ws, c.changes));

      for (const [kind, id] of [
        ['lead', lead!.record.id],
        ['organisation', c.organisation.id],
        ['contact', c.contact.id],
        ['opportunity', c.opportunity.id],
      ] as const) {
        expect((await records.get(ws, kind, id))?.version).toBe(receipt.versions[`${kind}:${id}`]);
      }
      expect(await records.stageHistory(ws, c.opportunity.id)).toEqual([c.stageChange]);
      expect((await outbox.pending(ws, 10)).map((e) => e.event)).toEqual([c.event]);
      expect(await records.findIdempotency(ws, c.key)).toEqual(c.changes.idempotency);
      expect((await records.list(ws, 'organisation', { limit: 10, q: 'odegard' })).items).toHaveLength(1);
    });

    it.each([
      ['the lead version is stale', 'stale-lead'],
      ['one insert collides with an existing record', 'colliding-insert'],
      ['the idempotency key was used before', 'used-key'],
    ])('leaves no trace of a conversion when %s', async (_, failure) => {
      const { records, outbox } = storage();
      const ws = uniqueId('ws');
      const [lead] = await seed(records, ws, 'lead', [aLead({ workspaceId: ws })]);
      const usedKey = uniqueId('key');
      if (failure === 'stale-lead') {
        const touched = { ...lead!.record, title: 'touched' } as Lead;
        expectOk(await records.commit(ws, change(update('lead', lead!, touched))));
      }
      const c = conversionOf(ws, lead!, usedKey);
      if (failure === 'colliding-insert')
        await seed(records, ws, 'contact', [{ ...c.contact, lastName: 'First' }]);
      if (failure === 'used-key') {
        expectOk(
          await records.commit(ws, {
            writes: [],
            events: [],
            idempotency: { ...c.changes.idempotency!, fingerprint: 'earlier' },
          }),
        );
      }

      const result = await records.commit(ws, c.changes);

      expect(result).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expect((await records.get(ws, 'lead', lead!.record.id))?.record.status).toBe('open-not-contacted');
      expect(await records.get(ws, 'organisation', c.organisation.id)).toBeUndefined();
      expect(await records.get(ws, 'opportunity', c.opportunity.id)).toBeUndefined();
      expect((await records.list(ws, 'organisation', { limit: 10, q: 'odegard' })).items).toEqual([]);
      expect((await records.list(ws, 'opportunity', { limit: 10 })).items).toEqual([]);
      expect(await records.stageHistory(ws, c.opportunity.id)).toEqual([]);
      expect(await outbox.pending(ws, 10)).toEqual([]);
      const idempotency = await records.findIdempotency(ws, usedKey);
      expect(idempotency?.fingerprint).toBe(failure === 'used-key' ? 'earlier' : undefined);
      if (failure !== 'colliding-insert')
        expect(await records.get(ws, 'contact', c.contact.id)).toBeUndefined();
      else expect((await records.get(ws, 'contact', c.contact.id))?.record.lastName).toBe('First');
    });

    it('lets exactly one of 20 concurrent updates with the same version win, and keeps its value', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [lead] = await seed(records, ws, 'lead', [aLead({ workspaceId: ws })]);
      const attempts = Array.from(
        { length: 20 },
        (_, i) => ({ ...lead!.record, title: `title ${i}` }) as Lead,
      );

      const results = await Promise.all(
        attempts.map((next) => records.commit(ws, change(update('lead', lead!, next)))),
      );

      const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CONCURRENCY.STALE')).toBe(
        true,
      );
      const stored = await records.get(ws, 'lead', lead!.record.id);
      expect(stored?.record.title).toBe(`title ${winners[0]}`);
      const winner = results[winners[0]!];
      expect(winner?.ok && winner.value.versions[`lead:${lead!.record.id}`]).toBe(stored?.version);
    });

    it('records an idempotency key once: a second commit with the same key fails', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const key = 'user-1:lead.create:abc/with#odd?chars';
      const first = aLead({ workspaceId: ws });
      const second = aLead({ workspaceId: ws });
      const idempotency = (response: unknown) => ({
        key,
        fingerprint: 'f',
        response,
        createdAt: '2026-11-22T10:00:00.000Z',
      });

      expectOk(
        await records.commit(ws, {
          ...change(insert('lead', first)),
          idempotency: idempotency({ id: first.id }),
        }),
      );
      const again = await records.commit(ws, {
        ...change(insert('lead', second)),
        idempotency: idempotency({ id: second.id }),
      });

      expect(again).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expect(await records.get(ws, 'lead', second.id)).toBeUndefined();
      expect((await records.findIdempotency(ws, key))?.response).toEqual({ id: first.id });
      expect(await records.findIdempotency(ws, 'another key')).toBeUndefined();
    });

    it('forgets idempotency rows made before a cutoff, and keeps the later ones', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const keyed = (key: string, createdAt: string) =>
        records.commit(ws, {
          ...change(insert('lead', aLead({ workspaceId: ws }))),
          idempotency: { key, fingerprint: 'f', response: { key }, createdAt },
        });
      expectOk(await keyed('old', '2026-11-01T10:00:00.000Z'));
      expectOk(await keyed('new', '2026-11-20T10:00:00.000Z'));

      expect(await records.purgeIdempotency(ws, '2026-11-10T00:00:00.000Z')).toBe(1);
      expect(await records.findIdempotency(ws, 'old')).toBeUndefined();
      expect((await records.findIdempotency(ws, 'new'))?.response).toEqual({ key: 'new' });
      expect(await records.purgeIdempotency(ws, '2026-11-10T00:00:00.000Z')).toBe(0);
    });

    it('throws for change sets no caller may build', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const many = Array.from({ length: 101 }, () => insert('lead', aLead({ workspaceId: ws })));

      await expect(records.commit(ws, change(...many))).rejects.toThrow(/transaction/);
      await expect(
        records.commit(ws, change(insert('lead', aLead({ workspaceId: 'elsewhere' })))),
      ).rejects.toThrow();
      const lead = aLead({ workspaceId: ws });
      await expect(records.commit(ws, change(insert('lead', lead), insert('lead', lead)))).rejects.toThrow(
        /twice/,
      );
      expect((await records.list(ws, 'lead', { limit: 100 })).items).toEqual([]);
    });

    it('gets many, skipping missing ids and repeats', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const seeded = await seed(records, ws, 'organisation', [
        anOrganisation({ workspaceId: ws }),
        anOrganisation({ workspaceId: ws }),
      ]);
      const ids = seeded.map((s) => s.record.id);

      const found = await records.getMany(ws, 'organisation', [ids[1]!, 'missing', ids[0]!, ids[1]!]);

      expect(found.map((f) => f.record.id).sort()).toEqual([...ids].sort());
    });

    it('keeps a record of more than 64 KiB of text intact', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const description = 'Å'.repeat(45_000);
      const [lead] = await seed(records, ws, 'lead', [aLead({ workspaceId: ws, description })]);

      expect((await records.get(ws, 'lead', lead!.record.id))?.record.description).toBe(description);
    });

    it('keeps stage history per opportunity, oldest first', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const later = aStageChange({
        opportunityId: 'opp-a',
        from: 'prospecting',
        to: 'proposal',
        at: '2026-11-23T09:00:00.000Z',
      });
      const earlier = aStageChange({
        opportunityId: 'opp-a',
        to: 'prospecting',
        at: '2026-11-22T09:00:00.000Z',
      });
      const other = aStageChange({ opportunityId: 'opp-b' });

      for (const c of [later, earlier, other]) {
        expectOk(await records.commit(ws, { writes: [{ type: 'stage-change', change: c }], events: [] }));
      }

      expect(await records.stageHistory(ws, 'opp-a')).toEqual([earlier, later]);
    });

    it('scans every live record of a kind', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const seeded = await seed(records, ws, 'activity', [
        anActivity({ workspaceId: ws }),
        anActivity({ workspaceId: ws }),
      ]);
      await seed(records, ws, 'lead', [aLead({ workspaceId: ws })]);

      const scanned: string[] = [];
      for await (const a of records.scan(ws, 'activity')) scanned.push(a.record.id);

      expect(scanned.sort()).toEqual(seeded.map((s) => s.record.id).sort());
    });

    it('creates a counter once, then moves it only from the version read, in the same commit as a record', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const first = aLead({ workspaceId: ws });
      const created = expectOk(
        await records.commit(ws, {
          writes: [insert('lead', first), { type: 'counter', name: 'lead-owner', value: 'alex' }],
          events: [],
        }),
      );
      const read = await records.getCounter(ws, 'lead-owner');
      expect(read).toEqual({ record: 'alex', version: created.versions['counter:lead-owner'] });

      // A second "first" write, and a write from a version no longer current, both fail whole.
      const again = aLead({ workspaceId: ws });
      expect(
        await records.commit(ws, {
          writes: [insert('lead', again), { type: 'counter', name: 'lead-owner', value: 'megan' }],
          events: [],
        }),
      ).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expectOk(
        await records.commit(ws, {
          writes: [{ type: 'counter', name: 'lead-owner', value: 'megan', expected: read!.version }],
          events: [],
        }),
      );
      expect(
        await records.commit(ws, {
          writes: [
            insert('lead', again),
            { type: 'counter', name: 'lead-owner', value: 'adele', expected: read!.version },
          ],
          events: [],
        }),
      ).toMatchObject({ ok: false, error: { code: 'CONCURRENCY.STALE' } });
      expect(await records.get(ws, 'lead', again.id)).toBeUndefined();
      expect((await records.getCounter(ws, 'lead-owner'))?.record).toBe('megan');
      expect(await records.getCounter(uniqueId('ws'), 'lead-owner')).toBeUndefined();
    });
  });
}
