import {
  SORT_CAP,
  type Actor,
  type RecordKind,
  type RecordOf,
  type Stage,
  type Topic,
  type WorkspaceId,
} from '@crm/shared';
import {
  createWorkspace,
  recordOutcome,
  startDelivery,
  type AppDeps,
  type Clock,
  type IdGenerator,
  type SortedListQuery,
} from '@crm/shared/application';
import {
  aLeadConvertedEvent,
  createInMemoryStorage,
  fixedClock,
  type FixedClock,
  InMemoryRecordRepository,
  TEST_TENANT,
} from '@crm/shared/testing';
import { bytesOf } from '../imports/import-file';
import { createApiClient, type ApiFetch, type RecordPlural } from '../api/api-client';
import { csvRoutesFetch, isCsvPath } from '../../server/testing/csv-routes-fetch';
import { inProcessFetch } from './in-process-fetch';

/** The workspace every view is rendered in (`renderView` names it) and its owner, who signs in. */
export const WS = 'ws';
export const ERIN: Actor = { tenantId: TEST_TENANT, userId: 'erin', name: 'Erin' };

/** One request a view sent; `path` follows `/api/v1/workspaces/ws` (`''` is the workspace itself). */
export type SentRequest = {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly ifMatch?: string;
};

export type FakeApiOptions = {
  /** The workspace's stages; the server's defaults otherwise. */
  readonly stages?: readonly Stage[];
  /**
   * The CSV routes too (import previews, imports, jobs, exports): the server's Express extension on
   * a loopback port over the same storage (`close` stops it).
   */
  readonly imports?: boolean;
};

/** Sorted lists refuse more matches than `cap`, as the server does above SORT_CAP. */
class CappedSortRecords extends InMemoryRecordRepository {
  cap = SORT_CAP;

  override listSorted<K extends RecordKind>(ws: WorkspaceId, kind: K, query: SortedListQuery<K>) {
    return super.listSorted(ws, kind, { ...query, cap: Math.min(query.cap ?? SORT_CAP, this.cap) });
  }
}

/** A clock that moves a millisecond each time it is read, as a real one would between two changes. */
function tickingClock(): Clock & Pick<FixedClock, 'advance'> {
  const clock = fixedClock();
  return {
    now: () => {
      clock.advance(1);
      return clock.now();
    },
    advance: clock.advance,
  };
}

/** `id-999999`, `id-999998`…: like the server's ids, later ones sort first, so lists read newest first. */
function newestFirstIds(): IdGenerator {
  let n = 1_000_000;
  return { newId: () => `id-${--n}` };
}

function sentRequest(url: string, init: RequestInit): SentRequest {
  const { pathname, searchParams } = new URL(url, 'http://tab.test');
  const workspace = `/api/v1/workspaces/${WS}`;
  const headers = new Map(Object.entries(init.headers ?? {}).map(([name, value]) => [name, String(value)]));
  const ifMatch = headers.get('If-Match');
  return {
    method: init.method ?? 'GET',
    path: pathname.startsWith(workspace)
      ? pathname.slice(workspace.length)
      : pathname.slice('/api/v1'.length),
    query: Object.fromEntries(searchParams),
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body }),
    ...(ifMatch ? { ifMatch } : {}),
  };
}

/**
 * The API for component specs: the real tab client talking to the server's own routes, handlers
 * and use cases in this process (`inProcessFetch`), over shared's in-memory repositories, with a
 * clock that ticks a millisecond per read and leaps when the spec says so (`clock.advance`). Nothing is re-implemented here, so the views meet
 * the server's rules, ETags and problem codes; the API contract (`contracts/api.contract.ts`) runs
 * against this and against the real server alike. It starts with Erin's workspace `ws`.
 */
export async function fakeApi(options: FakeApiOptions = {}) {
  const storage = createInMemoryStorage();
  const records = new CappedSortRecords(storage.store);
  const clock = tickingClock();
  const deps: AppDeps = {
    records,
    workspaces: storage.workspaces,
    outbox: storage.outbox,
    teams: storage.teams,
    conversations: storage.conversations,
    clock,
    ids: newestFirstIds(),
  };
  const created = await createWorkspace({ ...deps, ids: { newId: () => WS } }, ERIN, { name: 'Sales' });
  if (!created.ok) throw new Error(`the fake's workspace: ${created.error.code}`);

  const json = inProcessFetch(deps, ERIN);
  const csv = options.imports
    ? await csvRoutesFetch({ ...deps, importJobs: storage.importJobs }, ERIN)
    : undefined;
  const serve: ApiFetch = async (url, init) => {
    if (!csv || !isCsvPath(new URL(url, 'http://tab.test').pathname)) return json(url, init);
    const body = init.body instanceof Blob ? await bytesOf(init.body) : init.body;
    return csv.fetch(url, { ...init, body: body as BodyInit | null | undefined });
  };
  const sent: SentRequest[] = [];
  let keys = 0;
  const client = (fetch: ApiFetch) =>
    createApiClient({ getToken: async () => 'in-process', fetch, newKey: () => `key-${++keys}` });
  /** What the spec sets up and reads behind the views' backs: not in `sent`. */
  const direct = client(serve);
  if (options.stages) {
    await direct.updateWorkspace(WS, await direct.getWorkspace(WS), { stages: options.stages });
  }

  return {
    /** The client the views get; what it sends is in `sent`. */
    api: client(async (url, init) => {
      sent.push(sentRequest(url, init));
      return serve(url, init);
    }),
    sent,
    clock,
    /** Stops the CSV routes' server and worker (with `imports`). */
    close: async () => csv?.close(),
    /** The bodies the views sent with `method` to `path`, in order. */
    bodiesOf: (method: string, path: string) =>
      sent.filter((s) => s.method === method && s.path === path).map((s) => s.body),
    /** The query of the last GET of `path`: what a list last asked for. */
    lastQuery: (path: string) => sent.filter((s) => s.method === 'GET' && s.path === path).at(-1)?.query,
    add: <T>(plural: RecordPlural, input: object) => direct.create<T>(WS, plural, input),
    read: <T>(plural: RecordPlural, id: string) => direct.get<T>(WS, plural, id),
    /** Every stored record of a kind, read from storage (not through a list's pages). */
    stored: async <K extends RecordKind>(kind: K) => {
      const found: RecordOf[K][] = [];
      for await (const { record } of records.scan(WS, kind)) found.push(record);
      return found;
    },
    /** Into the recycle bin. */
    remove: async (plural: RecordPlural, id: string) =>
      direct.remove(WS, plural, await direct.get(WS, plural, id)),
    /** Another user changes a record: the page's copy is now stale. */
    changeBehindTheScenes: async (plural: RecordPlural, id: string, patch: Record<string, unknown>) =>
      direct.update(WS, plural, await direct.get<{ id: string }>(WS, plural, id), patch),
    /** Another owner saves the settings: the page's copy is now stale. */
    changeWorkspaceBehindTheScenes: async (patch: Record<string, unknown>) =>
      direct.updateWorkspace(WS, await direct.getWorkspace(WS), patch),
    /**
     * The bot installed in a team bound to `ws` subscribed these channels (`name` absent: the team's
     * General channel, whose conversation id is the team's id), as `subscribe` in the channel would.
     */
    subscribeChannels: async (
      team: { readonly teamId: string; readonly name: string },
      channels: readonly {
        readonly name?: string;
        readonly topics: readonly Topic[];
        /** Teams refused posts there (the relay marked it). */
        readonly broken?: { readonly at: string; readonly reason: string };
      }[],
    ) => {
      await deps.teams.saveTeam({
        tenantId: TEST_TENANT,
        teamId: team.teamId,
        name: team.name,
        installedAt: clock.now(),
        installedBy: ERIN.userId,
      });
      for (const channel of channels) {
        const conversationId = channel.name ? `19:${channel.name.toLowerCase()}@thread.tacv2` : team.teamId;
        const saved = await deps.conversations.saveSubscription({
          workspaceId: WS,
          teamId: team.teamId,
          conversationId,
          address: { conversation: { id: conversationId, ...(channel.name ? { name: channel.name } : {}) } },
          topics: channel.topics,
          updatedAt: clock.now(),
          updatedBy: ERIN.userId,
          ...(channel.broken ? { broken: channel.broken } : {}),
        });
        if (!saved.ok) throw new Error(`the fake's channel: ${saved.error.code}`);
      }
    },
    /** Someone changes a channel's topics: the page's ETag for it is now stale. */
    changeChannelBehindTheScenes: async (conversationId: string) => {
      const current = await deps.conversations.getSubscription(WS, conversationId);
      if (!current) throw new Error(`no channel ${conversationId}`);
      const saved = await deps.conversations.saveSubscription(
        { ...current.record, topics: ['won'], updatedAt: clock.now() },
        current.version,
      );
      if (!saved.ok) throw new Error(`the fake's channel: ${saved.error.code}`);
    },
    /**
     * The bot gave up on a conversion's notification: channel `sent` had the post, channel `failing`
     * kept answering 502. Gives the event.
     */
    undeliveredConversion: async () => {
      const event = aLeadConvertedEvent({ workspaceId: WS, occurredAt: clock.now() });
      const committed = await deps.records.commit(WS, { writes: [], events: [event] });
      if (!committed.ok) throw new Error(`the fake's event: ${committed.error.code}`);
      const entry = (await deps.outbox.pending(WS, 1000)).find((e) => e.event.id === event.id);
      if (!entry) throw new Error("the fake's event is not pending");
      const context = { now: clock.now(), random: 0 };
      let delivery = recordOutcome(
        startDelivery([
          { key: 'channel:sent', kind: 'channel' },
          { key: 'channel:failing', kind: 'channel' },
        ]),
        'channel:sent',
        { kind: 'sent' },
        context,
      );
      delivery = recordOutcome(
        delivery,
        'channel:failing',
        { kind: 'retry', reason: 'Bot Framework answered 502' },
        context,
      );
      if (!(await deps.outbox.deadLetter(WS, entry, delivery, clock.now())))
        throw new Error("the fake's event was not dead-lettered");
      return event;
    },
    /** More matching records than this make a sorted list LIST.TOO_MANY_TO_SORT, as SORT_CAP does. */
    setSortCap: (cap: number) => {
      records.cap = cap;
    },
  };
}

export type FakeApi = Awaited<ReturnType<typeof fakeApi>>;
