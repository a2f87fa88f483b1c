import { isClosedStageId, LOST, ok, type Opportunity, type Result, type Versioned } from '@crm/shared';
import { getRecord, updateOpportunity } from '@crm/shared/application';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { dealCard } from '../cards/deal-card';
import { stageLabel } from '../cards/stage-label';
import { cardReply, type BotReply } from './bot-reply';
import type { ReplyContext } from './reply-context';

/** The deal's card as it is now, with a notice above it (an outcome, or that the card was stale). */
export async function freshDealCard(
  ctx: ReplyContext,
  dealId: string,
  notice?: string,
): Promise<Result<AdaptiveCard>> {
  const deal = await getRecord(ctx.app, ctx.caller, ctx.workspace.record.id, 'opportunity', dealId);
  if (!deal.ok) return deal;
  return ok(
    dealCard(ctx.localized, {
      ws: ctx.workspace.record.id,
      deal: deal.value.record,
      version: deal.value.version,
      stages: ctx.workspace.record.settings.stages,
      viewers: await ctx.viewers(),
      links: ctx.links,
      ...(notice ? { notice } : {}),
    }),
  );
}

/**
 * Moves a deal as it is now (the version just read guards the write). Already there: nothing
 * changes (a retried or double-clicked move). Lost without a reason: the card asks for one.
 */
export async function moveDealReply(
  ctx: ReplyContext,
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
        links: ctx.links,
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
