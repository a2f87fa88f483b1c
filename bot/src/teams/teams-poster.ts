import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { ConversationAddress } from '@crm/shared';
import type { PersonToReach } from '@crm/shared/application';
import type { BotReply } from '../replies/bot-reply';
import { toActivity } from './to-activity';
import { isLoopbackUrl } from './trust';

/** What one proactive post came to, in HTTP terms (the notification channel maps it to an outcome). */
export type PostResult =
  | { readonly kind: 'sent' }
  | {
      readonly kind: 'failed';
      /** The Bot Connector's status; absent for a network fault. */
      readonly status?: number;
      readonly retryAfterMs?: number;
      readonly reason: string;
    };

export type TeamsPoster = (address: ConversationAddress, reply: BotReply) => Promise<PostResult>;

/**
 * Posts into a conversation the bot was in (`continueConversationAsync` with the bot's app id; a
 * local bot without one posts only to a loopback `serviceUrl`).
 */
export function createTeamsPoster(adapter: CloudAdapter, appId: string | undefined): TeamsPoster {
  return async (address, reply) => {
    const reference = address as Partial<ConversationReference>;
    if (!appId && !isLoopbackUrl(reference.serviceUrl)) {
      return { kind: 'failed', status: 403, reason: 'a bot without an app id posts only to loopback' };
    }
    // The adapter hands errors inside the turn to onTurnError (and resolves): catch them here.
    let result: PostResult = { kind: 'sent' };
    try {
      await adapter.continueConversationAsync(appId ?? '', reference, async (context) => {
        withoutSilentRetries(context.turnState.get(adapter.ConnectorClientKey));
        try {
          await context.sendActivity(toActivity(reply));
        } catch (error) {
          result = failure(error);
        }
      });
    } catch (error) {
      result = failure(error);
    }
    return result;
  };
}

/** A personal chat the bot started, or why Teams would not start it. */
export type StartResult =
  | { readonly kind: 'started'; readonly address: ConversationAddress }
  | Extract<PostResult, { kind: 'failed' }>;

export type ChatStarter = (person: PersonToReach) => Promise<StartResult>;

/**
 * Starts a 1:1 chat with someone the bot never talked to (`POST /v3/conversations` through
 * `createConversationAsync`): the member is their Teams user id (`29:…`, what Teams asks for; their
 * Entra object id when the roster gave none) with their Entra object id beside it, in their tenant,
 * with the bot of the team channel the chat is started through. Teams answers 403/404 when the app
 * is not installed for them (or blocked): final. Teams gives the same chat for the same person, so a
 * retry starts nothing twice. The address comes back with the channel's language.
 */
export function createChatStarter(adapter: CloudAdapter, appId: string | undefined): ChatStarter {
  return async (person) => {
    const via = person.via as Partial<ConversationReference>;
    if (!via.serviceUrl || (!appId && !isLoopbackUrl(via.serviceUrl))) {
      return { kind: 'failed', status: 403, reason: 'a bot without an app id posts only to loopback' };
    }
    const member = { id: person.teamsUserId ?? person.userId, aadObjectId: person.userId, name: '' };
    let address: ConversationAddress | undefined;
    try {
      await adapter.createConversationAsync(
        appId ?? '',
        via.channelId ?? 'msteams',
        via.serviceUrl,
        // None: the connector factory then uses its cloud's Bot Framework channel scope (typed as a
        // string, though the SDK treats it as optional).
        undefined as unknown as string,
        {
          isGroup: false,
          ...(via.bot ? { bot: via.bot } : {}),
          members: [member],
          tenantId: person.tenantId,
          channelData: { tenant: { id: person.tenantId } },
        } as Parameters<CloudAdapter['createConversationAsync']>[4],
        async (context) => {
          const { activityId: _create, ...reference } = TurnContext.getConversationReference(
            context.activity,
          );
          address = { ...reference, user: member, ...(via.locale ? { locale: via.locale } : {}) };
        },
      );
    } catch (error) {
      return failure(error);
    }
    return address
      ? { kind: 'started', address }
      : { kind: 'failed', reason: 'Teams started no conversation' };
  };
}

/**
 * The connector client retries 429 (sleeping through Retry-After) and 5xx by itself, unseen: a
 * proactive post then blocks for seconds and may be sent twice. The relay owns retries and
 * backoff, so each post is one attempt. (The pipeline is private in botbuilder's compat client;
 * without it, posts still work, only with the SDK's own retries.)
 */
function withoutSilentRetries(connector: unknown): void {
  const pipeline = (
    connector as { client?: { pipeline?: { removePolicy?(o: { name: string }): unknown } } } | undefined
  )?.client?.pipeline;
  pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
}

type HttpError = {
  readonly statusCode?: number;
  readonly message?: string;
  readonly response?: { readonly headers?: { get?(name: string): string | undefined } };
};

function failure(error: unknown): Extract<PostResult, { kind: 'failed' }> {
  const e = (typeof error === 'object' && error !== null ? error : {}) as HttpError;
  const retryAfter = e.response?.headers?.get?.('retry-after');
  const retryAfterMs = retryAfterMsOf(retryAfter);
  return {
    kind: 'failed',
    ...(e.statusCode !== undefined ? { status: e.statusCode } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    reason:
      e.statusCode !== undefined
        ? `Bot Connector answered ${e.statusCode}`
        : `network: ${e.message ?? 'unknown'}`,
  };
}

/** `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMsOf(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
