import type { CommandSpec } from './command';
import { disqualifyCommand, leadCommand, qualifyCommand } from './lead.commands';
import { dealsCommand, leadsCommand } from './list.command';
import { moveCommand } from './move.command';
import { pipelineCommand } from './pipeline.command';
import type { ParsedLine } from './parse-command';
import { subscribeCommand, subscriptionsCommand, unsubscribeCommand } from './subscription.commands';
import { todayCommand } from './today.command';

/**
 * Every command the bot answers, in the order help lists them; each is an exported `CommandSpec` of
 * its own file. `help` itself is answered before a workspace is needed (conversation/handle-message.ts);
 * the manifest's command list is checked against this table (commands/manifest-commands.spec.ts).
 */
export const COMMANDS: readonly CommandSpec[] = [
  todayCommand,
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

/**
 * The command a line names, and the words after it: by a two-word alias first (`my day`, `i dag`),
 * else by its first word.
 */
export function resolveCommand(
  line: ParsedLine,
): { readonly command: CommandSpec; readonly args: string | undefined } | undefined {
  const [second = '', ...rest] = (line.args ?? '').split(' ');
  const phrase = `${line.word} ${second.toLowerCase()}`;
  const byPhrase = second ? COMMANDS.find((c) => c.aliases?.includes(phrase)) : undefined;
  if (byPhrase) return { command: byPhrase, args: rest.join(' ').trim() || undefined };
  const command = findCommand(line.word);
  return command ? { command, args: line.args } : undefined;
}
