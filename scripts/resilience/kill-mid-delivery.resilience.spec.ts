import { startConnectorStandIn } from '../../bot/src/testing/connector-stand-in';
import { connectTestStorage } from '../../tab/server/testing/test-server';
import {
  CHANNELS,
  convertAllAndMove,
  sleep,
  startBotProcess,
  startTabProcess,
  stopProcess,
  tallyDeliveries,
  uniquePrefix,
  untilDelivered,
  workspaceWithChannels,
} from './crm-processes';
import { reportFigures } from './resilience-report';

/**
 * The bot killed with SIGKILL while its relay is posting a backlog of notifications to a slow Bot
 * Connector (posts in flight), then started again: once the dead instance's lease expires, the new
 * one delivers every event to every channel. At least once: a post Teams took just before the kill
 * is posted again (the duplicate window of `shared/src/application/relay/README.md`), and counted.
 */
const LEADS = Number(process.env.RESILIENCE_DELIVERY_LEADS ?? 30);
const STAGES = ['qualification', 'proposal'] as const;
const TENANT = '00000000-0000-4000-8000-0000000000d4';
/** How long the stand-in takes to answer each post: the bot is nearly always mid-post. */
const CONNECTOR_DELAY_MS = 250;

it('delivers every event after the bot is killed mid-delivery and restarted (none lost, duplicates counted)', async () => {
  const azurite = process.env.TEST_STORAGE_CONNECTION_STRING as string;
  const prefix = uniquePrefix('kmd');
  const connector = await startConnectorStandIn();
  connector.setDelay(CONNECTOR_DELAY_MS);
  const direct = await connectTestStorage(azurite, prefix);
  const tab = await startTabProcess(azurite, prefix, TENANT);
  let bot: Awaited<ReturnType<typeof startBotProcess>> | undefined;
  try {
    const { ws, leads } = await workspaceWithChannels(tab, direct, connector, 'Killed mid-delivery', LEADS);
    // A backlog: every change is made before the bot runs.
    const acked = await convertAllAndMove(tab, ws, leads, STAGES);
    const owed = (acked.conversions + acked.stageChanges) * CHANNELS.length;

    bot = await startBotProcess(azurite, prefix);
    // Posts the stand-in has received and not answered yet.
    const inFlight = () =>
      connector.requests.filter((r) => r.startsWith('POST ')).length - connector.attempts.length;
    // Kill once a quarter of the posts arrived, while one is in flight: Teams takes it, the bot never learns.
    while (connector.sent.length < owed / 4 || inFlight() === 0) await sleep(5);
    bot.running.child.kill('SIGKILL');
    const inFlightAtKill = inFlight();
    await bot.running.exited;
    const postedBeforeKill = connector.sent.length;
    const pendingAtKill = (await direct.outbox.pending(ws, 5_000)).length;

    bot = await startBotProcess(azurite, prefix);
    // The dead instance's lease (30 s) must expire before the new one takes the workspace over.
    const tally = await untilDelivered(() => tallyDeliveries(direct, ws, connector, CHANNELS), 300_000);
    const metrics = (await (await fetch(`${bot.url}/metrics`)).json()) as { relay: Record<string, unknown> };
    const figures = {
      acknowledged: { conversions: acked.conversions, stageChanges: acked.stageChanges },
      channels: CHANNELS.length,
      connectorDelayMs: CONNECTOR_DELAY_MS,
      postedBeforeKill,
      postsInFlightAtKill: inFlightAtKill,
      eventsPendingAtKill: pendingAtKill,
      ...tally,
      relayAfterRestart: {
        sent: metrics.relay.sent,
        eventsDelivered: metrics.relay.eventsDelivered,
        failures: metrics.relay.failures,
      },
    };
    reportFigures('SIGKILL mid-delivery', figures);

    expect(acked).toEqual({ conversions: LEADS, stageChanges: LEADS * STAGES.length, refused: 0 });
    expect(postedBeforeKill).toBeLessThan(owed);
    expect(pendingAtKill).toBeGreaterThan(0);
    expect({ lost: tally.lost, unexplained: tally.unexplained, pending: tally.pendingInOutbox }).toEqual({
      lost: 0,
      unexplained: 0,
      pending: 0,
    });
    // Only a post in flight at the kill can be repeated: Teams took it, the state write never followed.
    expect(inFlightAtKill).toBe(1);
    expect(tally.duplicated).toBeLessThanOrEqual(inFlightAtKill);
  } finally {
    if (bot) await stopProcess(bot.running);
    await stopProcess(tab.running);
    await connector.close();
  }
}, 600_000);
