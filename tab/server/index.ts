/**
 * The tab server's composition root: reads the configuration once, builds every collaborator once,
 * hands them to the app, listens, and shuts down gracefully on SIGTERM/SIGINT.
 */
import { join } from 'node:path';
import {
  connectOutboxSignalling,
  drainServer,
  startLocalTelemetry,
  storageTransientCounter,
} from '@crm/shared/runtime';
import type { AppDeps } from '@crm/shared/application';
import {
  connectBlobBackupStore,
  connectTableStorage,
  createIdGenerator,
  systemClock,
} from '@crm/shared/storage';
import { createApp } from './app';
import { createDevTokenIssuer } from './auth/dev-token-issuer';
import { entraSigningKeys } from './auth/entra-keys';
import { createTokenVerifier } from './auth/token-verifier';
import { cachingVerifier } from './auth/verified-token-cache';
import { loadConfig } from './config';
import { createLogger } from './http/logging';
import { csvExtension } from './imports/csv-extension';
import { createImportWorker } from './imports/import-worker';
import { startRecyclePurge } from './recycle-purge';
import { startBackupSchedule } from './backup-schedule';
import { onDemandBundle, PACKAGED_ASSETS_FOLDER, prebuiltBundle } from './bundle/browser-bundle';
import { seedDemoData } from './seed/demo-data';

/** How long in-flight requests get to finish after a stop signal. */
const DRAIN_MS = 10_000;

async function main(): Promise<void> {
  // NODE_ENV spelled out: the deploy artifact's build fixes `process.env.NODE_ENV` to "production"
  // (scripts/deploy), so the artifact never tries to build its browser bundle, whatever the host sets.
  const loaded = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV });
  if (!loaded.ok) {
    console.error(`The tab server cannot start:\n  - ${loaded.problems.join('\n  - ')}`);
    process.exit(1);
  }
  const config = loaded.config;
  const logger = createLogger(config.logLevel);

  // In the deploy artifact this file is bundled into server.js, the browser bundle in public/ beside it.
  const bundle =
    config.bundle.mode === 'prebuilt'
      ? prebuiltBundle(config.bundle.dir ?? join(__dirname, PACKAGED_ASSETS_FOLDER))
      : onDemandBundle();
  if (config.bundle.mode === 'prebuilt') {
    await bundle.ready().catch((error: unknown) => {
      console.error(`The tab server cannot start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
  }

  const tracing = startLocalTelemetry(process.env, 'pipeline-crm-tab');
  const storage = connectTableStorage(config.storage, {
    tablePrefix: config.tablePrefix,
    onTransient: storageTransientCounter(),
  });
  await storage.ensureTables();
  // Commits with events mark the pending-outbox index and signal the bot's relay through the queue.
  const signalling = await connectOutboxSignalling(config.storage, storage, {
    tablePrefix: config.tablePrefix,
    log: logger,
  });
  const deps: AppDeps = {
    records: signalling.records(),
    workspaces: storage.workspaces,
    outbox: signalling.outbox(),
    teams: storage.teams,
    conversations: storage.conversations,
    clock: systemClock,
    ids: createIdGenerator(),
    limits: config.limits,
  };

  const devTokens = config.auth.mode === 'dev' ? await createDevTokenIssuer(config.auth.clientId) : undefined;
  const { tenantId, authorityHost, appIdUri } = config.auth;
  const verifier = cachingVerifier(
    createTokenVerifier({
      keys: devTokens?.keys ?? entraSigningKeys(authorityHost, tenantId ?? 'common'),
      clientId: config.auth.clientId,
      ...(tenantId ? { tenantId } : {}),
      // Dev tokens are minted here with the public cloud's issuer.
      ...(devTokens ? {} : { authorityHost }),
      ...(appIdUri ? { appIdUri } : {}),
    }),
  );
  if (devTokens) logger.warn('AUTH_MODE=dev: POST /api/dev/token signs in anyone who asks (loopback only)');

  if (config.seedDemoData) {
    const seedOptions = config.demoTeamsServiceUrl ? { teamsServiceUrl: config.demoTeamsServiceUrl } : {};
    await seedDemoData(deps, logger, seedOptions);
  }
  const importDeps = { ...deps, importJobs: storage.importJobs };
  const purge = startRecyclePurge(importDeps, logger);
  const backupStore = config.backupEveryHours > 0 ? connectBlobBackupStore(config.storage) : undefined;
  if (config.backupEveryHours > 0 && !backupStore)
    logger.warn({}, 'no blob endpoint in the storage configuration: workspaces are not backed up');
  const backups = backupStore
    ? startBackupSchedule(storage, backupStore, { everyHours: config.backupEveryHours, logger })
    : undefined;
  const imports = createImportWorker(importDeps, { dataDir: config.dataDir, logger });

  const app = createApp({
    app: deps,
    verifier,
    logger,
    rateLimit: config.rateLimit,
    addressRateLimit: config.addressRateLimit,
    trustProxy: config.trustProxy,
    ready: async () => {
      await storage.workspaces.get('readiness-probe');
    },
    ...(devTokens ? { devTokens } : {}),
    extensions: [
      csvExtension(importDeps, {
        worker: imports,
        dataDir: config.dataDir,
        spoolLimitBytes: config.spoolLimitBytes,
      }),
    ],
    bundle,
  });
  const server = app.listen(config.port, config.host, () => {
    logger.info(
      { url: `http://${config.host}:${config.port}`, authMode: config.auth.mode },
      'tab server listening',
    );
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'tab server cannot listen');
    process.exit(1);
  });
  // Jobs an earlier process left queued or running go on from their saved progress.
  imports.resumeUnfinished().catch((error: unknown) => logger.error({ err: error }, 'cannot resume imports'));

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping: no new connections, finishing requests in flight');
    purge.stop();
    backups?.stop();
    // Running imports stop after their batches in flight, progress saved, and resume on the next start.
    Promise.all([drainServer(server, DRAIN_MS), imports.stop()])
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
  console.error('The tab server failed to start:', error);
  process.exit(1);
});
