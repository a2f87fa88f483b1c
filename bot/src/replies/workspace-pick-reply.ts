import { adaptiveCard, execute, title } from '../cards/adaptive-card';
import type { Localized } from '../messages/translator';
import { cardReply, type BotReply } from './bot-reply';

/** In a personal chat with several workspaces: which one the command is about (it then runs there). */
export function workspacePickCard(
  localized: Localized,
  workspaces: readonly { readonly id: string; readonly name: string }[],
  text: string,
): BotReply {
  const heading = localized.t('workspace.pick');
  const card = adaptiveCard([title(heading)], {
    actions: workspaces.slice(0, 6).map((w) => execute(w.name, 'workspace.pick', { ws: w.id, text })),
  });
  return cardReply(card, heading);
}
