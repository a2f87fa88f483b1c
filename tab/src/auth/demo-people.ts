/**
 * The demo's tenant and the people the local sign-in offers: the Microsoft 365 Agents Playground's
 * (`.m365agentsplayground.yml` at the repository root), so the tab and the playground are the same
 * people in the same tenant. The tenant id is the playground's as it is, 13 digits in its last group.
 */
export const DEMO_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

export type DemoPerson = {
  /** The Entra object id (`aadObjectId`). */
  readonly userId: string;
  readonly name: string;
  /** Their Teams user id in the playground (`from.id`). */
  readonly teamsUserId: string;
  /** In the demo workspace. */
  readonly role: 'owner' | 'member';
};

/** Alex owns the demo workspace (the playground's current user); Megan and Adele are members. */
export const DEMO_PEOPLE: readonly [DemoPerson, ...DemoPerson[]] = [
  {
    userId: '00000000-0000-0000-0000-0000000000020',
    name: 'Alex Wilber',
    teamsUserId: '29:alex-wilber',
    role: 'owner',
  },
  {
    userId: '00000000-0000-0000-0000-0000000000021',
    name: 'Megan Bowen',
    teamsUserId: '29:megan-bowen',
    role: 'member',
  },
  {
    userId: '00000000-0000-0000-0000-0000000000022',
    name: 'Adele Vance',
    teamsUserId: '29:adele-vance',
    role: 'member',
  },
];
