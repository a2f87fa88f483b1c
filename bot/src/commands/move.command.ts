import { LOST, ok, type StageConfig } from '@crm/shared';
import { pickCard } from '../cards/pick-card';
import { stageLabel } from '../cards/stage-label';
import type { Localized } from '../messages/translator';
import { cardReply, textReply } from '../replies/bot-reply';
import { moveDealReply } from '../replies/deal-replies';
import type { CommandSpec } from './command';
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
        return moveDealReply(ctx, found.value.item, parts.stage, undefined);
    }
  },
};
