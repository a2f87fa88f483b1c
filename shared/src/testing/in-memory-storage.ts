import type {
  ImportJobRepository,
  OutboxRepository,
  RecordRepository,
  WorkspaceRepository,
} from '../application/ports';
import type { ConversationRepository, TeamRepository } from '../application/team-ports';
import { InMemoryConversationRepository, InMemoryTeamRepository } from './in-memory-team.repository';
import { InMemoryImportJobRepository } from './in-memory-import-job.repository';
import { InMemoryOutboxRepository } from './in-memory-outbox.repository';
import { InMemoryRecordRepository } from './in-memory-record.repository';
import { InMemoryStore } from './in-memory-store';
import { InMemoryWorkspaceRepository } from './in-memory-workspace.repository';

export type InMemoryStorage = {
  readonly records: RecordRepository;
  readonly workspaces: WorkspaceRepository;
  readonly outbox: OutboxRepository;
  readonly importJobs: ImportJobRepository;
  readonly teams: TeamRepository;
  readonly conversations: ConversationRepository;
  /** The raw state, for tests that need to look behind the ports. */
  readonly store: InMemoryStore;
};

/** The three repositories over one fresh store, as `connectTableStorage` gives them over one account. */
export function createInMemoryStorage(): InMemoryStorage {
  const store = new InMemoryStore();
  return {
    records: new InMemoryRecordRepository(store),
    workspaces: new InMemoryWorkspaceRepository(store),
    outbox: new InMemoryOutboxRepository(store),
    importJobs: new InMemoryImportJobRepository(store),
    teams: new InMemoryTeamRepository(),
    conversations: new InMemoryConversationRepository(),
    store,
  };
}
