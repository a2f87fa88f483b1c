import { randomBytes } from 'node:crypto';
import type { Clock, IdGenerator } from '../application/ports';

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** Crockford's base 32: digits and upper-case letters in ASCII order, so string order = number order. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
const MAX_TIME = 2 ** 48 - 1;
const MAX_RANDOM = (1n << 80n) - 1n;

function encode(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

/**
 * 26-character ids that sort NEWEST FIRST: the inverted millisecond time (10 chars) then 80 random
 * bits (16 chars). Within one millisecond (or if the clock steps back) the random part counts down,
 * so every id sorts before the ones made earlier by the same generator. RowKeys built from these ids
 * list newest first without any extra sort.
 */
export function createIdGenerator(now: () => number = Date.now): IdGenerator {
  let lastTime = -1;
  let lastRandom = 0n;
  const fresh = (): bigint => BigInt(`0x${randomBytes(10).toString('hex')}`);
  return {
    newId() {
      const time = Math.max(now(), lastTime);
      if (time === lastTime && lastRandom > 0n) {
        lastRandom -= 1n;
      } else {
        // A new millisecond (or, once in 2^80, an exhausted one: step to the next millisecond).
        lastTime = time === lastTime ? time + 1 : time;
        lastRandom = fresh() & MAX_RANDOM;
      }
      return encode(BigInt(MAX_TIME - lastTime), TIME_CHARS) + encode(lastRandom, RANDOM_CHARS);
    },
  };
}
