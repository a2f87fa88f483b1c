import type { Id, Instant } from '../common/types';
import type { Activity, ActivityType, RegardingType } from './activity';
import { byDue, happenedAt, isOpenActivity } from './activity-time';

/** A record's earliest open activity, as the record carries it (a deal's "next step"). */
export type NextActivity = {
  readonly id: Id;
  readonly type: ActivityType;
  readonly subject: string;
  /** When it is due (the activity's `occurredAt` while it is open). */
  readonly dueAt: Instant;
};

/**
 * What a lead and an opportunity carry about their activities, maintained in the same transaction
 * as every activity write about them (a deal also counts the activities of the lead converted into
 * it): the earliest open one (absent: "no next step") and when the latest done one happened.
 */
export type ActivitySummary = {
  readonly nextActivity?: NextActivity;
  readonly lastActivityAt?: Instant;
};

/** The records that carry a summary: activities about them are kept in their order (storage's `nxt`/`lst` rows). */
export const SUMMARY_KINDS = ['lead', 'opportunity'] as const satisfies readonly RegardingType[];
export type SummaryKind = (typeof SUMMARY_KINDS)[number];

export const nextActivityOf = (a: Activity): NextActivity => ({
  id: a.id,
  type: a.type,
  subject: a.subject,
  dueAt: a.occurredAt,
});

/**
 * One activity's write as a record with a summary sees it: the activity before and after, each given
 * only when it is about that record (absent before: created or moved in; absent after: deleted or
 * moved away).
 */
export type SummaryChange = { readonly before?: Activity; readonly after?: Activity };

/** Which stored activities the new summary needs, beyond the summary and the change itself. */
export type SummaryReads = { readonly open: boolean; readonly done: boolean };

/**
 * Reads are needed only when the activity changing may have been the one the summary names and no
 * longer is: the next one done, moved later or away; the latest done one undone, moved earlier or
 * away. Every other change is decided from the summary alone.
 */
export function summaryReads(summary: ActivitySummary, change: SummaryChange): SummaryReads {
  const id = (change.before ?? change.after)?.id;
  const next = summary.nextActivity;
  const after = change.after;
  const stillFirst =
    after !== undefined &&
    isOpenActivity(after) &&
    next !== undefined &&
    byDue(after, { occurredAt: next.dueAt, id: next.id }) <= 0;
  const open = next !== undefined && next.id === id && !stillFirst;

  const was = change.before ? happenedAt(change.before) : undefined;
  const now = after ? happenedAt(after) : undefined;
  const last = summary.lastActivityAt;
  const done = was !== undefined && last !== undefined && was >= last && !(now !== undefined && now >= was);
  return { open, done };
}

/** What was read for a summary: the record's own activities and the summaries of records it absorbs. */
export type SummaryCandidates = {
  /** Its earliest open activities (the one changing may be among them: it is skipped). */
  readonly open?: readonly Activity[];
  /** Its latest done activities (likewise). */
  readonly done?: readonly Activity[];
  /** Summaries that count as its own: a deal's originating lead's, as it stands after this change. */
  readonly linked?: readonly ActivitySummary[];
};

/**
 * The summary after one activity's change. Where `summaryReads` asked for candidates they must be
 * given, and that part is recomputed from them; otherwise it moves on from the current summary.
 */
export function decideActivitySummary(
  summary: ActivitySummary,
  change: SummaryChange,
  candidates: SummaryCandidates = {},
): ActivitySummary {
  const id = (change.before ?? change.after)?.id;
  const after = change.after;
  const afterNext = after && isOpenActivity(after) ? nextActivityOf(after) : undefined;
  const afterAt = after ? happenedAt(after) : undefined;
  const linked = candidates.linked ?? [];

  let next: NextActivity | undefined;
  if (candidates.open) {
    next = earliest([
      ...candidates.open.filter((a) => a.id !== id && isOpenActivity(a)).map(nextActivityOf),
      ...linked.flatMap((s) => (s.nextActivity ? [s.nextActivity] : [])),
      ...(afterNext ? [afterNext] : []),
    ]);
  } else {
    const current = summary.nextActivity;
    const others = current && current.id !== id ? [current] : [];
    next = earliest([...others, ...(afterNext ? [afterNext] : [])]);
  }

  let last: Instant | undefined;
  if (candidates.done) {
    last = latest([
      ...candidates.done.filter((a) => a.id !== id).map(happenedAt),
      ...linked.map((s) => s.lastActivityAt),
      afterAt,
    ]);
  } else {
    last = latest([summary.lastActivityAt, afterAt]);
  }
  return { ...(next ? { nextActivity: next } : {}), ...(last ? { lastActivityAt: last } : {}) };
}

/** A record's summary fields replaced by `summary` (absent fields removed). */
export function withSummary<T extends ActivitySummary>(record: T, summary: ActivitySummary): T {
  const { nextActivity: _next, lastActivityAt: _last, ...rest } = record;
  return { ...rest, ...summary } as T;
}

export const sameSummary = (a: ActivitySummary, b: ActivitySummary): boolean =>
  a.lastActivityAt === b.lastActivityAt &&
  a.nextActivity?.id === b.nextActivity?.id &&
  a.nextActivity?.dueAt === b.nextActivity?.dueAt &&
  a.nextActivity?.subject === b.nextActivity?.subject &&
  a.nextActivity?.type === b.nextActivity?.type;

function earliest(candidates: readonly NextActivity[]): NextActivity | undefined {
  let best: NextActivity | undefined;
  for (const c of candidates) {
    if (!best || byDue({ occurredAt: c.dueAt, id: c.id }, { occurredAt: best.dueAt, id: best.id }) < 0)
      best = c;
  }
  return best;
}

function latest(instants: readonly (Instant | undefined)[]): Instant | undefined {
  let best: Instant | undefined;
  for (const at of instants) if (at !== undefined && (best === undefined || at > best)) best = at;
  return best;
}
