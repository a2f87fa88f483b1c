import type { DomainEvent } from '@crm/shared';
import {
  dropTarget,
  notificationTargets,
  targetAddress,
  type AppDeps,
  type NotificationChannel,
  type NotificationTarget,
  type SendOutcome,
} from '@crm/shared/application';
import type { Logger } from 'pino';
import type { Translator } from '../messages/translator';
import { localeOf } from '../teams/address';
import type { TeamsPoster } from '../teams/teams-poster';
import { notificationCard } from './notification-cards';
import { sendOutcomeOf } from './send-outcome';

export type TeamsNotificationChannelOptions = {
  readonly app: AppDeps;
  readonly translator: Translator;
  readonly poster: TeamsPoster;
  readonly logger: Logger;
};

/**
 * The bot's side of the relay seam: who hears of an event (the use case decides) and one post to
 * one of them, as a card in the conversation's language. A conversation Teams says is gone loses
 * its subscription.
 */
export function createTeamsNotificationChannel({
  app,
  translator,
  poster,
  logger,
}: TeamsNotificationChannelOptions): NotificationChannel {
  return {
    targetsFor: (event) => notificationTargets(app, event),
    async send(target: NotificationTarget, event: DomainEvent): Promise<SendOutcome> {
      const address = await targetAddress(app, event, target);
      if (!address) return { kind: 'gone', reason: 'no longer subscribed' };
      const workspace = await app.workspaces.get(event.workspaceId);
      if (!workspace) return { kind: 'gone', reason: 'workspace gone' };
      const nameOf = async (userId: string) =>
        (await app.workspaces.getMember(event.workspaceId, userId))?.name;
      const ownerId =
        'opportunityId' in event.data && event.type !== 'lead.converted'
          ? (await app.records.get(event.workspaceId, 'opportunity', event.data.opportunityId))?.record
              .ownerId
          : undefined;
      const opportunity =
        event.type === 'lead.converted' && event.data.opportunityId
          ? (await app.records.get(event.workspaceId, 'opportunity', event.data.opportunityId))?.record
          : undefined;
      const localized = translator.forLocale(localeOf(address));
      const ownerName = ownerId ? await nameOf(ownerId) : undefined;
      const built = notificationCard(localized, event, {
        workspace: workspace.record.name,
        stages: workspace.record.settings.stages,
        actorName: (await nameOf(event.actorId)) ?? localized.t('notify.someone'),
        ...(ownerName ? { ownerName } : {}),
        ...(opportunity ? { opportunity } : {}),
      });
      if (!built) return { kind: 'sent' };
      const outcome = sendOutcomeOf(
        await poster(address, { kind: 'card', card: built.card, summary: built.summary }),
      );
      if (outcome.kind === 'gone') {
        await dropTarget(app, event, target);
        logger.warn(
          { target: target.key, event: event.id, reason: outcome.reason },
          'conversation gone: unsubscribed',
        );
      }
      return outcome;
    },
  };
}
