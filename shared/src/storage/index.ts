/** `@crm/shared/storage` (Node only): the Azure Table Storage repositories, ids, clock and Azurite. */
export { connectTableStorage, type TableStorage, type TableStorageConfig } from './connect';
export { TableRecordRepository } from './table-record.repository';
export type { ReindexReport } from './table-reindex';
export { TableWorkspaceRepository } from './table-workspace.repository';
export { TableOutboxRepository } from './table-outbox.repository';
export { TableConversationRepository, TableTeamRepository } from './table-team.repository';
export { TableImportJobRepository } from './table-import-job.repository';
export { memoryLeases, type Lease, type LeaseRow, type Leases } from './leases';
export { TableLeases } from './table-leases';
export { connectOutboxQueue, type OutboxQueue } from './queue-outbox-signal';
export { createIdGenerator, systemClock } from './ids';
export {
  AZURITE_ACCOUNT,
  AZURITE_KEY,
  azuriteConnectionString,
  freePort,
  startAzurite,
  type AzuriteOptions,
  type RunningAzurite,
} from './azurite';
export {
  backupAll,
  backupWorkspace,
  backupWorkspaces,
  claimBackup,
  restoreWorkspace,
  workspaceRows,
  type BackupReport,
  type BackupRow,
  type BackupStore,
  type BackupTables,
} from './table-backup';
export {
  BACKUP_CONTAINER,
  blobBackupStore,
  connectBlobBackupStore,
  connectBlobContainer,
  type ContainerClient,
} from './blob-backup-store';
