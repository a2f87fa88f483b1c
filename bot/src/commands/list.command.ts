import { LEAD_STATUSES, type Page, type RecordOf, type Result, type Versioned } from '@crm/shared';
import { listOpenDeals, listOpenLeads, listRecords, type OpenListParams } from '@crm/shared/application';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { dealsCard } from '../cards/deals-card';
import { leadsCard } from '../cards/leads-card';
import { stageLabel } from '../cards/stage-label';
import { cardReply } from '../replies/bot-reply';
import type { CommandContext, CommandSpec } from './command';

const CARD_ROWS = 10;

/** What tells one list command from the other: its records, the word that filters them, its card. */
type Listing<K extends 'lead' | 'opportunity'> = {
  readonly name: 'leads' | 'deals';
  readonly kind: K;
  /** The filter a word names (a lead status, a deal stage: its id or its label in the user's language). */
  readonly filterNamed: (ctx: CommandContext, text: string) => Readonly<Record<string, string>> | undefined;
  /** Without a word: the open ones, in the use case's order. */
  readonly open: (
    ctx: CommandContext,
    params: OpenListParams,
  ) => Promise<Result<Page<Versioned<RecordOf[K]>>>>;
  readonly card: (
    ctx: CommandContext,
    heading: string,
    records: readonly RecordOf[K][],
    more: boolean,
  ) => AdaptiveCard;
};

const wanted = (text: string) => text.trim().toLowerCase();

const LISTINGS = {
  lead: listing({
    name: 'leads',
    kind: 'lead',
    filterNamed: ({ localized: { t } }, text) => {
      const status = LEAD_STATUSES.find(
        (s) => s === wanted(text) || t(`leadStatus.${s}`).toLowerCase() === wanted(text),
      );
      return status ? { status } : undefined;
    },
    open: (ctx, params) => listOpenLeads(ctx.app, ctx.caller, ctx.workspace.record.id, params),
    card: (ctx, heading, leads, more) =>
      leadsCard(ctx.localized, { heading, leads, more, ws: ctx.workspace.record.id, links: ctx.links }),
  }),
  deal: listing({
    name: 'deals',
    kind: 'opportunity',
    filterNamed: ({ localized: { t }, workspace }, text) => {
      const stages = workspace.record.settings.stages;
      const stage = stages.find(
        (s) => s.id === wanted(text) || stageLabel(t, stages, s.id).toLowerCase() === wanted(text),
      );
      return stage ? { stage: stage.id } : undefined;
    },
    open: (ctx, params) => listOpenDeals(ctx.app, ctx.caller, ctx.workspace.record.id, params),
    card: (ctx, heading, deals, more) =>
      dealsCard(ctx.localized, {
        heading,
        deals,
        stages: ctx.workspace.record.settings.stages,
        more,
        ws: ctx.workspace.record.id,
        links: ctx.links,
      }),
  }),
};

/**
 * `leads` / `deals`: the open ones (leads most recently touched first, deals in the workspace's open
 * stages soonest close first); `leads <status>` / `deals <stage>`: those in it; `leads <search>` /
 * `deals <search>`: any that match.
 */
export const listCommand = (kind: keyof typeof LISTINGS): CommandSpec => LISTINGS[kind];

export const leadsCommand: CommandSpec = listCommand('lead');
export const dealsCommand: CommandSpec = listCommand('deal');

function listing<K extends 'lead' | 'opportunity'>(list: Listing<K>): CommandSpec {
  return {
    name: list.name,
    showsRecords: true,
    help: `help.${list.name}`,
    manifest: `manifest.${list.name}`,
    async run(ctx) {
      const ws = ctx.workspace.record.id;
      const search = ctx.args;
      // One row more than the card shows tells whether there are more.
      const limit = CARD_ROWS + 1;
      const filters = search ? list.filterNamed(ctx, search) : undefined;
      const page = filters
        ? await listRecords(ctx.app, ctx.caller, ws, list.kind, { filters, limit })
        : search
          ? await listRecords(ctx.app, ctx.caller, ws, list.kind, { q: search, limit })
          : await list.open(ctx, { limit });
      if (!page.ok) return page;
      const records = page.value.items.map((item) => item.record);
      const { t } = ctx.localized;
      const workspace = ctx.workspace.record.name;
      const heading = search
        ? t(`${list.name}.searchTitle`, { search, workspace })
        : t(`${list.name}.openTitle`, { workspace });
      const card = list.card(ctx, heading, records.slice(0, CARD_ROWS), records.length > CARD_ROWS);
      return { ok: true, value: cardReply(card, heading) };
    },
  };
}
