import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { startOutboxRelay, type AppDeps, type OutboxRelay } from '@crm/shared/application';
import type { OutboxQueue, TableStorage } from '@crm/shared/storage';
import { systemClock } from '@crm/shared/storage';
import type { Logger } from 'pino';
import type { BotApp } from '../bot-app';
import type { RecordLinks } from '../cards/record-links';
import type { Translator } from '../messages/translator';
import { pacedPoster } from './paced-poster';
import { createTeamsNotificationChannel } from './teams-notification-channel';
import { inSpan } from '@crm/shared/telemetry';

/**
 * The bot process runs the outbox relay: storage, the wake-up queue and the Teams channel (posting
 * and starting chats through the bot's adapter), wired once.
 */
export function startRelay(options: {
  readonly storage: TableStorage;
  readonly queue: OutboxQueue | undefined;
  readonly app: AppDeps;
  readonly bot: Pick<BotApp, 'poster' | 'startChat'>;
  readonly translator: Translator;
  readonly logger: Logger;
  /** Where a notification card's "Open in Pipeline CRM" goes. */
  readonly links?: RecordLinks;
}): OutboxRelay {
  const { storage, queue, app, bot, translator, logger } = options;
  const channel = createTeamsNotificationChannel({
    app,
    translator,
    // Within Teams' limits per conversation (7/s, 60/30 s, 1,800/h) rather than into 429s.
    poster: pacedPoster(bot.poster),
    startChat: bot.startChat,
    logger,
    ...(options.links ? { links: options.links } : {}),
  });
  return startOutboxRelay(
    {
      outbox: storage.outbox,
      index: storage.pendingOutbox,
      leases: storage.relayLeases,
      ...(queue ? { wakeups: queue } : {}),
      channel,
      clock: systemClock,
      random: Math.random,
      log: logger.child({ component: 'outbox-relay' }),
      // A span per pass over a workspace and per post, with the workspace and event ids.
      trace: inSpan,
    },
    // Unique per process, so a restarted instance does not mistake a dead one's lease for its own.
    { owner: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}` },
  );
}
