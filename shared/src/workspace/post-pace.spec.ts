import { decidePostDelay, recentPosts, TEAMS_CONVERSATION_LIMITS } from './post-pace';

/** Posts at the delays decided, one after another, as a paced poster schedules them. */
function schedule(count: number, start = 0): number[] {
  const sent: number[] = [];
  for (let i = 0; i < count; i++) sent.push(start + decidePostDelay(sent, start));
  return sent;
}

const most = (sent: readonly number[], windowMs: number) =>
  Math.max(...sent.map((t) => sent.filter((u) => u >= t && u < t + windowMs).length));

describe('pacing posts to one conversation (Teams: 7/s, 60/30 s, 1,800/h)', () => {
  it('lets seven go at once, and the eighth a second after the first', () => {
    expect(decidePostDelay([], 0)).toBe(0);
    const seven = [0, 0, 0, 0, 0, 0, 0];
    expect(decidePostDelay(seven, 0)).toBe(1_000);
    expect(decidePostDelay(seven, 400)).toBe(600);
    expect(decidePostDelay(seven, 1_000)).toBe(0);
    // Never ahead of a post already scheduled later: order is kept, and its window counted.
    expect(decidePostDelay([500, 500, 500, 500, 500, 500, 500], 0)).toBe(1_500);
  });

  it('keeps every window of a long burst within its limit', () => {
    const sent = schedule(200);
    expect(most(sent, 1_000)).toBeLessThanOrEqual(7);
    expect(most(sent, 30_000)).toBeLessThanOrEqual(60);
    // 200 posts take at least three 30-second windows, not 200/7 seconds.
    expect(sent.at(-1)).toBeGreaterThanOrEqual(90_000);
  });

  it('holds the hourly limit: the 1,801st post waits for the first to leave the hour', () => {
    const hour = Array.from({ length: 1_800 }, (_, i) => i * 1_000);
    expect(decidePostDelay(hour, 1_800_000)).toBe(3_600_000 - 1_800_000);
    expect(recentPosts(hour, 3_600_500, TEAMS_CONVERSATION_LIMITS)).toHaveLength(1_799);
  });
});
