/**
 * The bot's composition root: reads the configuration once, builds every collaborator once, listens,
 * and shuts down gracefully on SIGTERM/SIGINT.
 */
import {
  connectOutboxSignalling,
  drainServer,
  observeRelay,
  startLocalTelemetry,
  storageTransientCounter,
} from '@crm/shared/runtime';
import { startMorningDigests, type AppDeps, type OutboxRelay } from '@crm/shared/application';
import { connectTableStorage, createIdGenerator, systemClock } from '@crm/shared/storage';
import pino from 'pino';
import { createBot } from './bot-app';
import { recordLinks } from './cards/record-links';
import { loadConfig } from './config';
import { createTranslator } from './messages/translator';
import { startRelay } from './notifications/start-relay';

/** How long in-flight activities get to finish after a stop signal. */
const DRAIN_MS = 10_000;

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(`The bot cannot start:\n  - ${loaded.problems.join('\n  - ')}`);
    process.exit(1);
  }
  const config = loaded.config;
  const logger = pino({ level: config.logLevel, name: 'bot' });

  const tracing = startLocalTelemetry(process.env, 'pipeline-crm-bot');
  const storage = connectTableStorage(config.storage, {
    tablePrefix: config.tablePrefix,
    onTransient: storageTransientCounter(),
  });
  await storage.ensureTables();
  const signalling = await connectOutboxSignalling(config.storage, storage, {
    tablePrefix: config.tablePrefix,
    log: logger,
  });
  // The relay needs the bot's poster and the app, and the app's commits wake the relay: bound late.
  const late: { relay?: OutboxRelay } = {};
  const app: AppDeps = {
    ...storage,
    // Commits made here wake this process's relay at once, and the others through the queue.
    records: signalling.records({ notify: async (ws) => late.relay?.wake(ws) }),
    clock: systemClock,
    ids: createIdGenerator(),
  };
  if (!config.bot)
    logger.warn('no BOT_ID: accepting unauthenticated activities (local use on loopback only)');

  const translator = createTranslator();
  const links = recordLinks(config.links);
  const bot = createBot({
    app,
    credentials: config.bot,
    translator,
    logger,
    ready: async () => {
      await storage.workspaces.get('readiness-probe');
    },
    relayMetrics: () => relay.metrics(),
    metrics: config.metrics,
    links,
  });
  const relay = startRelay({ storage, queue: signalling.queue, app, bot, translator, logger, links });
  late.relay = relay;
  observeRelay(() => relay.metrics());
  // Every minute: whose 08:00 it is, in workspaces with the morning digest on (the relay posts them).
  const digests = startMorningDigests(app, { log: logger.child({ component: 'morning-digest' }) });
  const { server } = bot;
  server.listen(config.port, config.host, () => {
    logger.info(
      { url: `http://${config.host}:${config.port}/api/messages`, authenticated: Boolean(config.bot) },
      'bot listening',
    );
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'bot cannot listen');
    process.exit(1);
  });

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping: no new connections, finishing activities in flight');
    // The relay finishes the send in flight and records it; the rest waits for the next instance.
    Promise.all([drainServer(server, DRAIN_MS), relay.stop(), digests.stop()])
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('The bot failed to start:', error);
  process.exit(1);
});
