/** `@crm/shared/runtime` (Node only): what the tab server and the bot read and do alike as processes. */
export { drainServer, isLoopback, STORAGE_REQUIRED, storageConfigOf, withoutEmpty } from './process-config';
export { connectOutboxSignalling, type OutboxSignalling } from './outbox-signalling';
export {
  annotate,
  inSpan,
  meter,
  observeRelay,
  requestDurations,
  storageTransientCounter,
} from '../telemetry/telemetry';
export { startLocalTelemetry, type LocalTelemetry, type TelemetryEnv } from './local-telemetry';
