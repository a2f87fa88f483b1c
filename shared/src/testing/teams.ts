import type { AppDeps } from '../application/deps';
import type { TenantId, UserId } from '../common/types';
import type { Team } from '../workspace/team';
import { TEST_INSTANT } from './builders';

/** A team as the bot records it on install, with these people on its roster (for binding tests). */
export async function recordTeam(
  deps: Pick<AppDeps, 'teams'>,
  tenantId: TenantId,
  teamId: string,
  roster: readonly UserId[],
  overrides: Partial<Team> = {},
): Promise<Team> {
  const team: Team = {
    tenantId,
    teamId,
    name: 'Sales',
    installedAt: TEST_INSTANT,
    installedBy: roster[0] ?? 'installer',
    ...overrides,
  };
  await deps.teams.saveTeam(team);
  await deps.teams.addToRoster(
    tenantId,
    teamId,
    roster.map((userId) => ({ userId })),
  );
  return team;
}
