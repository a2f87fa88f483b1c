import type { Actor, Result } from '@crm/shared';
import type { AppDeps, Caller, WorkspaceView } from '@crm/shared/application';
import type { Logger } from 'pino';
import { dealsCommand } from '../commands/deals.command';
import { helpText } from '../commands/help.command';
import { leadsCommand } from '../commands/leads.command';
import { parseCommand, type Command } from '../commands/parse-command';
import { pipelineCommand } from '../commands/pipeline.command';
import { errorText } from '../messages/error-text';
import type { Localized, Translator } from '../messages/translator';
import { resolveWorkspace } from '../workspace/resolve-workspace';
import { textReply, type BotReply, type ChatMessage } from './chat-message';

export type ConversationDeps = {
  readonly app: AppDeps;
  readonly translator: Translator;
  readonly logger: Logger;
  /** A single-tenant bot answers only its own tenant's users. */
  readonly tenantId?: string;
};

/**
 * One chat message in, one reply out. Read-only, so a re-sent activity or a repeated command simply
 * answers again. Rules and membership checks stay in the use cases.
 */
export async function handleMessage(deps: ConversationDeps, message: ChatMessage): Promise<BotReply> {
  const localized = deps.translator.forLocale(message.locale);
  const command = parseCommand(message.text);
  if (command.name === 'help') return textReply(helpText(localized, command.unknown));
  const actor = actorOf(message, deps.tenantId);
  if (!actor) return textReply(localized.t('identity.unknown'));
  try {
    const where = await resolveWorkspace(deps.app, actor, message.teamId);
    switch (where.kind) {
      case 'none':
        return textReply(
          localized.t(where.where === 'team' ? 'workspace.noneInTeam' : 'workspace.noneForUser'),
        );
      case 'several':
        return textReply(localized.t('workspace.several', { names: where.names.join(', ') }));
      case 'found':
        break;
      default: {
        const _exhaustive: never = where;
        return _exhaustive;
      }
    }
    const result = await run(deps.app, { actor }, where.workspace, localized, command);
    if (result.ok) return result.value;
    deps.logger.info(
      {
        code: result.error.code,
        detail: result.error.message,
        command: command.name,
        workspace: where.workspace.record.id,
      },
      'command answered with a domain error',
    );
    return textReply(errorText(localized.t, result.error));
  } catch (error) {
    deps.logger.error({ err: error, command: command.name }, 'command failed');
    return textReply(localized.t('error.unexpected'));
  }
}

function run(
  app: AppDeps,
  caller: Caller,
  workspace: WorkspaceView,
  localized: Localized,
  command: Exclude<Command, { name: 'help' }>,
): Promise<Result<BotReply>> {
  switch (command.name) {
    case 'leads':
      return leadsCommand(app, caller, workspace, localized, command.search);
    case 'deals':
      return dealsCommand(app, caller, workspace, localized, command.search);
    case 'pipeline':
      return pipelineCommand(app, caller, workspace, localized);
    default: {
      const _exhaustive: never = command;
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
