import type { ConversationAddress, DomainEvent, Workspace } from '@crm/shared';
import {
  dropTarget,
  notificationTargets,
  rememberStartedChat,
  targetReach,
  type AppDeps,
  type NotificationChannel,
  type NotificationTarget,
  type SendOutcome,
} from '@crm/shared/application';
import type { Logger } from 'pino';
import { NO_RECORD_LINKS, type RecordLinks } from '../cards/record-links';
import type { Translator } from '../messages/translator';
import { localeOf } from '../teams/address';
import type { ChatStarter, TeamsPoster } from '../teams/teams-poster';
import { morningDigestCard } from './morning-digest-card';
import { notificationCard } from './notification-cards';
import { sendOutcomeOf } from './send-outcome';

export type TeamsNotificationChannelOptions = {
  readonly app: AppDeps;
  readonly translator: Translator;
  readonly poster: TeamsPoster;
  readonly startChat: ChatStarter;
  readonly logger: Logger;
  /** Where a card's "Open in Pipeline CRM" goes (none: no button). */
  readonly links?: RecordLinks;
};

/**
 * The bot's side of the relay seam: who hears of an event (the use case decides) and one post to
 * one of them, as a card in the conversation's language. A deal owner the bot never chatted with
 * gets a 1:1 chat started first (kept for next time). A conversation Teams says is gone loses its
 * subscription.
 */
export function createTeamsNotificationChannel({
  app,
  translator,
  poster,
  startChat,
  logger,
  links = NO_RECORD_LINKS,
}: TeamsNotificationChannelOptions): NotificationChannel {
  const where = async (
    event: DomainEvent,
    target: NotificationTarget,
  ): Promise<{ address: ConversationAddress } | { outcome: SendOutcome }> => {
    const reach = await targetReach(app, event, target);
    if (!reach) return { outcome: { kind: 'gone', reason: 'no longer subscribed' } };
    if (reach.kind === 'address') return { address: reach.address };
    const started = await startChat(reach.person);
    if (started.kind === 'started') {
      await rememberStartedChat(app, reach.person, started.address);
      logger.info({ target: target.key, event: event.id }, 'personal chat started');
      return { address: started.address };
    }
    const outcome = sendOutcomeOf(started);
    // 403/404: the app is not installed for them (or they blocked it); nothing to retry.
    logger.warn(
      { target: target.key, event: event.id, status: started.status, reason: started.reason },
      outcome.kind === 'gone' ? 'personal chat cannot be started: not sent' : 'personal chat not started yet',
    );
    return { outcome };
  };
  return {
    targetsFor: (event) => notificationTargets(app, event),
    async send(target: NotificationTarget, event: DomainEvent): Promise<SendOutcome> {
      const found = await where(event, target);
      if ('outcome' in found) return found.outcome;
      const { address } = found;
      const workspace = await app.workspaces.get(event.workspaceId);
      if (!workspace) return { kind: 'gone', reason: 'workspace gone' };
      const built =
        event.type === 'activity.morning-digest'
          ? await morningDigestCard(app, translator, event, workspace.record, address)
          : await buildCard(app, translator, links, event, workspace.record, address);
      if (!built) return { kind: 'sent' };
      const outcome = sendOutcomeOf(
        await poster(address, { kind: 'card', card: built.card, summary: built.summary }),
      );
      if (outcome.kind === 'gone') {
        await dropTarget(app, event, target, outcome.reason);
        logger.warn(
          { target: target.key, event: event.id, reason: outcome.reason },
          'conversation refused the post: subscription marked broken',
        );
      }
      return outcome;
    },
  };
}

/** The event's card in the conversation's language, with the names it mentions read now. */
async function buildCard(
  app: AppDeps,
  translator: Translator,
  links: RecordLinks,
  event: DomainEvent,
  workspace: Workspace,
  address: ConversationAddress,
) {
  const nameOf = async (userId: string) => (await app.workspaces.getMember(event.workspaceId, userId))?.name;
  const ownerId =
    'opportunityId' in event.data && event.type !== 'lead.converted'
      ? (await app.records.get(event.workspaceId, 'opportunity', event.data.opportunityId))?.record.ownerId
      : undefined;
  const deal =
    event.type === 'lead.converted' && event.data.opportunityId
      ? (await app.records.get(event.workspaceId, 'opportunity', event.data.opportunityId))?.record
      : undefined;
  const localized = translator.forLocale(localeOf(address));
  const ownerName = ownerId ? await nameOf(ownerId) : undefined;
  const link = linkOf(links, event);
  return notificationCard(localized, event, {
    workspace: workspace.name,
    stages: workspace.settings.stages,
    actorName: (await nameOf(event.actorId)) ?? localized.t('notify.someone'),
    ...(ownerName ? { ownerName } : {}),
    ...(deal ? { deal } : {}),
    ...(link ? { link } : {}),
  });
}

/** The record an event's card opens: the deal (a conversion's, else the lead). */
function linkOf(links: RecordLinks, event: DomainEvent): string | undefined {
  const workspaceId = event.workspaceId;
  switch (event.type) {
    case 'lead.converted':
      return event.data.opportunityId
        ? links.open({ workspaceId, kind: 'opportunity', recordId: event.data.opportunityId })
        : links.open({ workspaceId, kind: 'lead', recordId: event.data.leadId });
    case 'lead.disqualified':
      return links.open({ workspaceId, kind: 'lead', recordId: event.data.leadId });
    default:
      return 'opportunityId' in event.data
        ? links.open({ workspaceId, kind: 'opportunity', recordId: event.data.opportunityId })
        : undefined;
  }
}
