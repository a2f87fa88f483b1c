import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { RosterEntry } from '@crm/shared';
import { rosterEntry } from './to-team-event';

const PAGE_SIZE = 500;
/** 100 pages of 500: Teams' largest (org-wide) teams hold 10,000 people. */
const MAX_PAGES = 100;

/** Every page of the team's roster (`getPagedTeamMembers`; `getTeamMembers` is deprecated). */
export async function fetchRoster(context: TurnContext, teamId: string): Promise<RosterEntry[]> {
  const roster: RosterEntry[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await TeamsInfo.getPagedTeamMembers(context, teamId, PAGE_SIZE, token);
    roster.push(...result.members.flatMap(rosterEntry));
    token = result.continuationToken || undefined;
    if (!token) break;
  }
  return roster;
}
