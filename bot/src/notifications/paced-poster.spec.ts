import type { ConversationAddress } from '@crm/shared';
import { sendOutcomeOf } from './send-outcome';
import { pacedPoster } from './paced-poster';

const channel = (id: string): ConversationAddress => ({ conversation: { id } });
const reply = { kind: 'text', text: 'hi' } as const;

describe('pacedPoster', () => {
  it('posts seven into a conversation at once, waits its turn for the eighth, and leaves other conversations alone', async () => {
    const clock = 0;
    const waits: number[] = [];
    const posted: string[] = [];
    const paced = pacedPoster(
      async (address) => {
        posted.push(`${(address as { conversation: { id: string } }).conversation.id}@${clock}`);
        return { kind: 'sent' };
      },
      { now: () => clock, sleep: async (ms) => void waits.push(ms), maxWaitMs: 5_000 },
    );
    await Promise.all(Array.from({ length: 8 }, () => paced(channel('A'), reply)));
    await paced(channel('B'), reply);
    expect(waits).toEqual([1_000]);
    expect(posted.filter((p) => p.startsWith('A'))).toHaveLength(8);
    expect(posted).toContain('B@0');
  });

  it('hands a post back to the relay when its slot is further away than it will wait (not a 429 from Teams)', async () => {
    let sent = 0;
    let clock = 0;
    const paced = pacedPoster(async () => ((sent += 1), { kind: 'sent' }), {
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
      maxWaitMs: 2_000,
    });
    // 60 in 30 s: the 61st must wait ~30 s.
    const results = [];
    for (let i = 0; i < 61; i++) results.push(await paced(channel('A'), reply));
    expect(sent).toBe(60);
    expect(sendOutcomeOf(results[60]!)).toEqual({
      kind: 'retry',
      reason: expect.stringContaining('paced'),
      afterMs: expect.any(Number),
    });
    expect((sendOutcomeOf(results[60]!) as { afterMs: number }).afterMs).toBeGreaterThan(20_000);
  });
});
