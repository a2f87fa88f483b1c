import { ok } from '@crm/shared';
import { dayCardNow } from '../replies/day-replies';
import { DayRef } from './day-verb-data';
import { verb } from './verb';

/** `day.show`: the presser's day as it is now (the day card's refresh). */
export const dayShowVerb = verb({
  schema: DayRef,
  personalOnly: true,
  run: async (ctx, { tz }) => {
    const day = await dayCardNow(ctx, tz);
    return day.ok ? ok(day.value.card) : day;
  },
});
