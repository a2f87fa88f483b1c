import type { Translate } from '../messages/translator';
import type { CommandSpec } from './command';
import { COMMANDS } from './registry';

/** Teams shows at most ten commands per list. */
export const MAX_MANIFEST_COMMANDS = 10;

export type ManifestCommand = { title: string; description: string };
export type ManifestCommandList = { scopes: string[]; commands: ManifestCommand[] };

/** The manifest's command lists, one per kind of conversation (Teams wants a list per scope). */
const LISTS: readonly { readonly scopes: string[]; readonly listed: NonNullable<CommandSpec['listedIn']> }[] =
  [
    { scopes: ['team', 'groupChat'], listed: 'team' },
    { scopes: ['personal'], listed: 'personal' },
  ];

/**
 * The bot's command lists for the Teams manifest (`bots[0].commandLists`), from the registry: in each,
 * every command with a manifest text listed there (`listedIn`, absent: both), then `help`. The
 * manifest and its language files are checked against this (manifest-commands.spec.ts), so they never
 * promise a command that does not work.
 */
export function manifestCommandLists(t: Translate): ManifestCommandList[] {
  return LISTS.map(({ scopes, listed }) => ({
    scopes,
    commands: [
      ...COMMANDS.flatMap((c) =>
        c.manifest && (c.listedIn ?? listed) === listed
          ? [{ title: c.name, description: t(c.manifest) }]
          : [],
      ),
      { title: 'help', description: t('manifest.help') },
    ],
  }));
}
