import type { Localized } from '../messages/translator';
import { adaptiveCard, line, note, title, type AdaptiveCard } from './adaptive-card';

/** Posted once the bot is in the team: which workspace it is, and what to try first. */
export function welcomeCard({ t }: Localized, workspace: string): AdaptiveCard {
  return adaptiveCard([
    title(t('welcome.title', { workspace })),
    line(t('welcome.members')),
    line(t('welcome.try')),
    line(`- ${t('help.leads')}\n- ${t('help.qualify')}\n- ${t('help.move')}\n- ${t('help.subscribe')}`),
    note(t('welcome.notifications')),
  ]);
}
