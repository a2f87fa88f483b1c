import type { Lead } from '../lead/lead';
import type { Version } from '../records/versions';
import { aLead, anActivity } from '../testing/builders';
import { planChangeSet } from './change-set-actions';

const ws = 'ws-1';
const v = 'W/"v1"' as Version;
const plan = (writes: Parameters<typeof planChangeSet>[1]['writes']) =>
  planChangeSet(ws, { writes, events: [] }, new Map());
const summary = (p: ReturnType<typeof plan>) =>
  p.actions.map(([verb, entity, , options]) => [
    verb,
    entity.rowKey,
    (options as { etag?: string } | undefined)?.etag,
  ]);

describe('planChangeSet', () => {
  const lead = aLead({
    id: 'l1',
    workspaceId: ws,
    firstName: 'Jan',
    lastName: 'Smit',
    company: undefined,
    email: undefined,
  });

  it('writes an update with the expected ETag; its index rows, which carry it, unconfirmed before and confirmed after', () => {
    const ceo = { ...lead, title: 'CEO' };
    const p = plan([{ type: 'update', kind: 'lead', record: ceo, previous: lead, expected: v }]);

    expect(summary(p)).toEqual([['update', 'rec|lead|l1', v]]);
    expect(p.versionAt.get('lead:l1')).toBe(0);
    expect(p.indexBefore.map(({ row }) => [row.rowKey, row.v, JSON.parse(String(row.d)).title])).toEqual([
      ['lead|jan|l1', undefined, 'CEO'],
      ['lead|smit|l1', undefined, 'CEO'],
    ]);
    expect(p.indexConfirm.map(({ row, ref }) => [row.rowKey, ref])).toEqual([
      ['lead|jan|l1', 'lead:l1'],
      ['lead|smit|l1', 'lead:l1'],
    ]);
    expect(p.indexAfter).toEqual([]);
  });

  it('rewrites index rows unconfirmed before the transaction and deletes the old ones after it', () => {
    const renamed = { ...lead, lastName: 'Visser' } as Lead;
    const p = plan([{ type: 'update', kind: 'lead', record: renamed, previous: lead, expected: v }]);

    expect(summary(p)).toEqual([['update', 'rec|lead|l1', v]]);
    // The dropped token's row too: unconfirmed before (so it never shows the old name), gone after.
    expect(p.indexBefore.map(({ row, fresh }) => [row.partitionKey, row.rowKey, row.tokens, fresh])).toEqual([
      ['ws-1|10', 'lead|jan|l1', 'jan visser', false],
      ['ws-1|06', 'lead|visser|l1', 'jan visser', false],
      ['ws-1|03', 'lead|smit|l1', 'jan smit', false],
    ]);
    expect(p.indexAfter.map((row) => row.rowKey)).toEqual(['lead|smit|l1']);
    expect(p.indexConfirm.map(({ row }) => row.rowKey)).toEqual(['lead|jan|l1', 'lead|visser|l1']);
  });

  it('deletes softly: flag and bin pointer in the transaction, index rows unconfirmed before and out after it', () => {
    const p = plan([
      {
        type: 'delete',
        kind: 'lead',
        record: lead,
        expected: v,
        deletedAt: '2026-11-22T00:00:00.000Z',
        deletedBy: 'u',
      },
    ]);

    expect(summary(p).map(([verb, key]) => `${verb} ${String(key).replace(/\d{13}/, 'T')}`)).toEqual([
      'update rec|lead|l1',
      'create bin|T|lead|l1',
    ]);
    expect(p.indexAfter.map((row) => row.rowKey)).toEqual(['lead|jan|l1', 'lead|smit|l1']);
    // Unconfirmed first: between the transaction and the deletes, search reads the (deleted) record.
    expect(p.indexBefore.map(({ row }) => [row.rowKey, row.v])).toEqual([
      ['lead|jan|l1', undefined],
      ['lead|smit|l1', undefined],
    ]);
    expect(p.indexConfirm).toEqual([]);
    expect(p.actions[0]?.[1]).toMatchObject({ deleted: true, deletedBy: 'u' });
  });

  it('indexes an activity by what it is about', () => {
    const activity = anActivity({
      id: 'a1',
      workspaceId: ws,
      subject: 'Call',
      regarding: { type: 'contact', id: 'c1' },
    });

    const p = plan([{ type: 'insert', kind: 'activity', record: activity }]);

    expect(summary(p).map(([, key]) => key)).toEqual(['rec|activity|a1', 'reg|contact|c1|a1']);
    expect(p.indexBefore.map(({ row, fresh }) => [row.rowKey, fresh])).toEqual([['activity|call|a1', true]]);
  });

  it('refuses a restore it cannot locate in the bin', () => {
    expect(() => plan([{ type: 'restore', kind: 'lead', record: lead, expected: v }])).toThrow(/deletion/);
  });
});
