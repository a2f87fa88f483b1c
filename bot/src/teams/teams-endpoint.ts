import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Response as BotResponse,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { BotReply, ChatMessage } from '../conversation/chat-message';
import { toActivity } from './to-activity';
import { toChatMessage } from './to-chat-message';

/**
 * The only place that knows the Bot Framework SDK (botbuilder's CloudAdapter). Moving to the
 * Microsoft 365 Agents SDK means rewriting this folder, not the bot.
 */
export type TeamsCredentials = {
  readonly appId: string;
  readonly password: string;
  readonly tenantId: string;
};

export type TeamsEndpointOptions = {
  /** Absent: unauthenticated local mode (the Bot Framework Emulator's); config allows it on loopback only. */
  readonly credentials: TeamsCredentials | undefined;
  readonly logger: Logger;
  readonly onMessage: (message: ChatMessage) => Promise<BotReply>;
};

export type TeamsEndpoint = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const MAX_BODY_BYTES = 256 * 1024;

export function createTeamsEndpoint({ credentials, logger, onMessage }: TeamsEndpointOptions): TeamsEndpoint {
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

  return async (req, res) => {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('expected a JSON activity');
      return;
    }
    const request = {
      body: body as Record<string, unknown>,
      headers: req.headers,
      method: req.method ?? 'POST',
    };
    await adapter.process(request, botResponse(res), async (context) => {
      if (context.activity.type !== ActivityTypes.Message) return;
      const reply = await onMessage(toChatMessage(context.activity));
      await context.sendActivity(toActivity(reply));
    });
  };
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
