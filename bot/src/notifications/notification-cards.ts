import { WON, type DomainEvent, type Opportunity, type StageConfig } from '@crm/shared';
import {
  adaptiveCard,
  facts,
  line,
  openLink,
  title,
  type AdaptiveCard,
  type CardElement,
} from '../cards/adaptive-card';
import { formatMoney } from '../cards/money';
import { stageLabel } from '../cards/stage-label';
import { md } from '../messages/markdown';
import type { Localized } from '../messages/translator';

/** What a notification card says besides the event itself (names read at send time). */
export type NotificationContext = {
  readonly workspace: string;
  readonly stages: StageConfig;
  /** Who made the change, as the workspace knows them. */
  readonly actorName: string;
  /** The deal's owner (won cards). */
  readonly ownerName?: string;
  /** The deal a conversion made. */
  readonly deal?: Opportunity;
  /** "Open in Pipeline CRM": the deal (or the converted lead) in the tab. */
  readonly link?: string;
};

/** The card a channel (or a deal's owner) gets for an event; undefined for events nobody hears of. */
export function notificationCard(
  localized: Localized,
  event: DomainEvent,
  ctx: NotificationContext,
): { card: AdaptiveCard; summary: string } | undefined {
  const built = notificationShape(localized, event, ctx);
  if (!built || !ctx.link) return built;
  return {
    summary: built.summary,
    card: { ...built.card, actions: [openLink(localized.t('action.open'), ctx.link)] },
  };
}

function notificationShape(
  localized: Localized,
  event: DomainEvent,
  ctx: NotificationContext,
): { card: AdaptiveCard; summary: string } | undefined {
  const { t, locale } = localized;
  const money = (amount: number | undefined, currency: string) =>
    amount === undefined ? undefined : formatMoney(amount, currency, locale);
  const stage = (id: string | undefined) => (id ? stageLabel(t, ctx.stages, id) : '–');
  const footer: CardElement = {
    type: 'TextBlock',
    text: md(ctx.workspace),
    isSubtle: true,
    size: 'Small',
    wrap: true,
  };
  switch (event.type) {
    case 'lead.converted': {
      const d = event.data;
      const summary = t('notify.converted', { actor: ctx.actorName, lead: d.leadName });
      const deal = ctx.deal;
      return {
        summary,
        card: adaptiveCard([
          title(t('notify.convertedTitle')),
          line(summary),
          facts([
            [t('field.organisation'), d.organisationName],
            [t('field.deal'), deal?.name],
            [t('column.amount'), deal ? money(deal.amount, deal.currency) : undefined],
          ]),
          footer,
        ]),
      };
    }
    case 'opportunity.stage-changed': {
      const d = event.data;
      const summary = t('notify.moved', {
        actor: ctx.actorName,
        deal: d.name,
        from: stage(d.from),
        to: stage(d.to),
      });
      return {
        summary,
        card: adaptiveCard([
          title(t('notify.movedTitle', { deal: d.name })),
          line(summary),
          line(`${md(stage(d.from))} → **${md(stage(d.to))}**`),
          facts([[t('column.amount'), money(d.amount, d.currency)]]),
          footer,
        ]),
      };
    }
    case 'opportunity.won': {
      const d = event.data;
      const amount = money(d.amount, d.currency);
      const summary = t('notify.won', { deal: d.name, owner: ctx.ownerName ?? ctx.actorName });
      return {
        summary,
        card: adaptiveCard([
          {
            type: 'TextBlock',
            text: t('notify.wonTitle'),
            size: 'Large',
            weight: 'Bolder',
            color: 'Good',
            wrap: true,
          },
          { type: 'TextBlock', text: md(d.name), size: 'Medium', weight: 'Bolder', wrap: true },
          ...(amount
            ? [
                {
                  type: 'TextBlock' as const,
                  text: amount,
                  size: 'ExtraLarge' as const,
                  weight: 'Bolder' as const,
                  color: 'Good' as const,
                },
              ]
            : []),
          line(t('notify.wonBy', { owner: ctx.ownerName ?? ctx.actorName, stage: stage(WON) })),
          footer,
        ]),
      };
    }
    case 'opportunity.lost': {
      const d = event.data;
      const summary = t('notify.lost', { deal: d.name });
      return {
        summary,
        card: adaptiveCard([
          title(t('notify.lostTitle', { deal: d.name })),
          facts([
            [t('notify.reason'), d.lostReason],
            [t('column.amount'), money(d.amount, d.currency)],
            [t('notify.by'), ctx.actorName],
          ]),
          footer,
        ]),
      };
    }
    case 'opportunity.owner-changed': {
      const d = event.data;
      const summary = t('notify.owner', { actor: ctx.actorName, deal: d.name });
      return {
        summary,
        card: adaptiveCard([
          title(t('notify.ownerTitle', { deal: d.name })),
          line(summary),
          facts([
            [t('column.stage'), stage(d.stage)],
            [t('column.amount'), money(d.amount, d.currency)],
          ]),
          footer,
        ]),
      };
    }
    case 'lead.disqualified':
      return undefined;
    case 'activity.morning-digest':
      // The person's day as it is when it is posted: the day card (teams-notification-channel.ts).
      return undefined;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
