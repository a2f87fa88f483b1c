import type { Id, WorkspaceId } from '../../common/types';
import type { Lead } from '../../lead/lead';
import type { Page, Versioned } from '../../records/versions';
import type { RecordRepository } from '../../application/ports';
import { aContact, aLead, anActivity, anOrganisation } from '../builders';
import { change, expectOk, seed, uniqueId, update, type StorageUnderTest } from './contract-fixtures';

/** Walks every page; fails on a page loop instead of hanging. */
async function allPages<T extends { record: { id: Id } }>(
  next: (cursor: string | undefined) => Promise<Page<T>>,
): Promise<{ ids: Id[]; pages: number }> {
  const ids: Id[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await next(cursor);
    ids.push(...page.items.map((i) => i.record.id));
    cursor = page.nextCursor;
    if (++pages > 100) throw new Error('paging does not end');
  } while (cursor);
  return { ids, pages };
}

const people = (ws: WorkspaceId): Lead[] => [
  aLead({
    workspaceId: ws,
    firstName: 'Øyvind',
    lastName: 'Ødegård',
    company: 'Fjord Bygg AS',
    email: 'oyvind@fjordbygg.no',
  }),
  aLead({
    workspaceId: ws,
    firstName: 'João',
    lastName: 'Gonçalves',
    company: 'Exemplo Lda',
    email: 'joao@exemplo.pt',
  }),
  aLead({
    workspaceId: ws,
    firstName: 'Jan',
    lastName: 'de Vries',
    company: 'Bloem B.V.',
    email: 'jan@bloem.nl',
  }),
  aLead({
    workspaceId: ws,
    firstName: 'Joana',
    lastName: 'Ødegaard',
    company: 'Nordlys',
    email: 'JOANA@Nordlys.no',
  }),
];

async function search(
  records: RecordRepository,
  ws: WorkspaceId,
  q: string,
  kind: 'lead' | 'organisation' = 'lead',
) {
  const page = await records.list(ws, kind, { limit: 100, q });
  return page.items.map((i: Versioned<{ id: Id }>) => i.record.id).sort();
}

/** Lists, filters, search, paging, email lookup and activities by what they are about. */
export function recordListContract(storage: () => StorageUnderTest): void {
  describe('list and search', () => {
    it('finds leads by name, email and company prefixes, with or without accents', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [oyvind, joao, jan, joana] = (await seed(records, ws, 'lead', people(ws))).map(
        (l) => l.record.id,
      );

      expect(await search(records, ws, 'Ødeg')).toEqual([oyvind, joana].sort());
      expect(await search(records, ws, 'odegard')).toEqual([oyvind]);
      expect(await search(records, ws, 'João')).toEqual([joao]);
      expect(await search(records, ws, 'jo')).toEqual([joao, joana].sort());
      expect(await search(records, ws, 'gonç jo')).toEqual([joao]);
      expect(await search(records, ws, 'jan@bloem')).toEqual([jan]);
      expect(await search(records, ws, 'joana@nordlys.no')).toEqual([joana]);
      expect(await search(records, ws, 'oyvind@fjordbygg.no')).toEqual([oyvind]);
      expect(await search(records, ws, 'joao@exemplo')).toEqual([joao]);
      expect(await search(records, ws, 'fjord')).toEqual([oyvind]);
      expect(await search(records, ws, 'bloem b.v.')).toEqual([jan]);
      expect(await search(records, ws, 'joao vries')).toEqual([]);
      expect(await search(records, ws, 'zzz')).toEqual([]);
    });

    it('finds organisations by name and website domain', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [org] = await seed(records, ws, 'organisation', [
        anOrganisation({
          workspaceId: ws,
          name: 'Solução Digital',
          website: 'https://www.solucao.com.br/contato',
        }),
      ]);

      expect(await search(records, ws, 'soluc', 'organisation')).toEqual([org!.record.id]);
      expect(await search(records, ws, 'solucao.com', 'organisation')).toEqual([org!.record.id]);
      expect(await search(records, ws, 'digi', 'organisation')).toEqual([org!.record.id]);
    });

    it('follows renames: the old name no longer finds the record, the new one does', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [lead] = await seed(records, ws, 'lead', [
        aLead({ workspaceId: ws, firstName: 'Pieter', lastName: 'Jansen' }),
      ]);

      expectOk(
        await records.commit(
          ws,
          change(update('lead', lead!, { ...lead!.record, lastName: 'Bakker' } as Lead)),
        ),
      );

      expect(await search(records, ws, 'jansen')).toEqual([]);
      expect(await search(records, ws, 'pieter bakk')).toEqual([lead!.record.id]);
    });

    it('treats a query without letters or digits as no query', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      await seed(records, ws, 'lead', people(ws));

      expect((await records.list(ws, 'lead', { limit: 100, q: ' -- ' })).items).toHaveLength(4);
    });

    it('pages through lists and searches without duplicates or gaps', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const leads = Array.from({ length: 23 }, (_, i) =>
        aLead({
          workspaceId: ws,
          firstName: i % 2 ? 'Johan' : 'Johanna',
          lastName: `Berg${i}`,
          email: `jb${i}@x.no`,
        }),
      );
      const seeded = await seed(records, ws, 'lead', leads);
      const all = seeded.map((s) => s.record.id).sort();

      const listed = await allPages((cursor) =>
        records.list(ws, 'lead', { limit: 5, ...(cursor ? { cursor } : {}) }),
      );
      const searched = await allPages((cursor) =>
        records.list(ws, 'lead', { limit: 4, q: 'joh', ...(cursor ? { cursor } : {}) }),
      );

      expect(listed.ids).toEqual(all);
      expect(listed.pages).toBeGreaterThanOrEqual(5);
      expect([...searched.ids].sort()).toEqual(all);
      expect(new Set(searched.ids).size).toBe(all.length);
      expect(searched.pages).toBeGreaterThanOrEqual(6);
    });

    it('filters on exact field values, alone and with a search', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [a, b, c] = await seed(records, ws, 'lead', [
        aLead({ workspaceId: ws, lastName: 'Alves', source: 'web', ownerId: 'u1' }),
        aLead({
          workspaceId: ws,
          lastName: 'Almeida',
          source: 'trade-show',
          ownerId: 'u1',
          campaignId: 'camp-1',
        }),
        aLead({ workspaceId: ws, lastName: 'Alves', source: 'trade-show', ownerId: "o'brien" }),
      ]);
      const ids = async (filters: Record<string, string>, q?: string) =>
        (await records.list(ws, 'lead', { limit: 10, filters, ...(q ? { q } : {}) })).items
          .map((i) => i.record.id)
          .sort();

      expect(await ids({ source: 'trade-show' })).toEqual([b!.record.id, c!.record.id].sort());
      expect(await ids({ source: 'trade-show', ownerId: 'u1' })).toEqual([b!.record.id]);
      expect(await ids({ campaignId: 'camp-1' })).toEqual([b!.record.id]);
      expect(await ids({ ownerId: "o'brien" })).toEqual([c!.record.id]);
      expect(await ids({ source: 'web' }, 'alves')).toEqual([a!.record.id]);
      expect(await ids({ status: 'closed-converted' })).toEqual([]);
    });

    it('refuses unknown filters and limits outside 1–1000', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const bad = { limit: 10, filters: { lastName: 'x' } } as never;

      await expect(records.list(ws, 'lead', bad)).rejects.toThrow();
      await expect(records.list(ws, 'lead', { limit: 0 })).rejects.toThrow();
      await expect(records.list(ws, 'lead', { limit: 1001 })).rejects.toThrow();
      await expect(records.recycleBin(ws, { limit: 0 })).rejects.toThrow();
    });

    it('never shows another workspace’s records', async () => {
      const { records } = storage();
      const mine = uniqueId('ws');
      const theirs = uniqueId('ws');
      await seed(records, theirs, 'lead', people(theirs));

      expect((await records.list(mine, 'lead', { limit: 100 })).items).toEqual([]);
      expect((await records.list(mine, 'lead', { limit: 100, q: 'jo' })).items).toEqual([]);
      expect(await records.findByEmail(mine, 'lead', 'jan@bloem.nl')).toEqual([]);
    });

    it('finds leads and contacts by email, ignoring case, following changes', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [lead] = await seed(records, ws, 'lead', [aLead({ workspaceId: ws, email: 'Ana@Example.PT' })]);
      const [contact] = await seed(records, ws, 'contact', [
        aContact({ workspaceId: ws, email: 'ana@example.pt' }),
      ]);

      expect((await records.findByEmail(ws, 'lead', ' ana@example.pt ')).map((l) => l.record.id)).toEqual([
        lead!.record.id,
      ]);
      expect((await records.findByEmail(ws, 'contact', 'ANA@example.pt')).map((c) => c.record.id)).toEqual([
        contact!.record.id,
      ]);
      expectOk(
        await records.commit(
          ws,
          change(update('lead', lead!, { ...lead!.record, email: 'ana@novo.pt' } as Lead)),
        ),
      );
      expect(await records.findByEmail(ws, 'lead', 'ana@example.pt')).toEqual([]);
      expect(await records.findByEmail(ws, 'lead', 'ana@novo.pt')).toHaveLength(1);
    });

    it('lists the activities about any of the given records', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const aboutLead = Array.from({ length: 4 }, () =>
        anActivity({
          workspaceId: ws,
          regarding: { type: 'lead', id: 'lead-x' },
          subject: 'Call about roof',
        }),
      );
      const aboutOrg = Array.from({ length: 3 }, () =>
        anActivity({ workspaceId: ws, regarding: { type: 'organisation', id: 'org-x' }, type: 'meeting' }),
      );
      const elsewhere = anActivity({ workspaceId: ws, regarding: { type: 'lead', id: 'lead-y' } });
      await seed(records, ws, 'activity', [...aboutLead, ...aboutOrg, elsewhere]);
      const regarding = [
        { type: 'lead', id: 'lead-x' },
        { type: 'organisation', id: 'org-x' },
      ] as const;

      const paged = await allPages((cursor) =>
        records.listActivities(ws, { limit: 3, regarding, ...(cursor ? { cursor } : {}) }),
      );
      const meetings = await records.listActivities(ws, {
        limit: 10,
        regarding,
        filters: { type: 'meeting' },
      });
      const roof = await records.listActivities(ws, { limit: 10, regarding, q: 'roof' });

      expect(paged.ids).toEqual([...aboutLead, ...aboutOrg].map((a) => a.id).sort());
      expect(meetings.items.map((a) => a.record.id).sort()).toEqual(aboutOrg.map((a) => a.id).sort());
      expect(roof.items.map((a) => a.record.id).sort()).toEqual(aboutLead.map((a) => a.id).sort());
      expect((await records.listActivities(ws, { limit: 10, regarding: [] })).items).toEqual([]);
      expect((await records.listActivities(ws, { limit: 10 })).items).toHaveLength(8);
    });

    it('moves an activity between records when its regarding changes', async () => {
      const { records } = storage();
      const ws = uniqueId('ws');
      const [activity] = await seed(records, ws, 'activity', [
        anActivity({ workspaceId: ws, regarding: { type: 'lead', id: 'lead-1' } }),
      ]);
      const moved = { ...activity!.record, regarding: { type: 'contact' as const, id: 'contact-1' } };

      expectOk(await records.commit(ws, change(update('activity', activity!, moved))));

      const about = async (type: 'lead' | 'contact', id: string) =>
        (await records.listActivities(ws, { limit: 10, regarding: [{ type, id }] })).items.length;
      expect(await about('lead', 'lead-1')).toBe(0);
      expect(await about('contact', 'contact-1')).toBe(1);
    });
  });
}
