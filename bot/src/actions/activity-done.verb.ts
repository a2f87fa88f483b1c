import { ok } from '@crm/shared';
import { completeActivity } from '@crm/shared/application';
import { pressOnActivity } from '../replies/day-replies';
import { ActivityRef } from './day-verb-data';
import { verb } from './verb';

/** `activity.done`: Done on a day card; the card comes back without it, saying so. */
export const activityDoneVerb = verb({
  schema: ActivityRef,
  personalOnly: true,
  writes: () => true,
  run: (ctx, press) =>
    pressOnActivity(ctx, press, async (activity) => {
      const done = await completeActivity(
        ctx.app,
        ctx.caller,
        ctx.workspace.record.id,
        activity.record.id,
        activity.version,
        {},
      );
      if (!done.ok) return done;
      return ok({ text: ctx.localized.t('day.done', { subject: activity.record.subject }), tone: 'good' });
    }),
});
