import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ActivityTypes,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  TeamsInfo,
  type MessageActionsPayload,
  type Response as BotResponse,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { BotHandlers, ComposeResult } from '../chat/bot-handlers';
import type { TeamEvent } from '../chat/team-event';
import { confirmJoiners, fetchRoster } from './roster';
import { toActivity } from './to-activity';
import { toChatMessage } from './to-chat-message';
import { toTeamActivity } from './to-team-event';
import { distrust } from './trust';
import { inSpan } from '@crm/shared/telemetry';

/**
 * The only place that knows the Bot Framework SDK (botbuilder's CloudAdapter). Moving to the
 * Microsoft 365 Agents SDK means rewriting this folder, not the bot.
 */
export type TeamsCredentials = {
  readonly appId: string;
  readonly password: string;
  readonly tenantId: string;
};

export type TeamsEndpoint = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const MAX_BODY_BYTES = 256 * 1024;
const CARD = 'application/vnd.microsoft.card.adaptive';

/** One CloudAdapter per process: it answers `/api/messages` and posts proactively. */
export function createTeamsAdapter(credentials: TeamsCredentials | undefined, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    credentials
      ? {
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.password,
          MicrosoftAppType: 'SingleTenant',
          MicrosoftAppTenantId: credentials.tenantId,
        }
      : {},
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    // Logged with context; the chat never sees the error's text.
    logger.error(
      { err: error, activityId: context.activity.id, type: context.activity.type },
      'bot turn failed',
    );
  };
  return adapter;
}

export type TeamsEndpointOptions = {
  readonly adapter: CloudAdapter;
  readonly authenticated: boolean;
  readonly logger: Logger;
  readonly handlers: BotHandlers;
};

export function createTeamsEndpoint({
  adapter,
  authenticated,
  logger,
  handlers,
}: TeamsEndpointOptions): TeamsEndpoint {
  return async (req, res) => {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('expected a JSON activity');
      return;
    }
    // Checked before the SDK sees it: an unauthenticated activity must not make the bot call out.
    const problem = distrust(body, authenticated);
    if (problem) {
      logger.warn({ problem, channelId: body.channelId }, 'activity refused');
      res.writeHead(403, { 'content-type': 'text/plain' }).end(problem);
      return;
    }
    const request = { body, headers: req.headers, method: req.method ?? 'POST' };
    // One trace per Teams activity: its id and type as attributes, the use case's storage calls inside.
    await adapter.process(request, botResponse(res), (context) =>
      inSpan(
        `teams ${context.activity.type}${context.activity.name ? ` ${context.activity.name}` : ''}`,
        {
          'crm.teams.activity_id': context.activity.id ?? '',
          'crm.teams.activity_type': context.activity.type ?? '',
          'crm.teams.conversation_id': context.activity.conversation?.id ?? '',
        },
        () => dispatch(context, handlers, logger),
      ),
    );
  };
}

async function dispatch(context: TurnContext, handlers: BotHandlers, logger: Logger): Promise<void> {
  const activity = context.activity;
  switch (activity.type) {
    case ActivityTypes.Message: {
      const reply = await handlers.onMessage(toChatMessage(activity));
      await context.sendActivity(toActivity(reply));
      return;
    }
    case ActivityTypes.ConversationUpdate:
    case ActivityTypes.InstallationUpdate: {
      const event = await settleTeamEvent(context, logger);
      const welcome = event ? await handlers.onTeamEvent(event) : undefined;
      if (welcome) await context.sendActivity(toActivity(welcome));
      return;
    }
    case ActivityTypes.Invoke:
      return invoke(context, handlers, logger);
    default:
      return;
  }
}

/**
 * The team event with what Teams' roster API says: an install's whole roster, the joiners it
 * confirms (none confirmed: nothing happened).
 */
async function settleTeamEvent(context: TurnContext, logger: Logger): Promise<TeamEvent | undefined> {
  const event = toTeamActivity(context.activity);
  switch (event?.kind) {
    case undefined:
      return undefined;
    case 'installed':
      return { ...event, roster: await fetchRoster(context, event.teamId, event.tenantId, logger) };
    case 'members-joining': {
      const { tenantId, teamId } = event;
      const members = await confirmJoiners(context, teamId, tenantId, event.joiners, logger);
      return members.length > 0 ? { kind: 'members-added', tenantId, teamId, members } : undefined;
    }
    default:
      return event;
  }
}

type InvokeValue = {
  readonly action?: { readonly verb?: string; readonly data?: Record<string, unknown> };
  readonly commandId?: string;
  readonly data?: Record<string, unknown>;
  readonly messagePayload?: MessageActionsPayload;
  readonly parameters?: readonly { readonly name?: string; readonly value?: unknown }[];
  readonly url?: string;
};

async function invoke(context: TurnContext, handlers: BotHandlers, logger: Logger): Promise<void> {
  const value = (context.activity.value ?? {}) as InvokeValue;
  const from = toChatMessage({ ...context.activity, text: '' });
  switch (context.activity.name) {
    case 'adaptiveCard/action': {
      const answer = await handlers.onCardAction({
        verb: value.action?.verb ?? '',
        data: value.action?.data ?? {},
        from,
      });
      if (answer.everyone) await replaceForEveryone(context, answer.everyone, logger);
      return respond(context, { statusCode: 200, type: CARD, value: answer.card });
    }
    case 'composeExtension/query': {
      const parameter = (name: string) => {
        const found = value.parameters?.find((p) => p.name === name)?.value;
        return typeof found === 'string' ? found : '';
      };
      const recordKind = parameter('kind');
      const results = await handlers.onCompose({
        kind: 'search',
        text: parameter('query'),
        ...(recordKind ? { recordKind } : {}),
        from,
      });
      return respond(context, composeResult(results));
    }
    case 'composeExtension/queryLink': {
      const results = await handlers.onCompose({ kind: 'link', url: value.url ?? '', from });
      return respond(context, composeResult(results));
    }
    case 'composeExtension/fetchTask':
    case 'composeExtension/submitAction': {
      const step = context.activity.name === 'composeExtension/fetchTask' ? 'fetch' : 'submit';
      const answer = await handlers.onMessageAction({
        command: value.commandId ?? '',
        step,
        message: await messageOf(context, value.messagePayload, step, logger),
        data: value.data ?? {},
        from,
      });
      if (answer.kind === 'dialog') {
        const card = CardFactory.adaptiveCard(answer.card);
        return respond(context, {
          task: { type: 'continue', value: { title: answer.title, width: 'medium', height: 'large', card } },
        });
      }
      if (answer.kind === 'say') return respond(context, { task: { type: 'message', value: answer.text } });
      if (answer.post)
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(answer.post)));
      return respond(context, {});
    }
    default:
      return respond(context, undefined, 501);
  }
}

/**
 * The message a message action was invoked on: its sender (with their e-mail, which Teams gives only
 * through the roster: asked when the dialog opens), its HTML and the link back to it.
 */
async function messageOf(
  context: TurnContext,
  payload: MessageActionsPayload | undefined,
  step: 'fetch' | 'submit',
  logger: Logger,
) {
  const user = payload?.from?.user;
  let senderEmail: string | undefined;
  if (step === 'fetch' && user?.id) {
    try {
      const member = await TeamsInfo.getMember(context, user.id);
      senderEmail = member.email ?? undefined;
    } catch (error) {
      logger.info({ err: error }, 'message sender not found on the roster: no e-mail');
    }
  }
  return {
    id: payload?.id ?? '',
    html: payload?.body?.content ?? '',
    ...(user?.displayName ? { senderName: user.displayName } : {}),
    ...(senderEmail ? { senderEmail } : {}),
    ...(payload?.linkToMessage ? { link: payload.linkToMessage } : {}),
  };
}

/**
 * Makes the card the message's card for everyone (the invoke's answer reaches the presser only); a
 * message update also makes the clients of the people in its `refresh.userIds` ask for their own
 * rendering. Best effort: the presser has the answer either way.
 */
async function replaceForEveryone(context: TurnContext, card: object, logger: Logger): Promise<void> {
  const messageId = context.activity.replyToId;
  if (!messageId) return;
  try {
    await context.updateActivity({
      type: ActivityTypes.Message,
      id: messageId,
      attachments: [CardFactory.adaptiveCard(card)],
    });
  } catch (error) {
    logger.warn({ err: error, messageId }, 'card not updated for everyone');
  }
}

function composeResult(results: readonly ComposeResult[]) {
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: results.map((r) => ({
        ...CardFactory.adaptiveCard(r.card),
        // The preview (the result list, Copilot's citation) opens the record too.
        preview: CardFactory.thumbnailCard(r.title, r.subtitle, undefined, undefined, {
          ...(r.link ? { tap: { type: 'openUrl', title: r.title, value: r.link } } : {}),
        }),
      })),
    },
  };
}

async function respond(context: TurnContext, body: unknown, status = 200): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The response shape botbuilder expects (express/restify-like) over a plain Node response. */
function botResponse(res: ServerResponse): BotResponse {
  return {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
    },
    send(body: unknown) {
      if (res.writableEnded) return;
      if (typeof body === 'string') {
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end(body);
      } else {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(body));
      }
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}
