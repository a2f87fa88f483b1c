import {
  isClosedStageId,
  LOST,
  ok,
  type Opportunity,
  type Result,
  type StageConfig,
  type Versioned,
} from '@crm/shared';
import { updateOpportunity } from '@crm/shared/application';
import { dealCard } from '../cards/deal-card';
import { pickCard } from '../cards/pick-card';
import { stageLabel } from '../cards/stage-label';
import { cardReply, textReply, type BotReply } from '../conversation/chat-message';
import type { Localized } from '../messages/translator';
import type { CommandContext, CommandSpec } from './command';
import { findDeal } from './find-records';

/** `move <deal> <stage>`: the stage is the end of the line (its id, or its label in the user's language). */
export function splitMove(
  t: Localized['t'],
  stages: StageConfig,
  args: string,
): { readonly deal: string; readonly stage: string } | undefined {
  const lower = args.toLowerCase();
  const names = stages.flatMap((s) => {
    const shorthand = s.id === 'closed-won' ? ['won'] : s.id === LOST ? ['lost'] : [];
    return [s.id, stageLabel(t, stages, s.id), ...shorthand].map((n) => ({
      name: n.toLowerCase(),
      id: s.id,
    }));
  });
  names.sort((a, b) => b.name.length - a.name.length);
  for (const { name, id } of names) {
    if (lower.endsWith(` ${name}`)) {
      const deal = args.slice(0, args.length - name.length).trim();
      if (deal) return { deal, stage: id };
    }
  }
  return undefined;
}

export const moveCommand: CommandSpec = {
  name: 'move',
  showsRecords: true,
  help: 'help.move',
  manifest: 'manifest.move',
  async run(ctx) {
    const { t } = ctx.localized;
    const stages = ctx.workspace.record.settings.stages;
    const parts = ctx.args ? splitMove(t, stages, ctx.args) : undefined;
    if (!parts) {
      const names = stages.map((s) => stageLabel(t, stages, s.id)).join(', ');
      return ok(textReply(t('move.usage', { stages: names })));
    }
    const found = await findDeal(ctx, parts.deal);
    if (!found.ok) return found;
    const ws = ctx.workspace.record.id;
    switch (found.value.kind) {
      case 'none':
        return ok(textReply(t('deal.none', { search: parts.deal })));
      case 'many': {
        const heading = t('pick.deal', { search: parts.deal });
        const items = found.value.items.map((i) => ({
          label: `${i.record.name} · ${stageLabel(t, stages, i.record.stage)}`,
          verb: 'deal.move',
          data: { ws, dealId: i.record.id, stage: parts.stage },
        }));
        return ok(cardReply(pickCard(ctx.localized, heading, items, found.value.more), heading));
      }
      case 'one':
        return moveDeal(ctx, found.value.item, parts.stage, undefined);
    }
  },
};

/**
 * Moves a deal as it is now (the version just read guards the write). Already there: nothing
 * changes (a retried or double-clicked move). Lost without a reason: the card asks for one.
 */
export async function moveDeal(
  ctx: Pick<CommandContext, 'app' | 'caller' | 'workspace' | 'localized' | 'viewers'>,
  deal: Versioned<Opportunity>,
  stage: string,
  lostReason: string | undefined,
): Promise<Result<BotReply>> {
  const { t } = ctx.localized;
  const ws = ctx.workspace.record.id;
  const stages = ctx.workspace.record.settings.stages;
  const viewers = await ctx.viewers();
  const card = (d: Versioned<Opportunity>, notice: string) =>
    cardReply(
      dealCard(ctx.localized, {
        ws,
        deal: d.record,
        version: d.version,
        stages,
        notice,
        viewers,
      }),
      notice,
    );
  if (deal.record.stage === stage) {
    return ok(card(deal, t('move.already', { stage: stageLabel(t, stages, stage) })));
  }
  if (stage === LOST && !lostReason?.trim()) {
    return ok(card(deal, t('move.lostNeedsReason', { stage: stageLabel(t, stages, LOST) })));
  }
  // Naming an open stage for a closed deal is reopening it on purpose.
  const reopen = isClosedStageId(deal.record.stage) && !isClosedStageId(stage);
  const moved = await updateOpportunity(ctx.app, ctx.caller, ws, deal.record.id, deal.version, {
    stage,
    ...(stage === LOST ? { lostReason: lostReason?.trim() } : {}),
    ...(reopen ? { reopen: true } : {}),
  });
  if (!moved.ok) return moved;
  return ok(card(moved.value, t('move.done', { stage: stageLabel(t, stages, stage) })));
}
