import type { ConversationAddress, MorningDigestDue, Workspace } from '@crm/shared';
import { getWorkspace, type AppDeps } from '@crm/shared/application';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { Translator } from '../messages/translator';
import { dayCardNow } from '../replies/day-replies';
import { localeOf } from '../teams/address';

/**
 * A member's morning digest: their day as it is when it is posted, in the chat's language, with the
 * day card's buttons. Nothing (no post) when they are no longer a member, when nothing is overdue or
 * due today any more, or when the relay reaches it only on another day there.
 */
export async function morningDigestCard(
  app: AppDeps,
  translator: Translator,
  event: MorningDigestDue,
  workspace: Workspace,
  address: ConversationAddress,
): Promise<{ readonly card: AdaptiveCard; readonly summary: string } | undefined> {
  const actor = { tenantId: workspace.tenantId, userId: event.data.userId };
  const view = await getWorkspace(app, actor, event.workspaceId);
  if (!view.ok) return undefined;
  const localized = translator.forLocale(localeOf(address));
  const ctx = { app, caller: { actor }, workspace: view.value, localized, viewers: async () => undefined };
  const day = await dayCardNow(ctx, event.data.timeZone, { heading: 'digest.title' });
  if (!day.ok || day.value.date !== event.data.date || day.value.overdue + day.value.today === 0) {
    return undefined;
  }
  const summary = localized.t('day.summary', { overdue: day.value.overdue, today: day.value.today });
  return { card: day.value.card, summary };
}
