import type { Translate } from '../messages/translator';
import { COMMANDS } from './registry';

/** Teams shows at most ten commands per list. */
export const MAX_MANIFEST_COMMANDS = 10;

/**
 * The bot's command list for the Teams manifest (`bots[0].commandLists[0].commands`), from the
 * registry: every command with a manifest text, then `help`. The manifest and its language files are
 * checked against this (manifest-commands.spec.ts), so they never promise a command that does not work.
 */
export function manifestCommands(t: Translate): { title: string; description: string }[] {
  const listed = COMMANDS.flatMap((c) => (c.manifest ? [{ title: c.name, description: t(c.manifest) }] : []));
  return [...listed, { title: 'help', description: t('manifest.help') }];
}
