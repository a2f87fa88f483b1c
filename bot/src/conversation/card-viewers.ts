import { teamCardViewers, type AppDeps, type Caller } from '@crm/shared/application';
import { MAX_REFRESH_USERS } from '../cards/adaptive-card';
import type { ChatMessage } from './chat-message';

/** Who a card refreshes itself for; undefined: not listed (see `cardViewers`). */
export type Viewers = () => Promise<readonly string[] | undefined>;

/**
 * The people a card posted where `where` was written refreshes itself for, each in their language
 * and with their actions. In a team's channel: the person who asked first, then the workspace's
 * members on the team's roster, as Teams user ids (`29:…`, the MRIs Teams wants), at most 60. In a
 * personal or group chat: undefined, since without `userIds` Teams refreshes the card for everyone
 * in a conversation of up to 60 people. Read once, when first needed.
 */
export function cardViewers(app: AppDeps, caller: Caller, ws: string, where: ChatMessage): Viewers {
  let viewers: Promise<readonly string[] | undefined> | undefined;
  const read = async (): Promise<readonly string[] | undefined> => {
    if (where.conversation?.type !== 'channel') return undefined;
    const members = await teamCardViewers(app, caller.actor, ws, MAX_REFRESH_USERS);
    const ids = [...(where.teamsUserId ? [where.teamsUserId] : []), ...(members.ok ? members.value : [])];
    const unique = [...new Set(ids)].slice(0, MAX_REFRESH_USERS);
    return unique.length > 0 ? unique : undefined;
  };
  return () => (viewers ??= read());
}
