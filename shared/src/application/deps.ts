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
  /** Per-process caps on what one person may hold; each has a default in the rule that applies it. */
  readonly limits?: AppLimits;
};

export type AppLimits = {
  /** Workspaces one person may have created (DEFAULT_WORKSPACES_PER_USER). */
  readonly workspacesPerUser?: number;
};

/** Who is asking, and (for creates and conversions) the client's idempotency key. */
export type Caller = { readonly actor: Actor; readonly idempotencyKey?: string };
