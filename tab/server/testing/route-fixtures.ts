import type { RouteSpec } from '../routes/route-spec';
import { ALICE, type TestServer, workspaceWith } from './test-server';

/** One live record of each kind (and its ETag) in a workspace, to aim every route at something real. */
export type Fixture = {
  readonly ws: string;
  readonly ids: Readonly<Record<string, { id: string; etag: string }>>;
};

const CREATES: Record<string, (ids: Record<string, { id: string }>) => object> = {
  campaigns: () => ({ name: 'SECRET-CAMPAIGN', type: 'webinar' }),
  organisations: () => ({ name: 'SECRET-ORG' }),
  contacts: (ids) => ({ organisationId: ids.organisations!.id, lastName: 'SECRET-CONTACT' }),
  opportunities: (ids) => ({ name: 'SECRET-DEAL', organisationId: ids.organisations!.id }),
  leads: () => ({ lastName: 'SECRET-LEAD', company: 'SECRET-COMPANY' }),
  activities: (ids) => ({
    type: 'note',
    subject: 'SECRET-NOTE',
    regarding: { type: 'organisation', id: ids.organisations!.id },
  }),
};

/** Names that must never appear in an answer to someone who may not see the workspace. */
export const SECRETS = [
  'SECRET-WS',
  'SECRET-CAMPAIGN',
  'SECRET-ORG',
  'SECRET-CONTACT',
  'SECRET-DEAL',
  'SECRET-LEAD',
  'SECRET-NOTE',
];

export async function createFixture(server: TestServer): Promise<Fixture> {
  const alice = await server.as(ALICE);
  const ws = await workspaceWith(server, ALICE);
  const wsEtag = (await alice.get(`/api/v1/workspaces/${ws}`)).headers.etag as string;
  await alice.patch(`/api/v1/workspaces/${ws}`, { name: 'SECRET-WS' }, wsEtag);
  const ids: Record<string, { id: string; etag: string }> = {};
  for (const [plural, body] of Object.entries(CREATES)) {
    const created = await alice.post(`/api/v1/workspaces/${ws}/${plural}`, body(ids));
    if (created.status !== 201)
      throw new Error(`${plural}: ${created.status} ${JSON.stringify(created.body)}`);
    ids[plural] = { id: created.body.id, etag: created.headers.etag as string };
  }
  return { ws, ids };
}

/** The collection a route's `:id` belongs to: the path segment before it. */
const collectionOf = (path: string): string => /\/([a-z-]+)\/:id/.exec(path)?.[1] ?? '';

/** The query a route needs to answer 200 at all (so that only access decides). */
const QUERIES: Readonly<Record<string, string>> = {
  '/workspaces/:ws/duplicates': '?email=fixture%40example.com',
};

export function urlFor(route: RouteSpec, fixture: Fixture): string {
  const collection = collectionOf(route.path);
  const id = fixture.ids[collection]?.id ?? '';
  return `/api/v1${route.path
    .replace(':ws', fixture.ws)
    .replace(':id', id)
    .replace(':userId', ALICE.userId)
    .replace(':stage', 'prospecting')
    .replace(':conversationId', encodeURIComponent('19:general@thread.tacv2'))}${QUERIES[route.path] ?? ''}`;
}

export function etagFor(route: RouteSpec, fixture: Fixture): string | undefined {
  return fixture.ids[collectionOf(route.path)]?.etag;
}

/** A body the route would accept from a member, so that only access decides the answer. */
export function validBodyFor(route: RouteSpec, fixture: Fixture): object | undefined {
  if (route.method !== 'post' && route.method !== 'patch') return undefined;
  const path = route.path;
  if (path.endsWith('/convert')) return {};
  if (path.endsWith('/disqualify')) return { reason: 'Not a fit' };
  if (path.endsWith('/restore')) return undefined;
  if (path.endsWith('/complete')) return {};
  if (path.endsWith('/reschedule')) return { dueAt: '2030-01-07T09:00:00.000Z' };
  if (path === '/workspaces') return { name: 'Attacker team' };
  if (path === '/workspaces/:ws') return { name: 'pwned' };
  if (path.endsWith('/members')) return { userId: 'mallory', role: 'owner' };
  if (path.endsWith('/members/:userId')) return { role: 'member' };
  const collection = /\/workspaces\/:ws\/([a-z-]+)/.exec(path)?.[1] ?? '';
  if (route.method === 'patch') {
    if (collection === 'opportunities') return { stage: 'closed-won' };
    return collection === 'activities' ? { notes: 'pwned' } : { description: 'pwned' };
  }
  const create = CREATES[collection];
  return create ? create(fixture.ids) : {};
}
