import pino from 'pino';
import { createBot } from '../bot-app';
import { createTranslator } from '../messages/translator';
import { azuriteAppDeps } from '../testing/azurite-app';
import { startConnectorStandIn } from '../testing/connector-stand-in';
import { pacedPoster } from './paced-poster';

/**
 * Teams' limit per conversation, over real HTTP: nine posts into one channel at once through the bot's
 * adapter reach the Bot Connector stand-in seven in the first second, the rest a second later.
 */
it('posts into one conversation no more than seven times a second', async () => {
  const connector = await startConnectorStandIn();
  const bot = createBot({
    app: await azuriteAppDeps('paced'),
    credentials: undefined,
    translator: createTranslator(),
    logger: pino({ level: 'silent' }),
    ready: async () => undefined,
  });
  try {
    const post = pacedPoster(bot.poster);
    const address = {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: '19:paced@thread.tacv2', conversationType: 'channel', isGroup: true },
      bot: { id: '28:pipeline-crm-bot', name: 'Pipeline CRM' },
    };
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) => post(address, { kind: 'text', text: `post ${i}` })),
    );
    expect(results.every((r) => r.kind === 'sent')).toBe(true);
    const at = connector.receivedAt;
    expect(at).toHaveLength(9);
    // Eight within any second would be one too many: the eighth arrives a second after the first.
    expect(at[7]! - at[0]!).toBeGreaterThanOrEqual(990);
  } finally {
    await connector.close();
  }
});
