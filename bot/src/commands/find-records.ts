import {
  leadDisplayName,
  ok,
  type Lead,
  type Opportunity,
  type RecordOf,
  type Result,
  type Versioned,
} from '@crm/shared';
import { listRecords } from '@crm/shared/application';
import { PICK_MAX } from '../cards/pick-card';
import type { ReplyContext } from '../replies/reply-context';

/** What a name or email the user typed came to. */
export type Found<T> =
  | { readonly kind: 'none' }
  | { readonly kind: 'one'; readonly item: Versioned<T> }
  | { readonly kind: 'many'; readonly items: readonly Versioned<T>[]; readonly more: boolean };

type Ctx = Pick<ReplyContext, 'app' | 'caller' | 'workspace'>;

/** Leads by name or email (the search index); an exact name or email wins over prefix matches. */
export function findLead(ctx: Ctx, text: string): Promise<Result<Found<Lead>>> {
  return find(ctx, 'lead', text, (l) => [leadDisplayName(l), l.email ?? '']);
}

/** Deals by name; an exact name wins. */
export function findDeal(ctx: Ctx, text: string): Promise<Result<Found<Opportunity>>> {
  return find(ctx, 'opportunity', text, (d) => [d.name]);
}

async function find<K extends 'lead' | 'opportunity'>(
  { app, caller, workspace }: Ctx,
  kind: K,
  text: string,
  names: (record: RecordOf[K]) => string[],
): Promise<Result<Found<RecordOf[K]>>> {
  const page = await listRecords(app, caller, workspace.record.id, kind, { q: text, limit: PICK_MAX + 1 });
  if (!page.ok) return page;
  const items = page.value.items;
  const wanted = text.trim().toLowerCase();
  const exact = items.filter((i) => names(i.record).some((n) => n.toLowerCase() === wanted));
  const [only] = exact.length === 1 ? exact : items.length === 1 ? items : [];
  if (only) return ok({ kind: 'one', item: only });
  if (items.length === 0) return ok({ kind: 'none' });
  return ok({
    kind: 'many',
    items: items.slice(0, PICK_MAX),
    more: items.length > PICK_MAX || Boolean(page.value.nextCursor),
  });
}
