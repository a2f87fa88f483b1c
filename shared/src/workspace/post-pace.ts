/** A limit on posts into one conversation: at most `max` in any `windowMs`. */
export type PaceLimit = { readonly windowMs: number; readonly max: number };

/**
 * Teams' documented limits for one bot posting into one conversation: 7 per second, 60 per 30
 * seconds, 1,800 per hour. Posting within them avoids 429s instead of waiting for them.
 */
export const TEAMS_CONVERSATION_LIMITS: readonly PaceLimit[] = [
  { windowMs: 1_000, max: 7 },
  { windowMs: 30_000, max: 60 },
  { windowMs: 3_600_000, max: 1_800 },
];

/**
 * How long (ms) the next post into a conversation must wait so that no window holds more than its
 * limit, given the instants (ms) of the posts already made or scheduled there; 0: it may go now.
 */
export function decidePostDelay(
  sent: readonly number[],
  now: number,
  limits: readonly PaceLimit[] = TEAMS_CONVERSATION_LIMITS,
): number {
  const sorted = [...sent].sort((a, b) => a - b);
  // Posts keep their order: never before one already scheduled (so every earlier post is counted).
  let at = Math.max(now, sorted.at(-1) ?? now);
  // Each limit may push the post later, which can bring another window's posts into play: settle.
  for (let changed = true; changed;) {
    changed = false;
    for (const { windowMs, max } of limits) {
      const inWindow = sorted.filter((t) => t > at - windowMs);
      if (inWindow.length < max) continue;
      // The post fits once the oldest post that would make it one too many has left the window.
      const earliestAllowed = (inWindow[inWindow.length - max] ?? at) + windowMs;
      if (earliestAllowed > at) {
        at = earliestAllowed;
        changed = true;
      }
    }
  }
  return at - now;
}

/** The instants still inside the longest window: what the next decision needs. */
export const recentPosts = (
  sent: readonly number[],
  now: number,
  limits: readonly PaceLimit[] = TEAMS_CONVERSATION_LIMITS,
): number[] => {
  const longest = Math.max(...limits.map((l) => l.windowMs));
  return sent.filter((t) => t > now - longest);
};
