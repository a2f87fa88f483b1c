/** `@crm/shared/runtime` (Node only): what the tab server and the bot read and do alike as processes. */
export {
  drainServer,
  isLoopback,
  readEnvironment,
  STORAGE_REQUIRED,
  stopOnSignals,
  storageConfigOf,
  storageOrIssue,
  withoutEmpty,
  type EnvironmentResult,
} from './process-config';
export { connectOutboxSignalling, openStorage, type OutboxSignalling } from './outbox-signalling';
export {
  annotate,
  inSpan,
  meter,
  observeRelay,
  requestDurations,
  storageTransientCounter,
} from '../telemetry/telemetry';
export { startLocalTelemetry, type LocalTelemetry, type TelemetryEnv } from './local-telemetry';
