import type { Localized } from '../messages/translator';
import { COMMANDS } from './registry';

/** The command list, generated from the registry, after saying what was not understood when that is why. */
export function helpText({ t }: Localized, unknown?: string): string {
  return [
    ...(unknown ? [t('help.unknown', { text: unknown })] : []),
    t('help.intro'),
    '',
    ...COMMANDS.map((command) => `- ${t(command.help)}`),
    `- ${t('help.help')}`,
    '',
    t('help.more'),
  ].join('\n');
}
