import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/auth/demo-people';
import { PLAYGROUND_BOT, PLAYGROUND_TEAM, playgroundTeamInstall } from './playground-team';

type PlaygroundUser = { id: string; name: string; aadObjectId: string };
type PlaygroundConfig = {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  team: { id: string; name: string; aadGroupId: string };
};

const config = parse(
  readFileSync(resolve(__dirname, '../../../.m365agentsplayground.yml'), 'utf8'),
) as PlaygroundConfig;
const asRosterEntry = (u: PlaygroundUser) => ({ userId: u.aadObjectId, name: u.name, teamsUserId: u.id });

describe('the demo team is the Agents Playground’s (.m365agentsplayground.yml)', () => {
  it("given PRODUCT.md's ids, then the config file, the seed and the sign-in all use them", () => {
    expect(config.tenantId).toBe('00000000-0000-0000-0000-0000000000001');
    expect(DEMO_TENANT_ID).toBe(config.tenantId);
    expect(config.team).toMatchObject({ id: 'team-id', name: 'My Team' });
    expect(PLAYGROUND_TEAM).toEqual({
      teamId: config.team.id,
      name: config.team.name,
      aadGroupId: config.team.aadGroupId,
    });
    expect(PLAYGROUND_BOT).toEqual(config.bot);
    const [alex, megan, adele] = [config.currentUser, ...config.users];
    expect([alex, megan, adele].map((u) => [u!.name, u!.aadObjectId])).toEqual([
      ['Alex Wilber', '00000000-0000-0000-0000-0000000000020'],
      ['Megan Bowen', '00000000-0000-0000-0000-0000000000021'],
      ['Adele Vance', '00000000-0000-0000-0000-0000000000022'],
    ]);
    // The sign-in offers those three, each with the Teams id the playground sends as `from.id`.
    expect(DEMO_PEOPLE.map(({ userId, name, teamsUserId }) => ({ userId, name, teamsUserId }))).toEqual(
      [alex, megan, adele].map((u) => asRosterEntry(u!)),
    );
    expect(DEMO_PEOPLE.map((p) => p.role)).toEqual(['owner', 'member', 'member']);
  });

  it("when the seed records the install, then its roster is the playground's team: the current user and every user", () => {
    const install = playgroundTeamInstall('http://127.0.0.1:1/_connector');
    const team = [config.currentUser, ...config.users].map(asRosterEntry);
    expect([...install.roster].sort(byUser)).toEqual(team.sort(byUser));
    expect(install.installer).toMatchObject({
      tenantId: config.tenantId,
      userId: config.currentUser.aadObjectId,
    });
    // The reference the bot posts with: the team's General channel (its id is the team id), as the bot.
    expect(install.channel).toEqual({
      conversationId: config.team.id,
      address: expect.objectContaining({
        bot: config.bot,
        conversation: expect.objectContaining({ id: config.team.id, tenantId: config.tenantId }),
        serviceUrl: 'http://127.0.0.1:1/_connector',
      }),
    });
  });
});

const byUser = (a: { userId: string }, b: { userId: string }) => a.userId.localeCompare(b.userId);
