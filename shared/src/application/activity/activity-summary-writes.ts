import type { Activity } from '../../activity/activity';
import {
  decideActivitySummary,
  summaryReads,
  withSummary,
  type ActivitySummary,
  type SummaryCandidates,
  type SummaryChange,
} from '../../activity/activity-summary';
import type { Id, WorkspaceId } from '../../common/types';
import type { Lead } from '../../lead/lead';
import type { Opportunity } from '../../opportunity/opportunity';
import type { Write } from '../../records/change-set';
import type { Versioned } from '../../records/versions';
import type { AppDeps } from '../deps';

/** How many rows a recompute reads: the activity being written may be the first. */
const CANDIDATES = 2;

type Holder =
  | { readonly kind: 'lead'; readonly current: Versioned<Lead> }
  | {
      readonly kind: 'opportunity';
      readonly current: Versioned<Opportunity>;
      /** The lead converted into this deal, when the change is about it (its activities count too). */
      readonly via?: Id;
    };

const key = (h: { kind: string; current: Versioned<{ id: Id }> }) => `${h.kind}:${h.current.record.id}`;

/** The lead converted into `deal`: its id, when it really was (a deal's `leadId` alone proves nothing). */
const convertedInto = (lead: Lead | undefined, deal: Id): boolean =>
  lead?.status === 'closed-converted' && lead.convertedOpportunityId === deal;

/**
 * The lead and deal records an activity's write keeps in step, as writes for the same commit: each
 * with its summary recomputed (activity-summary.ts) and its version as read, so two writes about one
 * deal cannot both commit on the same reading (the loser retries). Written even when the summary did
 * not change, for that reason. `before` is the activity as stored, `after` as it will be (either
 * absent for a create or a delete). Records that are gone (deleted) are left alone.
 */
export async function activitySummaryWrites(
  deps: Pick<AppDeps, 'records'>,
  ws: WorkspaceId,
  before: Activity | undefined,
  after: Activity | undefined,
): Promise<Write[]> {
  const holders = new Map<string, Holder>();
  const leads = new Map<Id, Versioned<Lead> | undefined>();
  const lead = async (id: Id) => {
    if (!leads.has(id)) leads.set(id, await deps.records.get(ws, 'lead', id));
    return leads.get(id);
  };
  for (const activity of [before, after]) {
    const about = activity?.regarding;
    if (!about) continue;
    if (about.type === 'lead') {
      const found = await lead(about.id);
      if (!found) continue;
      holders.set(key({ kind: 'lead', current: found }), { kind: 'lead', current: found });
      const deal =
        found.record.status === 'closed-converted' ? found.record.convertedOpportunityId : undefined;
      const opportunity = deal ? await deps.records.get(ws, 'opportunity', deal) : undefined;
      if (opportunity) {
        holders.set(key({ kind: 'opportunity', current: opportunity }), {
          kind: 'opportunity',
          current: opportunity,
          via: found.record.id,
        });
      }
    } else if (about.type === 'opportunity') {
      const k = `opportunity:${about.id}`;
      if (holders.has(k)) continue;
      const opportunity = await deps.records.get(ws, 'opportunity', about.id);
      if (opportunity) holders.set(k, { kind: 'opportunity', current: opportunity });
    }
  }

  const summaries = new Map<string, ActivitySummary>();
  const writes: Write[] = [];
  // Leads first: a deal converted from a lead counts the lead's new summary as its own.
  const ordered = [...holders.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'lead' ? -1 : 1));
  for (const holder of ordered) {
    const record = holder.current.record;
    const isAbout = (a: Activity | undefined): a is Activity =>
      a !== undefined &&
      ((a.regarding.type === holder.kind && a.regarding.id === record.id) ||
        (holder.kind === 'opportunity' &&
          a.regarding.type === 'lead' &&
          convertedInto(leads.get(a.regarding.id)?.record, record.id)));
    const change: SummaryChange = {
      ...(isAbout(before) ? { before } : {}),
      ...(isAbout(after) ? { after } : {}),
    };
    const reads = summaryReads(record, change);
    const candidates: SummaryCandidates = {
      ...(reads.open
        ? {
            open: await deps.records
              .activitiesAbout(ws, { type: holder.kind, id: record.id }, 'open', CANDIDATES)
              .then(plain),
          }
        : {}),
      ...(reads.done
        ? {
            done: await deps.records
              .activitiesAbout(ws, { type: holder.kind, id: record.id }, 'done', CANDIDATES)
              .then(plain),
          }
        : {}),
      ...(holder.kind === 'opportunity' && (reads.open || reads.done)
        ? { linked: await linkedLead(holder.current.record, summaries, lead) }
        : {}),
    };
    const summary = decideActivitySummary(record, change, candidates);
    summaries.set(key(holder), summary);
    writes.push(
      holder.kind === 'lead'
        ? update('lead', holder.current, withSummary(holder.current.record, summary))
        : update('opportunity', holder.current, withSummary(holder.current.record, summary)),
    );
  }
  return writes;
}

const plain = (found: readonly Versioned<Activity>[]): Activity[] => found.map((a) => a.record);

/** The summary of the lead converted into `deal`, as this change leaves it. */
async function linkedLead(
  deal: Opportunity,
  summaries: ReadonlyMap<string, ActivitySummary>,
  lead: (id: Id) => Promise<Versioned<Lead> | undefined>,
): Promise<ActivitySummary[]> {
  if (!deal.leadId) return [];
  const changed = summaries.get(`lead:${deal.leadId}`);
  if (changed) return [changed];
  const found = await lead(deal.leadId);
  return found && convertedInto(found.record, deal.id) ? [found.record] : [];
}

function update<K extends 'lead' | 'opportunity'>(
  kind: K,
  current: Versioned<K extends 'lead' ? Lead : Opportunity>,
  record: K extends 'lead' ? Lead : Opportunity,
): Write {
  return { type: 'update', kind, record, previous: current.record, expected: current.version };
}
