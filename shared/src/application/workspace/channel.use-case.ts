import { isTimeZone } from '../../activity/day-bounds';
import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { Actor, TenantId, UserId, WorkspaceId } from '../../common/types';
import type { DomainEvent } from '../../events/domain-event';
import { hearsOf, topicsNamed } from '../../workspace/notification-topics';
import type {
  BrokenSubscription,
  ChannelSubscription,
  Conversation,
  ConversationAddress,
  SubscribedChannel,
  Topic,
} from '../../workspace/team';
import type { Workspace } from '../../workspace/workspace';
import { accessWorkspace } from '../access';
import type { AppDeps } from '../deps';
import type { NotificationTarget } from '../notification-ports';
import type { Version, Versioned } from '../../records/versions';

const SAVE_RETRIES = 3;

/** A channel and the team Teams says it belongs to (`channelData.team.id`), as the bot saw it. */
export type ChannelRef = Conversation & { readonly teamId: string };

/**
 * `subscribe [all|conversions|stages|won]` adds topics to the channel's subscription;
 * `unsubscribe [topic]` takes them off (without a topic: the channel hears nothing more). A channel
 * subscribes only to the workspace bound to its own team (CHANNEL.OTHER_TEAM otherwise): a member of
 * another workspace cannot route that workspace's news into this team.
 */
export function changeChannelTopics(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
  channel: ChannelRef,
  change: 'subscribe' | 'unsubscribe',
  topicWord: string | undefined,
): Promise<Result<readonly Topic[]>> {
  const named = topicsNamed(topicWord);
  if (!named) return Promise.resolve(err(unknownTopic(topicWord)));
  return changeTopics(deps, actor, ws, channel, (topics) =>
    change === 'subscribe' ? [...new Set([...topics, ...named])] : topics.filter((t) => !named.includes(t)),
  );
}

/** `subscriptions`: what this channel hears about (empty: nothing). */
export async function channelTopics(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
  conversationId: string,
): Promise<Result<readonly Topic[]>> {
  const access = await accessWorkspace(deps, actor, ws, 'read');
  if (!access.ok) return access;
  const found = await deps.conversations.getSubscription(ws, conversationId);
  // A channel Teams refuses posts in hears nothing until it subscribes again.
  return ok(found && !found.record.broken ? found.record.topics : []);
}

/** What `subscriptions` shows: this channel's subscription, and for owners every channel's. */
export type ChannelSubscriptions = {
  /** The channel asked in (absent when asked elsewhere): its topics, and since when Teams refuses it. */
  readonly here?: { readonly topics: readonly Topic[]; readonly broken?: BrokenSubscription };
  /** Every channel subscribed to the workspace, broken ones among them: owners only (absent for others). */
  readonly channels?: readonly SubscribedChannel[];
};

/**
 * `subscriptions`: what the channel asked in hears about (a broken subscription hears nothing and says
 * since when), and for an owner, every channel of the workspace with its topics and whether Teams
 * refuses posts there, so a broken channel is seen where it cannot be asked (the bot was removed).
 */
export async function channelSubscriptions(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
  conversationId: string | undefined,
): Promise<Result<ChannelSubscriptions>> {
  const access = await accessWorkspace(deps, actor, ws, 'read');
  if (!access.ok) return access;
  const found = conversationId ? await deps.conversations.getSubscription(ws, conversationId) : undefined;
  const here =
    conversationId === undefined
      ? undefined
      : found?.record.broken
        ? { topics: [], broken: found.record.broken }
        : { topics: found?.record.topics ?? [] };
  const all =
    access.value.member.role === 'owner' ? await listSubscribedChannels(deps, actor, ws) : undefined;
  return ok({
    ...(here ? { here } : {}),
    ...(all?.ok ? { channels: all.value.map((c) => c.record) } : {}),
  });
}

/** Every channel subscribed to the workspace, with its version (owners only). */
export async function listSubscribedChannels(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
): Promise<Result<Versioned<SubscribedChannel>[]>> {
  const access = await accessWorkspace(deps, actor, ws, 'manage');
  if (!access.ok) return access;
  const tenantId = access.value.workspace.record.tenantId;
  const found = await deps.conversations.listSubscriptionVersions(ws);
  const teamIds = [...new Set(found.flatMap((f) => (f.record.teamId ? [f.record.teamId] : [])))];
  const teams = await Promise.all(teamIds.map((teamId) => deps.teams.getTeam(tenantId, teamId)));
  const teamName = new Map(teams.flatMap((team) => (team ? [[team.teamId, team.name] as const] : [])));
  return ok(
    found.map(({ record, version }) => {
      const name = (record.address.conversation as { name?: unknown } | undefined)?.name;
      const team = record.teamId === undefined ? undefined : teamName.get(record.teamId);
      return {
        record: {
          conversationId: record.conversationId,
          ...(record.teamId !== undefined ? { teamId: record.teamId } : {}),
          ...(team ? { teamName: team } : {}),
          ...(typeof name === 'string' && name.trim() ? { channelName: name.trim() } : {}),
          general: record.conversationId === record.teamId,
          topics: record.topics,
          updatedAt: record.updatedAt,
          updatedBy: record.updatedBy,
          ...(record.broken ? { broken: record.broken } : {}),
        },
        version,
      };
    }),
  );
}

/**
 * An owner takes a channel off the workspace's news, guarded by the version they saw (If-Match):
 * CONCURRENCY.VERSION_REQUIRED without one, CONCURRENCY.STALE when someone changed or removed it
 * meanwhile, CHANNEL.NOT_FOUND when it is not subscribed.
 */
export async function removeSubscribedChannel(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
  conversationId: string,
  expected: Version | undefined,
): Promise<Result<void>> {
  const access = await accessWorkspace(deps, actor, ws, 'manage');
  if (!access.ok) return access;
  const current = await deps.conversations.getSubscription(ws, conversationId);
  if (!current) return err(domainError('CHANNEL.NOT_FOUND', 'This channel does not hear this workspace.'));
  if (expected === undefined) {
    return err(
      domainError('CONCURRENCY.VERSION_REQUIRED', 'Send the version you read (If-Match) to change it.'),
    );
  }
  // A version that is not the one read is stale before storage sees it (a made-up ETag is no ETag).
  if (current.version !== expected) {
    return err(domainError('CONCURRENCY.STALE', 'Someone changed this channel meanwhile; read it again.'));
  }
  return deps.conversations.removeSubscription(ws, conversationId, expected);
}

/**
 * A personal chat with the bot, so it can tell this person about their deals later, and the time zone
 * Teams named with their message (their morning digest comes at 08:00 there). An unknown zone is not
 * kept.
 */
export function rememberPersonalChat(
  deps: AppDeps,
  actor: Actor,
  address: ConversationAddress,
  timeZone?: string,
): Promise<void> {
  const known = timeZone !== undefined && isTimeZone(timeZone) ? timeZone : undefined;
  return deps.conversations.savePersonalChat(actor.tenantId, actor.userId, address, known);
}

/**
 * Where a person's days begin: the time zone their client names now (when the platform knows it),
 * else the one Teams named with their last personal message, else the workspace's digest zone, else UTC.
 */
export async function personalTimeZone(
  deps: AppDeps,
  actor: Actor,
  workspace: Workspace,
  told?: string,
): Promise<string> {
  if (told !== undefined && isTimeZone(told)) return told;
  const known = await deps.conversations.getPersonalTimeZone(actor.tenantId, actor.userId);
  return known ?? workspace.settings.morningDigest?.timeZone ?? 'UTC';
}

async function changeTopics(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
  channel: ChannelRef,
  next: (topics: readonly Topic[]) => Topic[],
): Promise<Result<readonly Topic[]>> {
  const access = await accessWorkspace(deps, actor, ws, 'write');
  if (!access.ok) return access;
  if (access.value.workspace.record.teamId !== channel.teamId) {
    return err(
      domainError('CHANNEL.OTHER_TEAM', 'A channel subscribes only to the workspace bound to its own team.'),
    );
  }
  for (let attempt = 0; ; attempt++) {
    const current = await deps.conversations.getSubscription(ws, channel.conversationId);
    // A broken subscription (Teams refused posts) starts afresh: its old topics are not revived.
    const topics = next(current && !current.record.broken ? current.record.topics : []);
    const subscription: ChannelSubscription = {
      conversationId: channel.conversationId,
      address: channel.address,
      workspaceId: ws,
      teamId: channel.teamId,
      topics,
      updatedAt: deps.clock.now(),
      updatedBy: actor.userId,
    };
    const saved = await deps.conversations.saveSubscription(subscription, current?.version);
    if (saved.ok) return ok(topics);
    // Two people changed the channel's topics at once: apply ours to theirs.
    if (saved.error.code !== 'CONCURRENCY.STALE' || attempt >= SAVE_RETRIES) return saved;
  }
}

const unknownTopic = (word: string | undefined) =>
  domainError(
    'CHANNEL.UNKNOWN_TOPIC',
    `Unknown topic ${JSON.stringify(word)}: all, conversions, stages or won.`,
  );

const CHANNEL = 'channel:';
const PERSONAL = 'personal:';

/** The target key of a channel or a person; stable across restarts (the relay keys delivery state on it). */
export const channelTarget = (conversationId: string): NotificationTarget => ({
  key: `${CHANNEL}${conversationId}`,
  kind: 'channel',
});
export const personalTarget = (userId: UserId): NotificationTarget => ({
  key: `${PERSONAL}${userId}`,
  kind: 'personal',
});

/**
 * Who hears of an event: every channel of the workspace subscribed to its topic, and in a personal
 * chat the deal's owner when someone else moved the deal, or the new owner when someone else gave
 * them the deal (a chat the bot has, or one it can start because they are on the bound team's roster).
 */
export async function notificationTargets(deps: AppDeps, event: DomainEvent): Promise<NotificationTarget[]> {
  const channels = await deps.conversations.listSubscriptions(event.workspaceId);
  const targets = channels
    .filter((c) => c.broken === undefined && hearsOf(event, c.topics))
    .map((c) => channelTarget(c.conversationId));
  const person = await personToTell(deps, event);
  if (person) targets.push(personalTarget(person));
  return targets;
}

/** The member who hears of the event in their personal chat, when they are still one and reachable. */
async function personToTell(deps: AppDeps, event: DomainEvent): Promise<UserId | undefined> {
  const person = await personOf(deps, event);
  if (!person) return undefined;
  if (!(await deps.workspaces.getMember(event.workspaceId, person))) return undefined;
  const workspace = await deps.workspaces.get(event.workspaceId);
  const reach = workspace ? await reachPerson(deps, workspace.record, person) : undefined;
  return reach ? person : undefined;
}

/** The deal's owner when someone else moved it or gave it to them; the person whose digest it is. */
async function personOf(deps: AppDeps, event: DomainEvent): Promise<UserId | undefined> {
  if (event.type === 'activity.morning-digest') return event.data.userId;
  let owner: UserId | undefined;
  if (event.type === 'opportunity.owner-changed') owner = event.data.to;
  else if (event.type === 'opportunity.stage-changed') {
    const deal = await deps.records.get(event.workspaceId, 'opportunity', event.data.opportunityId);
    owner = deal?.record.ownerId;
  }
  return owner === event.actorId ? undefined : owner;
}

/**
 * How a post reaches a target now: a conversation the bot has (a subscribed channel, a known personal
 * chat), or a personal chat to start first. Undefined when the channel unsubscribed or the person
 * cannot be reached.
 */
export type TargetReach =
  | { readonly kind: 'address'; readonly address: ConversationAddress }
  | { readonly kind: 'start'; readonly person: PersonToReach };

/** Someone the bot never chatted with, and the team channel whose service can open a chat with them. */
export type PersonToReach = {
  readonly tenantId: TenantId;
  readonly userId: UserId;
  readonly teamsUserId?: string;
  /** The address of the bound team's channel (its service and bot start the chat). */
  readonly via: ConversationAddress;
};

export async function targetReach(
  deps: AppDeps,
  event: DomainEvent,
  target: NotificationTarget,
): Promise<TargetReach | undefined> {
  if (target.key.startsWith(CHANNEL)) {
    const found = await deps.conversations.getSubscription(
      event.workspaceId,
      target.key.slice(CHANNEL.length),
    );
    return found && found.record.broken === undefined
      ? { kind: 'address', address: found.record.address }
      : undefined;
  }
  if (target.key.startsWith(PERSONAL)) {
    const workspace = await deps.workspaces.get(event.workspaceId);
    if (!workspace) return undefined;
    return reachPerson(deps, workspace.record, target.key.slice(PERSONAL.length));
  }
  return undefined;
}

/** A person's chat with the bot, or what it takes to start one (they are on the bound team's roster). */
async function reachPerson(
  deps: AppDeps,
  workspace: Workspace,
  userId: UserId,
): Promise<TargetReach | undefined> {
  const chat = await deps.conversations.getPersonalChat(workspace.tenantId, userId);
  if (chat) return { kind: 'address', address: chat };
  if (workspace.teamId === undefined) return undefined;
  const team = await deps.teams.getTeam(workspace.tenantId, workspace.teamId);
  if (!team?.channel || team.removedAt !== undefined) return undefined;
  const entry = await deps.teams.rosterEntry(workspace.tenantId, workspace.teamId, userId);
  if (!entry) return undefined;
  return {
    kind: 'start',
    person: {
      tenantId: workspace.tenantId,
      userId,
      ...(entry.teamsUserId !== undefined ? { teamsUserId: entry.teamsUserId } : {}),
      via: team.channel.address,
    },
  };
}

/** The chat the bot started with someone: kept, so later notices go straight there. */
export function rememberStartedChat(
  deps: AppDeps,
  person: PersonToReach,
  address: ConversationAddress,
): Promise<void> {
  return deps.conversations.savePersonalChat(person.tenantId, person.userId, address);
}

/**
 * Teams answered 403/404 for a channel (the bot was removed, the channel deleted or closed to it):
 * its subscription is marked broken, so nothing more is posted or retried there, and owners see it in
 * Settings; `subscribe` in the channel (the bot is back) mends it, an owner can remove it.
 */
export async function dropTarget(
  deps: AppDeps,
  event: DomainEvent,
  target: NotificationTarget,
  reason = 'Teams refused the post',
): Promise<void> {
  if (!target.key.startsWith(CHANNEL)) return;
  const conversationId = target.key.slice(CHANNEL.length);
  for (let attempt = 0; attempt <= SAVE_RETRIES; attempt++) {
    const current = await deps.conversations.getSubscription(event.workspaceId, conversationId);
    if (!current || current.record.broken) return;
    const broken = { at: deps.clock.now(), reason: reason.slice(0, 500) };
    const saved = await deps.conversations.saveSubscription({ ...current.record, broken }, current.version);
    if (saved.ok || saved.error.code !== 'CONCURRENCY.STALE') return;
  }
}
