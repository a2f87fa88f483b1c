import { UnsecuredJWT } from 'jose';
import type { TokenVerifier, Verified } from './token-verifier';
import { cachingVerifier } from './verified-token-cache';

const actor = { tenantId: '00000000-0000-0000-0000-0000000000a1', userId: 'user-1' };
const token = (exp: number, sub = 'a') => new UnsecuredJWT({ exp, sub }).encode();

function counting(answer: (token: string) => Verified = () => ({ ok: true, actor })) {
  const calls: string[] = [];
  const inner: TokenVerifier = {
    verify: (t) => {
      calls.push(t);
      return Promise.resolve(answer(t));
    },
  };
  return { inner, calls };
}

describe('cachingVerifier', () => {
  it('checks a token once while it is valid, and again once it has expired', async () => {
    let now = 1_000_000;
    const { inner, calls } = counting();
    const verifier = cachingVerifier(inner, { now: () => now });
    const t = token(now / 1000 + 60);

    expect(await verifier.verify(t)).toEqual({ ok: true, actor });
    expect(await verifier.verify(t)).toEqual({ ok: true, actor });
    expect(calls).toHaveLength(1);

    now += 61_000;
    await verifier.verify(t);
    expect(calls).toHaveLength(2);
  });

  it('never remembers a failure', async () => {
    const { inner, calls } = counting(() => ({ ok: false, failure: { reason: 'bad' } }));
    const verifier = cachingVerifier(inner, { now: () => 0 });
    const t = token(60);

    expect((await verifier.verify(t)).ok).toBe(false);
    expect((await verifier.verify(t)).ok).toBe(false);
    expect(calls).toHaveLength(2);
  });

  it('keeps at most `max` tokens, forgetting the oldest', async () => {
    const { inner, calls } = counting();
    const verifier = cachingVerifier(inner, { max: 2, now: () => 0 });
    const [a, b, c] = ['a', 'b', 'c'].map((sub) => token(60, sub)) as [string, string, string];

    for (const t of [a, b, c, c, b, a]) await verifier.verify(t);
    expect(calls).toEqual([a, b, c, a]);
  });
});
