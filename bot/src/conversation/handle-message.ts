import { isStorageBusy, type Actor, type Result } from '@crm/shared';
import { rememberPersonalChat, type AppDeps } from '@crm/shared/application';
import type { Logger } from 'pino';
import { helpText } from '../commands/help.command';
import { parseLine } from '../commands/parse-command';
import { HELP_WORDS, resolveCommand } from '../commands/registry';
import type { RecordLinks } from '../cards/record-links';
import { errorText } from '../messages/error-text';
import type { Localized, Translator } from '../messages/translator';
import { resolveWorkspace, type WorkspaceResolution } from '../workspace/resolve-workspace';
import { audienceOf, conversationKind, viewersOf } from './audience';
import type { ChatMessage } from '../chat/chat-message';
import { textReply, type BotReply } from '../replies/bot-reply';
import { workspacePickCard } from '../replies/workspace-pick-reply';
import { annotate } from '@crm/shared/telemetry';

export type ConversationDeps = {
  readonly app: AppDeps;
  readonly translator: Translator;
  readonly logger: Logger;
  /** A single-tenant bot answers only its own tenant's users. */
  readonly tenantId?: string;
  /** Where cards' "Open in Pipeline CRM" and unfurled links go (none: no such buttons). */
  readonly links?: RecordLinks;
};

/**
 * One chat message in, one reply out: the command from the registry, run in the workspace of this
 * conversation. Rules and membership checks stay in the use cases; writes are guarded there
 * (versions, idempotency), so a re-sent activity changes nothing twice. `chosen`: the workspace picked
 * from the pick list, in a personal chat (see `workspace.pick`).
 */
export async function handleMessage(
  deps: ConversationDeps,
  message: ChatMessage,
  chosen?: string,
): Promise<BotReply> {
  const localized = deps.translator.forLocale(message.locale);
  const line = parseLine(message.text);
  const named = resolveCommand(line);
  if (!named) {
    const known = (HELP_WORDS as readonly string[]).includes(line.word);
    return textReply(helpText(localized, known ? undefined : line.plain.slice(0, 60)));
  }
  const { command } = named;
  const actor = actorOf(message, deps.tenantId);
  if (!actor) return textReply(localized.t('identity.unknown'));
  const kind = conversationKind(message);
  // A shared or private channel is read by its own people, not the team: it sees nothing.
  if (kind === 'restrictedChannel') return textReply(localized.t('conversation.restrictedChannel'));
  try {
    if (kind === 'personal' && message.conversation) {
      // Remembered so the bot can tell this person when someone else moves their deal, and send their
      // morning digest at 08:00 where they are.
      await rememberPersonalChat(deps.app, actor, message.conversation.address, message.timeZone);
    }
    if (command.personalOnly && (kind !== 'personal' || message.teamId)) {
      return textReply(localized.t('day.personalOnly'));
    }
    const where = await resolveWorkspace(
      deps.app,
      actor,
      message.teamId,
      kind === 'personal' ? chosen : undefined,
    );
    if (where.kind !== 'found') return notFound(localized, where, message);
    const caller = { actor };
    const ws = where.workspace.record.id;
    annotate({ 'crm.workspace.id': ws });
    const audience = audienceOf(deps.app, caller, ws, message);
    if (command.showsRecords && !(await audience()).open) {
      return textReply(localized.t('conversation.notAllMembers'));
    }
    const result = await command.run({
      app: deps.app,
      caller,
      workspace: where.workspace,
      localized,
      message,
      args: named.args,
      viewers: viewersOf(audience),
      links: deps.links,
    });
    return answer(deps, localized, result, { command: command.name, workspace: ws });
  } catch (error) {
    // Answered (after retries) by the handlers' busy wrapper: `busy-storage.ts`.
    if (isStorageBusy(error)) throw error;
    deps.logger.error({ err: error, command: command.name }, 'command failed');
    return textReply(localized.t('error.unexpected'));
  }
}

/** A domain error as its localized text (its detail in the log only). */
export function answer(
  deps: Pick<ConversationDeps, 'logger'>,
  localized: Localized,
  result: Result<BotReply>,
  context: Readonly<Record<string, unknown>>,
): BotReply {
  if (result.ok) return result.value;
  deps.logger.info(
    { code: result.error.code, detail: result.error.message, ...context },
    'command answered with a domain error',
  );
  return textReply(errorText(localized.t, result.error));
}

function notFound(
  localized: Localized,
  where: Exclude<WorkspaceResolution, { kind: 'found' }>,
  message: ChatMessage,
): BotReply {
  switch (where.kind) {
    case 'none':
      return textReply(
        localized.t(where.where === 'team' ? 'workspace.noneInTeam' : 'workspace.noneForUser'),
      );
    case 'several':
      // The pick list names the person's workspaces: a personal chat's only.
      return conversationKind(message) === 'personal'
        ? workspacePickCard(localized, where.workspaces, message.text)
        : textReply(localized.t('workspace.pickInPersonal'));
    default: {
      const _exhaustive: never = where;
      return _exhaustive;
    }
  }
}

/** The Entra user behind the message, or nothing when the channel does not vouch for one. */
export function actorOf(message: ChatMessage, allowedTenant: string | undefined): Actor | undefined {
  if (!message.tenantId || !message.userId) return undefined;
  if (allowedTenant && message.tenantId !== allowedTenant) return undefined;
  return {
    tenantId: message.tenantId,
    userId: message.userId,
    ...(message.userName ? { name: message.userName } : {}),
  };
}
