import type { CommandSpec } from './command';
import { disqualifyCommand, leadCommand, qualifyCommand } from './lead.commands';
import { dealsCommand, leadsCommand } from './list.command';
import { moveCommand } from './move.command';
import { pipelineCommand } from './pipeline.command';
import { subscribeCommand, subscriptionsCommand, unsubscribeCommand } from './subscription.commands';

/**
 * Every command the bot answers, in the order help lists them; each is an exported `CommandSpec` of
 * its own file. `help` itself is answered before a workspace is needed (conversation/handle-message.ts);
 * the manifest's command list is checked against this table (commands/manifest-commands.spec.ts).
 */
export const COMMANDS: readonly CommandSpec[] = [
  leadsCommand,
  leadCommand,
  qualifyCommand,
  disqualifyCommand,
  pipelineCommand,
  dealsCommand,
  moveCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
];

export const HELP_WORDS = ['help', '?', ''] as const;

export function findCommand(word: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === word || c.aliases?.includes(word));
}
