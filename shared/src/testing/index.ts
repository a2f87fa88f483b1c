/** `@crm/shared/testing`: in-memory repositories with the Table semantics, builders, clock and ids. */
export { InMemoryStore } from './in-memory-store';
export { InMemoryRecordRepository } from './in-memory-record.repository';
export { InMemoryWorkspaceRepository } from './in-memory-workspace.repository';
export { InMemoryOutboxRepository } from './in-memory-outbox.repository';
export { InMemoryImportJobRepository } from './in-memory-import-job.repository';
export { InMemoryConversationRepository, InMemoryTeamRepository } from './in-memory-team.repository';
export { createInMemoryStorage, type InMemoryStorage } from './in-memory-storage';
export { fixedClock, type FixedClock } from './clock';
export { sequentialIds } from './ids';
export {
  aCampaign,
  aContact,
  aLead,
  aLeadConvertedEvent,
  aMember,
  anActivity,
  anOpportunity,
  anOrganisation,
  aStageChange,
  aWorkspace,
  TEST_INSTANT,
  TEST_TENANT,
  TEST_USER,
  TEST_WORKSPACE,
} from './builders';
export { recordTeam } from './teams';
export { InMemoryPendingOutboxIndex, InMemoryRelayLeases } from './in-memory-relay';
export { ScriptedChannel, type ScriptedSend, type SendScript } from './scripted-channel';
export { csvRows, fixturePath, fixtureRows, rowsOf } from './csv-fixtures';
