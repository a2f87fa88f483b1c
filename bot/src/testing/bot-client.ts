import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createBot, type BotApp, type BotAppOptions } from '../bot-app';
import { createTranslator } from '../messages/translator';
import { cardAction, teamsMessage, type TestSender } from './activities';
import type { ConnectorStandIn } from './connector-stand-in';

/** A card as the tests read it from the wire. */
export type CardJson = {
  body: unknown[];
  actions?: { verb: string; data: Record<string, unknown>; title: string }[];
  refresh?: { action: { verb: string; data: Record<string, unknown> }; userIds?: string[] };
};

/**
 * Talks to the bot over real HTTP the way Teams does: activities POSTed to `/api/messages`, replies
 * read from the Bot Connector stand-in, invoke answers from the HTTP response.
 */
export function botClient(botUrl: string, connector: ConnectorStandIn) {
  async function post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    const json = res.headers.get('content-type')?.includes('json');
    return { status: res.status, body: text && json ? (JSON.parse(text) as unknown) : text };
  }

  /** Sends a message and returns the bot's one reply to it. */
  async function say(text: string, from: TestSender): Promise<{ text: string; card: CardJson | undefined }> {
    const activity = teamsMessage(connector.url, text, from);
    const { status } = await post(activity);
    if (status !== 200) throw new Error(`the bot answered ${status} to "${text}"`);
    const replies = connector.sent.filter((s) => s.replyToId === activity.id);
    if (replies.length !== 1) throw new Error(`expected one reply to "${text}", got ${replies.length}`);
    const reply = replies[0]!.activity;
    return { text: reply.text ?? '', card: reply.attachments?.[0]?.content as CardJson | undefined };
  }

  /**
   * Presses a card button (on the message `messageId`), or (trigger `automatic`) lets the viewer's
   * client refresh the card: the invoke's HTTP response carries the card that replaces it for that
   * viewer.
   */
  async function press(
    verb: string,
    data: Record<string, unknown>,
    from: TestSender,
    how: { readonly trigger?: 'manual' | 'automatic'; readonly messageId?: string } = {},
  ): Promise<CardJson> {
    const activity = cardAction(connector.url, verb, data, from);
    const value = activity.value as Record<string, unknown>;
    const res = await post({
      ...activity,
      value: { ...value, trigger: how.trigger ?? 'manual' },
      // The message carrying the card pressed, as Teams names it.
      ...(how.messageId ? { replyToId: how.messageId } : {}),
    });
    const body = res.body as { statusCode?: number; type?: string; value?: CardJson };
    if (
      res.status !== 200 ||
      body.statusCode !== 200 ||
      body.type !== 'application/vnd.microsoft.card.adaptive'
    )
      throw new Error(`unexpected answer to ${verb}: ${res.status} ${JSON.stringify(res.body)}`);
    return body.value!;
  }

  return { post, say, press };
}

/**
 * The bot as the integration specs run it: unauthenticated, listening on a free loopback port, with
 * a client that talks to it as Teams does. Logs are silent and texts are every locale's unless given.
 */
export async function listeningBot(
  options: Pick<BotAppOptions, 'app'> &
    Partial<Pick<BotAppOptions, 'translator' | 'logger' | 'links'>> & {
      readonly connector: ConnectorStandIn;
    },
): Promise<{ readonly bot: BotApp; readonly client: ReturnType<typeof botClient> }> {
  const bot = createBot({
    app: options.app,
    credentials: undefined,
    translator: options.translator ?? createTranslator(),
    logger: options.logger ?? pino({ level: 'silent' }),
    ready: async () => undefined,
    ...(options.links ? { links: options.links } : {}),
  });
  await new Promise<void>((resolve) => bot.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(bot.server.address() as AddressInfo).port}`;
  return { bot, client: botClient(url, options.connector) };
}
