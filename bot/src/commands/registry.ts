import { dealsCommand } from './deals.command';
import { leadsCommand } from './leads.command';
import { pipelineCommand } from './pipeline.command';
import type { CommandSpec } from './command';
import { disqualifyCommand, leadCommand, qualifyCommand } from './lead.commands';
import { moveCommand } from './move.command';
import { subscribeCommand, subscriptionsCommand, unsubscribeCommand } from './subscription.commands';

/**
 * Every command the bot answers, in the order help lists them. `help` itself is answered before a
 * workspace is needed (conversation/handle-message.ts); the manifest's command list is checked
 * against this table (appPackage/scripts/bot-commands.spec.ts).
 */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'leads',
    showsRecords: true,
    help: 'help.leads',
    manifest: 'manifest.leads',
    run: (ctx) => leadsCommand(ctx.app, ctx.caller, ctx.workspace, ctx.localized, ctx.args),
  },
  leadCommand,
  qualifyCommand,
  disqualifyCommand,
  {
    name: 'pipeline',
    showsRecords: true,
    help: 'help.pipeline',
    manifest: 'manifest.pipeline',
    run: (ctx) => pipelineCommand(ctx.app, ctx.caller, ctx.workspace, ctx.localized),
  },
  {
    name: 'deals',
    showsRecords: true,
    help: 'help.deals',
    manifest: 'manifest.deals',
    run: (ctx) => dealsCommand(ctx.app, ctx.caller, ctx.workspace, ctx.localized, ctx.args),
  },
  moveCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
];

export const HELP_WORDS = ['help', '?', ''] as const;

export function findCommand(word: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === word || c.aliases?.includes(word));
}
