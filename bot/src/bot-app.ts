import type { Server } from 'node:http';
import type { AppDeps, RelayMetrics } from '@crm/shared/application';
import type { Logger } from 'pino';
import type { BotCredentials, MetricsAccess } from './config';
import type { RecordLinks } from './cards/record-links';
import type { BotHandlers } from './chat/bot-handlers';
import { backingOffWhenBusy } from './conversation/busy-storage';
import { handleCardAction } from './conversation/handle-card-action';
import { handleCompose } from './conversation/handle-compose';
import { handleMessage, type ConversationDeps } from './conversation/handle-message';
import { handleMessageAction } from './conversation/handle-message-action';
import { handleTeamEvent } from './conversation/handle-team-event';
import { createBotServer } from './http/bot-server';
import type { Translator } from './messages/translator';
import { createTeamsAdapter, createTeamsEndpoint } from './teams/teams-endpoint';
import {
  createChatStarter,
  createTeamsPoster,
  type ChatStarter,
  type TeamsPoster,
} from './teams/teams-poster';

export type BotAppOptions = {
  readonly app: AppDeps;
  readonly credentials: BotCredentials | undefined;
  readonly translator: Translator;
  readonly logger: Logger;
  readonly ready: () => Promise<void>;
  /** The outbox relay's counters and lag (in /readyz and /metrics). */
  readonly relayMetrics?: () => RelayMetrics;
  /** Who may read /readyz and /metrics; default `off`. */
  readonly metrics?: MetricsAccess;
  /** Where cards' "Open in Pipeline CRM" and unfurled links go; default none. */
  readonly links?: RecordLinks;
};

export type BotApp = {
  readonly server: Server;
  /** Posts proactively through the same adapter (the notification channel uses it). */
  readonly poster: TeamsPoster;
  /** Starts a 1:1 chat with someone the bot never talked to (a deal owner's notice). */
  readonly startChat: ChatStarter;
};

/** Wires the conversation to the Teams endpoint and the HTTP server; not listening yet. */
export function createBot({
  app,
  credentials,
  translator,
  logger,
  ready,
  relayMetrics,
  metrics = 'off',
  links,
}: BotAppOptions): BotApp {
  const conversation: ConversationDeps = {
    app,
    translator,
    logger,
    ...(links ? { links } : {}),
    ...(credentials ? { tenantId: credentials.tenantId } : {}),
  };
  const handlers: BotHandlers = backingOffWhenBusy(conversation, {
    onMessage: (message) => handleMessage(conversation, message),
    onTeamEvent: (event) => handleTeamEvent(conversation, event),
    onCardAction: (action) => handleCardAction(conversation, action),
    onCompose: (query) => handleCompose(conversation, query),
    onMessageAction: (action) => handleMessageAction(conversation, action),
  });
  const adapter = createTeamsAdapter(credentials, logger);
  const messages = createTeamsEndpoint({ adapter, authenticated: Boolean(credentials), logger, handlers });
  return {
    server: createBotServer({ messages, ready, logger, metrics, ...(relayMetrics ? { relayMetrics } : {}) }),
    poster: createTeamsPoster(adapter, credentials?.appId),
    startChat: createChatStarter(adapter, credentials?.appId),
  };
}

/** The HTTP server alone (tests and callers that post nothing proactively). */
export function createBotApp(options: BotAppOptions): Server {
  return createBot(options).server;
}
