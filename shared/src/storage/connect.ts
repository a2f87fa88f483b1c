import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import type {
  ImportJobRepository,
  OutboxRepository,
  RecordRepository,
  WorkspaceRepository,
} from '../application/ports';
import type { ConversationRepository, TeamRepository } from '../application/team-ports';
import { TableConversationRepository, TableTeamRepository } from './table-team.repository';
import type { PendingOutboxIndex, RelayLeases } from '../application/relay/relay-ports';
import { TablePendingOutboxIndex } from './table-pending-outbox-index';
import type { Leases } from './leases';
import { TableLeases } from './table-leases';
import { TableRelayLeases } from './table-relay-leases';
import type { WorkspaceId } from '../common/types';
import { statusOf } from './table-errors';
import { reindexWorkspace, type ReindexReport } from './table-reindex';
import { rebuildWorkspaceFigures, type RebuildReport } from './table-rebuild-figures';
import { TableImportJobRepository } from './table-import-job.repository';
import { storageTracingPolicy } from './storage-tracing-policy';
import { DEFAULT_STORAGE_RETRY, storageRetryPolicy, type StorageRetryOptions } from './storage-retry-policy';
import { TableOutboxRepository } from './table-outbox.repository';
import type { BackupTables } from './table-backup';
import { TableRecordRepository } from './table-record.repository';
import { TableWorkspaceRepository } from './table-workspace.repository';

export type TableStorageConfig =
  | { readonly connectionString: string }
  | { readonly accountUrl: string; readonly credential?: TokenCredential };

export type TableStorage = {
  readonly records: RecordRepository;
  readonly workspaces: WorkspaceRepository;
  readonly outbox: OutboxRepository;
  /** Background lead imports, in the records table. */
  /** Import jobs' leases, shared import slots and once-per-period markers of scheduled work (directory table). */
  readonly leases: Leases;
  readonly importJobs: ImportJobRepository;
  /** Teams, rosters, channel subscriptions and personal chats, in the directory table. */
  readonly teams: TeamRepository;
  readonly conversations: ConversationRepository;
  /** The outbox relay's index of workspaces with pending events, and its leases (directory table). */
  readonly pendingOutbox: PendingOutboxIndex;
  readonly relayLeases: RelayLeases;
  /** Creates the tables if missing (at start-up and in tests; idempotent). */
  ensureTables(): Promise<void>;
  /** The tables workspace backups read and restore write (`table-backup.ts`). */
  readonly backupTables: BackupTables;
  /** Rebuilds the search index of one workspace, or of every workspace (`npm run reindex`). */
  reindexSearch(workspaceId?: WorkspaceId): Promise<ReindexReport[]>;
  /**
   * Recounts the figures of one workspace, or of every workspace, from their records and rewrites
   * the rows that differ, with the deal copies (`npm run rebuild-figures`).
   */
  rebuildFigures(workspaceId?: WorkspaceId): Promise<RebuildReport[]>;
};

/** Table names are letters and digits, starting with a letter: the prefix keeps to that. */
const PREFIX = /^(?:[A-Za-z][A-Za-z0-9]{0,40})?$/;

/**
 * Three tables: `<prefix>records` (one partition per workspace), `<prefix>search` (the search index,
 * sharded per workspace) and `<prefix>directory` (lookups across workspaces). A connection string (Azurite, shared key) or an account URL with a token credential
 * (managed identity by default).
 */
export function connectTableStorage(
  config: TableStorageConfig,
  options: {
    tablePrefix: string;
    /** Extra SDK options; `additionalPolicies` run outside the retry policy (they see final answers). */
    clientOptions?: TableServiceClientOptions;
    /** How requests storage failed are retried (`storage-retry-policy.ts`); the SDK's own retry is off. */
    retry?: Partial<StorageRetryOptions>;
    /** Hears of every transient failure (503, timeout, lost connection): the throttling metric. */
    onTransient?: (failure: { method: string; what: string; refused: boolean }) => void;
  },
): TableStorage {
  if (!PREFIX.test(options.tablePrefix)) {
    throw new Error(`Table prefix ${JSON.stringify(options.tablePrefix)} must be letters and digits`);
  }
  const retry = storageRetryPolicy(
    { ...DEFAULT_STORAGE_RETRY, ...options.retry },
    options.onTransient ? { onTransient: options.onTransient } : {},
  );
  const clientOptions: TableServiceClientOptions = {
    ...options.clientOptions,
    retryOptions: { maxRetries: 0 },
    additionalPolicies: [
      ...(options.clientOptions?.additionalPolicies ?? []),
      { policy: storageTracingPolicy(), position: 'perCall' },
      { policy: retry, position: 'perCall' },
    ],
  };
  const client = (name: string) => tableClient(config, `${options.tablePrefix}${name}`, clientOptions);
  const records = client('records');
  const directory = client('directory');
  const search = client('search');
  const workspaces = new TableWorkspaceRepository(records, directory);
  const recordRepository = new TableRecordRepository(records, search);
  const rebuild = async (ws: WorkspaceId) => {
    const report = await rebuildWorkspaceFigures(records, ws);
    recordRepository.forgetFigures(ws);
    return report;
  };
  return {
    records: recordRepository,
    workspaces,
    outbox: new TableOutboxRepository(records),
    importJobs: new TableImportJobRepository(records),
    teams: new TableTeamRepository(directory),
    conversations: new TableConversationRepository(directory),
    pendingOutbox: new TablePendingOutboxIndex(directory),
    backupTables: { records, directory },
    relayLeases: new TableRelayLeases(directory),
    leases: new TableLeases(directory),
    async ensureTables() {
      await Promise.all([createTable(records), createTable(directory), createTable(search)]);
    },
    async reindexSearch(workspaceId) {
      if (workspaceId) return [await reindexWorkspace(records, search, workspaceId)];
      const reports: ReindexReport[] = [];
      for await (const ws of workspaces.listAll())
        reports.push(await reindexWorkspace(records, search, ws.id));
      return reports;
    },
    async rebuildFigures(workspaceId) {
      if (workspaceId) return [await rebuild(workspaceId)];
      const reports: RebuildReport[] = [];
      for await (const ws of workspaces.listAll()) reports.push(await rebuild(ws.id));
      return reports;
    },
  };
}

function tableClient(
  config: TableStorageConfig,
  name: string,
  extra: TableServiceClientOptions = {},
): TableClient {
  if ('connectionString' in config) {
    const insecure = /TableEndpoint=http:|DefaultEndpointsProtocol=http;|UseDevelopmentStorage=true/i;
    return TableClient.fromConnectionString(config.connectionString, name, {
      ...options(insecure.test(config.connectionString)),
      ...extra,
    });
  }
  const credential = config.credential ?? new DefaultAzureCredential();
  return new TableClient(config.accountUrl, name, credential, {
    ...options(config.accountUrl.startsWith('http:')),
    ...extra,
  });
}

const options = (insecure: boolean): TableServiceClientOptions =>
  insecure ? { allowInsecureConnection: true } : {};

/** createTable already ignores TableAlreadyExists; a table being deleted answers 409 too and is retried. */
async function createTable(client: TableClient): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.createTable();
      return;
    } catch (error) {
      if (statusOf(error) !== 409 || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
