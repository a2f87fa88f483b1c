import type { Actor } from '../common/types';
import type { Clock, IdGenerator, OutboxRepository, RecordRepository, WorkspaceRepository } from './ports';
import type { ConversationRepository, TeamRepository } from './team-ports';

/** Everything a use case may touch; built once per process by the composition root. */
export type AppDeps = {
  readonly records: RecordRepository;
  readonly workspaces: WorkspaceRepository;
  readonly outbox: OutboxRepository;
  /** Teams the bot was installed in, and their rosters. */
  readonly teams: TeamRepository;
  /** Channels subscribed to notifications, and personal chats. */
  readonly conversations: ConversationRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
};

/** Who is asking, and (for creates and conversions) the client's idempotency key. */
export type Caller = { readonly actor: Actor; readonly idempotencyKey?: string };
