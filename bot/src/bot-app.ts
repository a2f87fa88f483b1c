import type { Server } from 'node:http';
import type { AppDeps, RelayMetrics } from '@crm/shared/application';
import type { Logger } from 'pino';
import type { BotCredentials } from './config';
import { handleMessage } from './conversation/handle-message';
import { createBotServer } from './http/bot-server';
import type { Translator } from './messages/translator';
import { createTeamsEndpoint } from './teams/teams-endpoint';

export type BotAppOptions = {
  readonly app: AppDeps;
  readonly credentials: BotCredentials | undefined;
  readonly translator: Translator;
  readonly logger: Logger;
  readonly ready: () => Promise<void>;
  /** The outbox relay's counters and lag (in /readyz and /metrics). */
  readonly relayMetrics?: () => RelayMetrics;
};

/** Wires the conversation to the Teams endpoint and the HTTP server; not listening yet. */
export function createBotApp({
  app,
  credentials,
  translator,
  logger,
  ready,
  relayMetrics,
}: BotAppOptions): Server {
  const conversation = {
    app,
    translator,
    logger,
    ...(credentials ? { tenantId: credentials.tenantId } : {}),
  };
  const messages = createTeamsEndpoint({
    credentials,
    logger,
    onMessage: (message) => handleMessage(conversation, message),
  });
  return createBotServer({ messages, ready, logger, ...(relayMetrics ? { relayMetrics } : {}) });
}
