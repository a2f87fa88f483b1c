import type { Localized } from '../messages/translator';

/** The command list, after saying what was not understood when that is why it is shown. */
export function helpText({ t }: Localized, unknown?: string): string {
  return [
    ...(unknown ? [t('help.unknown', { text: unknown })] : []),
    t('help.intro'),
    '',
    `- ${t('help.leads')}`,
    `- ${t('help.deals')}`,
    `- ${t('help.pipeline')}`,
    `- ${t('help.help')}`,
    '',
    t('help.more'),
  ].join('\n');
}
