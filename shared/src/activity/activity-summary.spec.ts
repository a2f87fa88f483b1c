import fc from 'fast-check';
import { anActivity } from '../testing/builders';
import type { Activity } from './activity';
import {
  decideActivitySummary,
  nextActivityOf,
  summaryReads,
  type ActivitySummary,
  type SummaryChange,
} from './activity-summary';
import { byDue, happenedAt } from './activity-time';

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 2, day, hour)).toISOString();
const planned = (id: string, day: number): Activity => {
  const { completedAt: _unused, ...rest } = anActivity({ id, type: 'call', occurredAt: at(day) });
  return { ...rest, completed: false };
};
const held = (id: string, day: number): Activity =>
  anActivity({ id, type: 'call', occurredAt: at(day), completed: true, completedAt: at(day, 18) });

/** The summary by definition: earliest open, latest happened. */
function fromScratch(activities: readonly Activity[]): ActivitySummary {
  const open = activities.filter((a) => !a.completed).sort(byDue)[0];
  const last = activities
    .map(happenedAt)
    .filter((x): x is string => x !== undefined)
    .sort()
    .at(-1);
  return {
    ...(open ? { nextActivity: nextActivityOf(open) } : {}),
    ...(last ? { lastActivityAt: last } : {}),
  };
}

describe('summaryReads and decideActivitySummary', () => {
  const friday = planned('a-fri', 6);
  const monday = planned('a-mon', 9);
  const tuesdayCall = held('a-tue', 3);
  const summary = fromScratch([friday, monday, tuesdayCall]);

  it('given a deal whose next step is Friday, when a call is planned for Thursday, then Thursday is next, read from nothing', () => {
    const change: SummaryChange = { after: planned('a-thu', 5) };
    expect(summaryReads(summary, change)).toEqual({ open: false, done: false });
    expect(decideActivitySummary(summary, change).nextActivity?.id).toBe('a-thu');
  });

  it('given a next step on Friday, when it is done on Wednesday, then Monday is next and Wednesday is the last activity', () => {
    const doneFriday: Activity = { ...friday, completed: true, completedAt: at(4, 11) };
    const change = { before: friday, after: doneFriday };
    expect(summaryReads(summary, change)).toEqual({ open: true, done: false });
    const result = decideActivitySummary(summary, change, { open: [friday, monday] });
    expect(result).toEqual({ nextActivity: nextActivityOf(monday), lastActivityAt: at(4, 11) });
  });

  it('given the latest done call, when it is undone, then the last activity is read again', () => {
    const undone: Activity = { ...tuesdayCall, completed: false };
    const change = { before: tuesdayCall, after: undone };
    expect(summaryReads(summary, change)).toEqual({ open: false, done: true });
    const result = decideActivitySummary(summary, change, { done: [tuesdayCall, held('a-old', 1)] });
    expect(result.lastActivityAt).toBe(at(1, 9));
    expect(result.nextActivity?.id).toBe('a-tue');
  });

  it('given the next step, when its subject changes, then the summary names the new subject without reads', () => {
    const renamed = { ...friday, subject: 'Demo' };
    expect(summaryReads(summary, { before: friday, after: renamed })).toEqual({ open: false, done: false });
    expect(decideActivitySummary(summary, { before: friday, after: renamed }).nextActivity?.subject).toBe(
      'Demo',
    );
  });

  it("given a deal converted from a lead, when recomputed, then the lead's own summary counts as the deal's", () => {
    const change = { before: friday };
    const lead: ActivitySummary = {
      nextActivity: nextActivityOf(planned('l-sat', 7)),
      lastActivityAt: at(5),
    };
    const result = decideActivitySummary(summary, change, {
      open: [monday],
      done: [tuesdayCall],
      linked: [lead],
    });
    expect(result).toEqual({ nextActivity: lead.nextActivity, lastActivityAt: at(5) });
  });

  it('given the only open activity, when deleted, then the deal has no next step', () => {
    const one = fromScratch([friday]);
    expect(decideActivitySummary(one, { before: friday }, { open: [friday] })).toEqual({});
  });
});

describe('the summary, kept by every change, is the summary of the activities (property)', () => {
  type Op =
    | { kind: 'create'; day: number; done: boolean }
    | { kind: 'toggle'; pick: number }
    | { kind: 'move'; pick: number; day: number }
    | { kind: 'delete'; pick: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      kind: fc.constant('create' as const),
      day: fc.integer({ min: 1, max: 9 }),
      done: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('toggle' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), day: fc.integer({ min: 1, max: 9 }) }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  );

  it('holds for any sequence of creates, done/undone, moves and deletes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const stored = new Map<string, Activity>();
        let summary: ActivitySummary = {};
        let n = 0;
        for (const o of ops) {
          const ids = [...stored.keys()];
          let change: SummaryChange;
          if (o.kind === 'create') {
            const id = `a-${String(++n).padStart(3, '0')}`;
            change = { after: o.done ? held(id, o.day) : planned(id, o.day) };
          } else {
            const id = ids[o.pick % Math.max(ids.length, 1)];
            const before = id === undefined ? undefined : stored.get(id);
            if (!before) continue;
            if (o.kind === 'delete') change = { before };
            else if (o.kind === 'toggle')
              change = {
                before,
                after: before.completed
                  ? { ...before, completed: false }
                  : { ...before, completed: true, completedAt: at(8, 12) },
              };
            else change = { before, after: { ...before, occurredAt: at(o.day, 10) } };
          }
          const reads = summaryReads(summary, change);
          const all = [...stored.values()];
          summary = decideActivitySummary(summary, change, {
            ...(reads.open
              ? {
                  open: all
                    .filter((a) => !a.completed)
                    .sort(byDue)
                    .slice(0, 2),
                }
              : {}),
            ...(reads.done
              ? {
                  done: all
                    .filter((a) => a.completed)
                    .sort((a, b) => (happenedAt(b)! < happenedAt(a)! ? -1 : 1))
                    .slice(0, 2),
                }
              : {}),
          });
          const id = (change.after ?? change.before)!.id;
          if (change.after) stored.set(id, change.after);
          else stored.delete(id);
          expect(summary).toEqual(fromScratch([...stored.values()]));
        }
      }),
    );
  });
});
