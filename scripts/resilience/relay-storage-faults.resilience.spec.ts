import {
  CHANNELS,
  convertAllAndMove,
  sleep,
  tallyDeliveries,
  undelivered,
  untilDelivered,
  startFaultyStack,
  workspaceWithChannels,
} from './crm-processes';
import { NO_FAULTS, seededRandom, STAGES, STORAGE_FAULTS } from './fault-proxy';
import { reportFigures } from './resilience-report';

/**
 * The outbox relay under storage faults: the tab server and the bot as real processes, each reaching
 * Azurite (tables and the wake-up queue) through its own fault proxy, while users convert leads and
 * move deals and the bot's relay posts their events to the Bot Connector stand-in. Once the faults
 * clear, every event of every stored change has reached every subscribed channel at least once;
 * duplicates are counted.
 */
const SEED = Number(process.env.RESILIENCE_SEED ?? 20261129);
const LEADS = Number(process.env.RESILIENCE_RELAY_LEADS ?? 20);
const TENANT = '00000000-0000-4000-8000-0000000000c3';

it('delivers every event of every acknowledged change once storage faults clear (none lost, duplicates counted)', async () => {
  const azurite = process.env.TEST_STORAGE_CONNECTION_STRING as string;
  const stack = await startFaultyStack(azurite, 'rly', TENANT, seededRandom(SEED));
  const { tabFaults, botFaults, connector, direct, tab } = stack;
  try {
    const { ws, leads } = await workspaceWithChannels(tab, direct, connector, 'Relay, faults', LEADS);
    tabFaults.plan(STORAGE_FAULTS);
    botFaults.plan(STORAGE_FAULTS);
    const acked = await convertAllAndMove(tab, ws, leads, STAGES);
    // The relay goes on under faults until about half the posts arrived (40 s at most).
    const underFaultsUntil = Date.now() + 40_000;
    while (connector.sent.length < acked.conversions + acked.stageChanges && Date.now() < underFaultsUntil)
      await sleep(250);
    tabFaults.plan(NO_FAULTS);
    botFaults.plan(NO_FAULTS);
    const faults = { tab: tabFaults.counts(), bot: botFaults.counts() };
    const postsWhileFaulty = connector.sent.length;

    const tally = await untilDelivered(() => tallyDeliveries(direct, ws, connector, CHANNELS), 240_000);
    const figures = {
      seed: SEED,
      faults,
      acknowledged: { conversions: acked.conversions, stageChanges: acked.stageChanges },
      notAcknowledged: acked.refused,
      postsWhileFaulty,
      channels: CHANNELS.length,
      ...tally,
    };
    reportFigures('relay under storage faults', figures);

    expect(faults.bot.failedBefore + faults.bot.failedAfter).toBeGreaterThan(10);
    expect(acked.conversions).toBeGreaterThan(LEADS / 2);
    // Every acknowledged change is among the stored ones whose events are owed.
    expect(tally.events).toBeGreaterThanOrEqual(acked.conversions + acked.stageChanges);
    expect(undelivered(tally)).toEqual({ lost: 0, unexplained: 0, pending: 0 });
  } finally {
    await stack.stop();
  }
}, 480_000);
