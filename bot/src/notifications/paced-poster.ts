import { decidePostDelay, recentPosts, type ConversationAddress } from '@crm/shared';
import type { TeamsPoster } from '../teams/teams-poster';

export type PaceOptions = {
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** A post that would wait longer goes back to the relay (retry after that delay) instead. */
  readonly maxWaitMs?: number;
};

const conversationOf = (address: ConversationAddress): string => {
  const conversation = (address as { conversation?: { id?: unknown } }).conversation;
  return typeof conversation?.id === 'string' ? conversation.id : JSON.stringify(address);
};

/**
 * Posts paced to Teams' limits per conversation (`decidePostDelay`). Posts into one conversation go
 * one at a time, in order, each counted from when the previous one was answered (so however long a
 * post takes, no window at Teams holds one too many); a post whose turn is further away than
 * `maxWaitMs` goes back to the relay as a retry after that delay. One process's posts: instances
 * sharing a conversation each keep within the limits on their own.
 */
export function pacedPoster(post: TeamsPoster, options: PaceOptions = {}): TeamsPoster {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxWaitMs = options.maxWaitMs ?? 5_000;
  const answered = new Map<string, number[]>();
  const queues = new Map<string, Promise<unknown>>();
  const turn = async (key: string, send: () => ReturnType<TeamsPoster>): ReturnType<TeamsPoster> => {
    const delay = decidePostDelay(recentPosts(answered.get(key) ?? [], now()), now());
    if (delay > maxWaitMs)
      return {
        kind: 'failed',
        reason: `paced: ${delay} ms until Teams allows another post here`,
        retryAfterMs: delay,
      };
    if (delay > 0) await sleep(delay);
    try {
      return await send();
    } finally {
      answered.set(key, [...recentPosts(answered.get(key) ?? [], now()), now()]);
    }
  };
  return (address, reply) => {
    const key = conversationOf(address);
    const run = (queues.get(key) ?? Promise.resolve()).then(() => turn(key, () => post(address, reply)));
    queues.set(
      key,
      run.catch(() => undefined),
    );
    return run;
  };
}
