import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { RosterEntry } from '@crm/shared';
import type { Logger } from 'pino';
import { rosterEntry, type Joiner } from './to-team-event';

const PAGE_SIZE = 500;
/** 100 pages of 500: Teams' largest (org-wide) teams hold 10,000 people. */
const MAX_PAGES = 100;
/** Roster look-ups at once when several people join together. */
const LOOKUPS_AT_ONCE = 8;

/**
 * Every page of the team's roster (`getPagedTeamMembers`; `getTeamMembers` is deprecated), without
 * anyone whose tenant is not the team's: nothing crosses tenants.
 */
export async function fetchRoster(
  context: TurnContext,
  teamId: string,
  tenantId: string,
  logger: Logger,
): Promise<RosterEntry[]> {
  const roster: RosterEntry[] = [];
  let foreign = 0;
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await TeamsInfo.getPagedTeamMembers(context, teamId, PAGE_SIZE, token);
    const ours = result.members.filter((m) => inTenant(m, tenantId));
    foreign += result.members.length - ours.length;
    roster.push(...ours.flatMap(rosterEntry));
    token = result.continuationToken || undefined;
    if (!token) break;
  }
  if (foreign > 0) logger.warn({ teamId, foreign }, 'roster entries of another tenant left out');
  return roster;
}

/**
 * The joiners the team's roster confirms (`getTeamMember`): on it, with the same Entra id, in the
 * team's tenant; as the roster names them. Anyone else — not found (404), another tenant, or no answer
 * — is left out (and logged): a channel's guest never becomes a member because an event said so.
 */
export async function confirmJoiners(
  context: TurnContext,
  teamId: string,
  tenantId: string,
  joiners: readonly Joiner[],
  logger: Logger,
): Promise<RosterEntry[]> {
  const confirm = async (joiner: Joiner): Promise<RosterEntry[]> => {
    let member: TeamsChannelAccount;
    try {
      member = await TeamsInfo.getTeamMember(context, teamId, joiner.id ?? joiner.aadObjectId);
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      logger.warn({ teamId, userId: joiner.aadObjectId, status }, 'joiner not on the team roster: not added');
      return [];
    }
    if (member.aadObjectId !== joiner.aadObjectId || !inTenant(member, tenantId)) {
      logger.warn({ teamId, userId: joiner.aadObjectId }, 'joiner of another tenant: not added');
      return [];
    }
    return rosterEntry(member);
  };
  const confirmed: RosterEntry[] = [];
  for (let i = 0; i < joiners.length; i += LOOKUPS_AT_ONCE) {
    const batch = await Promise.all(joiners.slice(i, i + LOOKUPS_AT_ONCE).map(confirm));
    confirmed.push(...batch.flat());
  }
  return confirmed;
}

/** Teams names each roster entry's tenant; an entry without one is not taken as the team's. */
const inTenant = (member: TeamsChannelAccount, tenantId: string): boolean =>
  typeof member.tenantId === 'string' && member.tenantId.toLowerCase() === tenantId.toLowerCase();
