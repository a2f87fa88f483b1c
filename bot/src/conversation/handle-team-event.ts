import { installBot, teamMembersJoined, teamMembersLeft, uninstallBot } from '@crm/shared/application';
import { welcomeCard } from '../cards/welcome-card';
import type { TeamEvent } from '../chat/team-event';
import { cardReply, type BotReply } from '../replies/bot-reply';
import type { ConversationDeps } from './handle-message';

/** The bot's own id as the one who changed members when Teams reports people joining. */
const TEAMS = 'teams-roster';

/**
 * Install binds the team and answers with a welcome card; roster changes keep the members in step;
 * removal stops the posting. Each is safe to repeat (Teams re-sends).
 */
export async function handleTeamEvent(
  deps: ConversationDeps,
  event: TeamEvent,
): Promise<BotReply | undefined> {
  if (deps.tenantId && event.tenantId !== deps.tenantId) return undefined;
  switch (event.kind) {
    case 'installed': {
      if (!event.installer) {
        deps.logger.warn({ teamId: event.teamId }, 'install without an installer: team not bound');
        return undefined;
      }
      const installed = await installBot(deps.app, {
        teamId: event.teamId,
        teamName: event.teamName,
        ...(event.aadGroupId ? { aadGroupId: event.aadGroupId } : {}),
        installer: event.installer,
        channel: event.channel,
        roster: event.roster,
      });
      if (!installed.ok) {
        deps.logger.warn({ code: installed.error.code, teamId: event.teamId }, 'install not bound');
        return undefined;
      }
      deps.logger.info(
        {
          teamId: event.teamId,
          workspace: installed.value.workspace.record.id,
          created: installed.value.created,
          roster: event.roster.length,
        },
        'bot installed in a team',
      );
      const localized = deps.translator.forLocale(event.locale);
      const card = welcomeCard(localized, installed.value.workspace.record.name);
      return cardReply(
        card,
        localized.t('welcome.title', { workspace: installed.value.workspace.record.name }),
      );
    }
    case 'members-added':
      await teamMembersJoined(deps.app, event.tenantId, event.teamId, event.members, TEAMS);
      return undefined;
    case 'members-removed':
      await teamMembersLeft(deps.app, event.tenantId, event.teamId, event.userIds);
      return undefined;
    case 'uninstalled':
      await uninstallBot(deps.app, event.tenantId, event.teamId);
      deps.logger.info({ teamId: event.teamId }, 'bot removed from a team: no more posts there');
      return undefined;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
