import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isConvertedLead, type Topic } from '@crm/shared';
import type { ImportDeps } from '@crm/shared/application';
import { freePort } from '@crm/shared/storage';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/testing/connector-stand-in';
import { connectTestStorage } from '../../tab/server/testing/test-server';
import { startProcess, waitForHealth } from '../jest/process-under-test';
import { startStorageFaults, type StorageFaults } from './fault-proxy';
import { inParallel, untilAnswered } from './resilience-report';

/**
 * The tab server and the bot as `npm start` runs them (real processes over real storage), for the
 * resilience checks that kill them or put faults between them and storage.
 */
const root = join(__dirname, '..', '..');
const TAB_ENTRY = join(root, 'tab', 'server', 'index.ts');
const BOT_ENTRY = join(root, 'bot', 'src', 'index.ts');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type RunningProcess = ReturnType<typeof startProcess>;

/** Stops a process gracefully, or makes sure a killed one is gone. */
export async function stopProcess(running: RunningProcess): Promise<void> {
  running.child.kill('SIGTERM');
  await running.exited;
}

/** What a tab server process answered: the status, the ETag, the body read as JSON. */
export type Answer = {
  readonly status: number;
  readonly etag: string;
  readonly body: Record<string, unknown>;
};

export type TabProcess = {
  readonly url: string;
  readonly env: NodeJS.ProcessEnv;
  running: RunningProcess;
  /** Signs in (again: dev sign-in keys live as long as the process) as the tenant's one user. */
  signIn(): Promise<void>;
  /** An API call under `/api/v1` as the signed-in user; a dropped connection throws. */
  call(path: string, init?: RequestInit): Promise<Answer>;
  /** Starts the process again with the same environment (after a kill). */
  restart(): Promise<void>;
};

/** The tab server process on a free port, dev sign-in, with a data directory of its own; `extraEnv` adds settings. */
export async function startTabProcess(
  connectionString: string,
  tablePrefix: string,
  tenantId: string,
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<TabProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    STORAGE_CONNECTION_STRING: connectionString,
    TABLE_PREFIX: tablePrefix,
    TAB_PORT: String(port),
    AUTH_MODE: 'dev',
    DATA_DIR: await mkdtemp(join(tmpdir(), 'crm-resilience-')),
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
    ...extraEnv,
  };
  const auth = { Authorization: '' };
  const tab: TabProcess = {
    url,
    env,
    running: startProcess(TAB_ENTRY, env),
    async signIn() {
      const issued = await fetch(`${url}/api/dev/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ tenantId, userId: 'resilience', name: 'Resilience' }),
      });
      auth.Authorization = `Bearer ${((await issued.json()) as { token: string }).token}`;
    },
    async call(path, init = {}) {
      const res = await fetch(`${url}/api/v1${path}`, {
        ...init,
        headers: { ...auth, 'Content-Type': 'application/json', ...(init.headers as object) },
      });
      const text = await res.text();
      return {
        status: res.status,
        etag: res.headers.get('etag') ?? '',
        body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}) as Record<
          string,
          unknown
        >,
      };
    },
    async restart() {
      tab.running = startProcess(TAB_ENTRY, env);
      await waitForHealth(url, tab.running.exited);
      await tab.signIn();
    },
  };
  await waitForHealth(url, tab.running.exited);
  await tab.signIn();
  return tab;
}

/** A workspace made through the API by the signed-in user (its owner). */
export async function createWorkspace(tab: TabProcess, name: string): Promise<string> {
  const made = await tab.call('/workspaces', { method: 'POST', body: JSON.stringify({ name }) });
  if (made.status !== 201) throw new Error(`creating a workspace answered ${made.status}`);
  return made.body.id as string;
}

/** The bot process (its composition root, with the outbox relay) on a free port. */
export async function startBotProcess(
  connectionString: string,
  tablePrefix: string,
): Promise<{ url: string; running: RunningProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const running = startProcess(BOT_ENTRY, {
    STORAGE_CONNECTION_STRING: connectionString,
    TABLE_PREFIX: tablePrefix,
    BOT_PORT: String(port),
  });
  await waitForHealth(url, running.exited);
  return { url, running };
}

export const uniquePrefix = (tag: string) => `${tag}${randomBytes(5).toString('hex')}`;

const TOPICS: readonly Topic[] = ['conversions', 'stages'];

/** The team channels subscribed in the relay checks. */
export const CHANNELS = ['19:deals@thread.tacv2', '19:sales@thread.tacv2'] as const;

/**
 * Channels of the workspace's team subscribed to conversions and stage changes, reached at the
 * Bot Connector stand-in (what `subscribe` in a channel saves; the bot without BOT_ID posts only to
 * a loopback `serviceUrl`, which the stand-in is).
 */
export async function subscribeChannels(
  storage: ImportDeps,
  ws: string,
  connector: ConnectorStandIn,
  channels: readonly string[],
): Promise<void> {
  for (const conversationId of channels) {
    const saved = await storage.conversations.saveSubscription({
      conversationId,
      address: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        locale: 'en-US',
        conversation: { id: conversationId, conversationType: 'channel', isGroup: true },
        bot: { id: '28:pipeline-crm-bot', name: 'Pipeline CRM' },
      },
      workspaceId: ws,
      topics: TOPICS,
      updatedAt: new Date().toISOString(),
      updatedBy: 'resilience',
    });
    if (!saved.ok) throw new Error(saved.error.code);
  }
}

/** Lead `i`'s and its deal's names: fixed-width tokens, so that no name is part of another. */
export const leadToken = (i: number) => `Lead-${String(i).padStart(4, '0')}`;
export const dealToken = (i: number) => `Deal-${String(i).padStart(4, '0')}`;

/** Creates `count` leads through the API (asking again while storage fails); their ids. */
export async function createLeads(tab: TabProcess, ws: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await untilAnswered(() =>
      tab.call(`/workspaces/${ws}/leads`, {
        method: 'POST',
        headers: { 'Idempotency-Key': `lead-${i}` },
        body: JSON.stringify({
          firstName: 'Ola',
          lastName: leadToken(i),
          company: `Fjord ${i} AS`,
          email: `ola${i}@fjord.example`,
        }),
      }),
    );
    if (res?.status !== 201) throw new Error(`creating lead ${i} answered ${res?.status}`);
    ids.push(res.body.id as string);
  }
  return ids;
}

/** The acknowledged changes of a run (answered 200), which must all reach Teams. */
export type Acknowledged = { conversions: number; stageChanges: number; refused: number };

/**
 * Converts lead `i` into deal `dealToken(i)` and moves the deal through `stages`, as a client that
 * did not hear back does: the conversion again with its Idempotency-Key, a move again after
 * reading the deal's current version.
 */
async function convertAndMove(
  tab: TabProcess,
  ws: string,
  leads: readonly string[],
  i: number,
  stages: readonly string[],
  acked: Acknowledged,
): Promise<void> {
  const converted = await untilAnswered(() =>
    tab.call(`/workspaces/${ws}/leads/${leads[i]}/convert`, {
      method: 'POST',
      headers: { 'Idempotency-Key': `convert-${leads[i]}` },
      body: JSON.stringify({ opportunity: { name: dealToken(i), amount: 1000 + i, currency: 'EUR' } }),
    }),
  );
  if (converted?.status !== 200) return void (acked.refused += 1);
  acked.conversions += 1;
  const deal = converted.body.opportunity as { id: string; etag: string };
  let version = deal.etag;
  for (const stage of stages) {
    const moved = await tab
      .call(`/workspaces/${ws}/opportunities/${deal.id}`, {
        method: 'PATCH',
        headers: { 'If-Match': version },
        body: JSON.stringify({ stage }),
      })
      .catch(() => undefined);
    if (moved?.status === 200) {
      acked.stageChanges += 1;
      version = moved.etag;
      continue;
    }
    acked.refused += 1;
    // Not acknowledged: it may or may not have happened. Read the deal again and go on from there.
    const read = await untilAnswered(() => tab.call(`/workspaces/${ws}/opportunities/${deal.id}`));
    if (read?.status !== 200) return;
    version = read.etag;
  }
}

/** Every lead converted and its deal moved through `stages`, four clients at once. */
export async function convertAllAndMove(
  tab: TabProcess,
  ws: string,
  leads: readonly string[],
  stages: readonly string[],
): Promise<Acknowledged> {
  const acked: Acknowledged = { conversions: 0, stageChanges: 0, refused: 0 };
  await inParallel(
    leads.map((_, i) => i),
    4,
    (i) => convertAndMove(tab, ws, leads, i, stages, acked),
  );
  return acked;
}

/**
 * A relay run's world: a workspace made through the tab process, the channels subscribed at the
 * stand-in, and `count` leads.
 */
export async function workspaceWithChannels(
  tab: TabProcess,
  storage: ImportDeps,
  connector: ConnectorStandIn,
  name: string,
  count: number,
): Promise<{ ws: string; leads: string[] }> {
  const ws = await createWorkspace(tab, name);
  await subscribeChannels(storage, ws, connector, CHANNELS);
  return { ws, leads: await createLeads(tab, ws, count) };
}

/** Delivery of a run's events to the stand-in, event by event and channel by channel. */
export type DeliveryTally = {
  /** Events the stored changes carry (a conversion, each stage move), whatever answered. */
  readonly events: number;
  /** Posts those events owe: one per event and subscribed channel. */
  readonly postsOwed: number;
  /** Owed posts the stand-in received at least once. */
  readonly delivered: number;
  /** Posts beyond the first of the same event to the same channel. */
  readonly duplicated: number;
  /** Owed posts never received. */
  readonly lost: number;
  /** Posts of no stored change (must not happen). */
  readonly unexplained: number;
  /** Events still in the outbox. */
  readonly pendingInOutbox: number;
};

/**
 * Counts, from storage (read directly, no faults) and from what the stand-in received, which
 * events reached which channel how often. A post is known by its card's summary: it names the lead
 * (a conversion) or the deal and both stages (a move), so each event of a run has its own. The real
 * bot's posts carry no event id (Teams activities have no idempotency key), hence the text.
 */
export async function tallyDeliveries(
  storage: ImportDeps,
  ws: string,
  connector: ConnectorStandIn,
  channels: readonly string[],
): Promise<DeliveryTally> {
  // Token → events it names: a converted lead's conversion, a deal's moves.
  const owed = new Map<string, number>();
  for await (const { record } of storage.records.scan(ws, 'lead'))
    if (isConvertedLead(record)) owed.set(record.lastName ?? '', 1);
  for await (const { record } of storage.records.scan(ws, 'opportunity')) {
    const history = await storage.records.stageHistory(ws, record.id);
    owed.set(record.name, history.filter((h) => h.from !== undefined).length);
  }
  const events = [...owed.values()].reduce((n, c) => n + c, 0);

  let delivered = 0;
  let duplicated = 0;
  let unexplained = 0;
  for (const channel of channels) {
    const bySummary = new Map<string, number>();
    for (const post of connector.sent)
      if (post.conversationId === channel) {
        const summary = post.activity.summary ?? '';
        bySummary.set(summary, (bySummary.get(summary) ?? 0) + 1);
      }
    for (const count of bySummary.values()) duplicated += count - 1;
    const summaries = [...bySummary.keys()];
    let explained = 0;
    for (const [token, count] of owed) {
      const found = summaries.filter((s) => s.includes(token)).length;
      delivered += Math.min(found, count);
      explained += found;
      unexplained += Math.max(0, found - count);
    }
    unexplained += summaries.length - explained;
  }
  const postsOwed = events * channels.length;
  return {
    events,
    postsOwed,
    delivered,
    duplicated,
    lost: postsOwed - delivered,
    unexplained,
    pendingInOutbox: (await storage.outbox.pending(ws, 5_000)).length,
  };
}

/** Waits until every owed post arrived and the outbox is empty, or `ms` passed; the last tally. */
export async function untilDelivered(
  tally: () => Promise<DeliveryTally>,
  ms: number,
): Promise<DeliveryTally> {
  const deadline = Date.now() + ms;
  let last = await tally();
  while ((last.lost > 0 || last.pendingInOutbox > 0) && Date.now() < deadline) {
    await sleep(500);
    last = await tally();
  }
  return last;
}

/** What a delivery check requires once storage is healthy again: nothing lost, nothing made up, nothing left. */
export const undelivered = (tally: DeliveryTally) => ({
  lost: tally.lost,
  unexplained: tally.unexplained,
  pending: tally.pendingInOutbox,
});

/**
 * The tab server and the bot as real processes, each reaching Azurite (tables and the wake-up queue)
 * through its own fault proxy, the Bot Connector stand-in, and storage read directly (no faults).
 */
export async function startFaultyStack(azurite: string, tag: string, tenant: string, random: () => number) {
  const prefix = uniquePrefix(tag);
  const tabFaults: StorageFaults = await startStorageFaults(azurite, random);
  const botFaults: StorageFaults = await startStorageFaults(azurite, random);
  const connector = await startConnectorStandIn();
  const direct = await connectTestStorage(azurite, prefix);
  const tab = await startTabProcess(tabFaults.connectionString, prefix, tenant);
  const bot = await startBotProcess(botFaults.connectionString, prefix);
  return {
    tabFaults,
    botFaults,
    connector,
    direct,
    tab,
    bot,
    async stop(): Promise<void> {
      await stopProcess(bot.running);
      await stopProcess(tab.running);
      await connector.close();
      await tabFaults.stop();
      await botFaults.stop();
    },
  };
}
