import { createApiClient, type ApiClient } from '../../tab/src/api/api-client';
import { ApiError } from '../../tab/src/api/api-error';
import {
  CHANNELS,
  sleep,
  tallyDeliveries,
  undelivered,
  untilDelivered,
  startFaultyStack,
  workspaceWithChannels,
  type TabProcess,
} from './crm-processes';
import { NO_FAULTS, seededRandom, STORAGE_BUSY } from './fault-proxy';
import { inParallel, reportFigures } from './resilience-report';

/**
 * Storage refuses everything (503 Server Busy, as Table Storage does past its scalability targets) for
 * 10 s, under the tab server and the bot as real processes, while people work through the tab's own
 * API client (its retry policy: reads and keyed writes, Retry-After, backoff with jitter). What must
 * hold: clients hear 503 with Retry-After — never a 500 —, nothing is lost or doubled, and the work
 * completes once storage recovers: every conversion stored once, and its event posted to every
 * subscribed channel by the bot's relay.
 */
const SEED = Number(process.env.RESILIENCE_SEED ?? 20261129);
const LEADS = Number(process.env.RESILIENCE_BUSY_LEADS ?? 12);
const OUTAGE_MS = 10_000;
const TENANT = '00000000-0000-4000-8000-0000000000b5';

type Seen = { status: number; retryAfter: string | null; at: number };

/** The tab's API client over Node's fetch, signed in as the tab process's user; every answer noted. */
async function tabClient(tab: TabProcess, seen: Seen[], key: () => string): Promise<ApiClient> {
  const issued = await fetch(`${tab.url}/api/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tenantId: TENANT, userId: 'resilience', name: 'Resilience' }),
  });
  const { token } = (await issued.json()) as { token: string };
  return createApiClient({
    baseUrl: tab.url,
    getToken: async () => token,
    newKey: key,
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      seen.push({ status: response.status, retryAfter: response.headers.get('retry-after'), at: Date.now() });
      return response;
    },
  });
}

it('answers 503 with Retry-After while storage is busy, loses nothing, and finishes the work once it recovers', async () => {
  const azurite = process.env.TEST_STORAGE_CONNECTION_STRING as string;
  const stack = await startFaultyStack(azurite, 'bsy', TENANT, seededRandom(SEED));
  const { tabFaults, botFaults, connector, direct, tab } = stack;
  try {
    const { ws, leads } = await workspaceWithChannels(tab, direct, connector, 'Busy storage', LEADS);
    const seen: Seen[] = [];
    const userFailures: string[] = [];
    let reads = 0;

    tabFaults.plan(STORAGE_BUSY);
    botFaults.plan(STORAGE_BUSY);
    const outageFrom = Date.now();
    const recovered = sleep(OUTAGE_MS).then(() => {
      tabFaults.plan(NO_FAULTS);
      botFaults.plan(NO_FAULTS);
      return Date.now();
    });

    // Each person converts one lead, pressing Convert again (same action, same Idempotency-Key) while
    // the app says "busy"; another keeps reading the lead list.
    const converted = new Map<string, string>();
    const convertOne = async (lead: string) => {
      const api = await tabClient(tab, seen, () => `convert-${lead}`);
      for (;;) {
        try {
          const result = await api.convertLead(ws, lead, { opportunity: { amount: 1000, currency: 'EUR' } });
          converted.set(lead, result.opportunity?.id ?? '');
          return;
        } catch (error) {
          // The app said "busy, try again": the person waits a moment and presses again.
          if (error instanceof ApiError && error.status === 503) {
            await sleep(1_000);
            continue;
          }
          userFailures.push(`${lead}: ${String(error)}`);
          return;
        }
      }
    };
    const reader = (async () => {
      const api = await tabClient(tab, seen, () => 'unused');
      while (Date.now() - outageFrom < OUTAGE_MS + 2_000) {
        await api.list(ws, 'leads', {}).then(
          () => void reads++,
          (error: unknown) => {
            if (!(error instanceof ApiError && error.status === 503))
              userFailures.push(`read: ${String(error)}`);
          },
        );
      }
    })();
    await Promise.all([inParallel(leads, 4, convertOne), reader]);
    const recoveredAt = await recovered;
    const faults = { tab: tabFaults.counts(), bot: botFaults.counts() };

    const tally = await untilDelivered(() => tallyDeliveries(direct, ws, connector, CHANNELS), 240_000);
    const opportunities: { leadId?: string }[] = [];
    for await (const { record } of direct.records.scan(ws, 'opportunity')) opportunities.push(record);
    const perLead = leads.map((lead) => opportunities.filter((o) => o.leadId === lead).length);
    const duringOutage = seen.filter((s) => s.at < recoveredAt);
    const busyAnswers = seen.filter((s) => s.status === 503);
    const figures = {
      seed: SEED,
      outageMs: OUTAGE_MS,
      faults,
      answers: {
        total: seen.length,
        duringOutage: duringOutage.length,
        busy503: busyAnswers.length,
        busyWithoutRetryAfter: busyAnswers.filter((s) => !/^[1-9][0-9]*$/.test(s.retryAfter ?? '')).length,
        serverErrorsOtherThan503: seen.filter((s) => s.status >= 500 && s.status !== 503).length,
      },
      conversions: converted.size,
      readsAnswered: reads,
      opportunitiesPerLead: [...new Set(perLead)],
      userFailures: { count: userFailures.length, first: userFailures.slice(0, 5) },
      ...tally,
    };
    reportFigures('storage busy for 10 s', figures);

    expect(faults.tab.failedBefore).toBeGreaterThan(10);
    expect(busyAnswers.length).toBeGreaterThan(0);
    expect(figures.answers).toMatchObject({ busyWithoutRetryAfter: 0, serverErrorsOtherThan503: 0 });
    expect(userFailures).toEqual([]);
    expect(converted.size).toBe(LEADS);
    expect(perLead.every((n) => n === 1)).toBe(true);
    expect(undelivered(tally)).toEqual({ lost: 0, unexplained: 0, pending: 0 });
  } finally {
    await stack.stop();
  }
}, 480_000);
