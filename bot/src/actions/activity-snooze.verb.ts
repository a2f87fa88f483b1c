import { ok } from '@crm/shared';
import { snoozeActivity } from '@crm/shared/application';
import { dateFormat } from '../cards/day-card';
import { pressOnActivity } from '../replies/day-replies';
import { SnoozeRef } from './day-verb-data';
import { verb } from './verb';

/** `activity.snooze`: Tomorrow or Next week on a day card; due then at the same time of day. */
export const activitySnoozeVerb = verb({
  schema: SnoozeRef,
  personalOnly: true,
  writes: () => true,
  run: (ctx, press) =>
    pressOnActivity(ctx, press, async (activity) => {
      const moved = await snoozeActivity(
        ctx.app,
        ctx.caller,
        ctx.workspace.record.id,
        activity.record.id,
        activity.version,
        { until: press.until, timeZone: press.tz },
      );
      if (!moved.ok) return moved;
      const when = dateFormat(ctx.localized, press.tz).dayAndTime(moved.value.record.occurredAt);
      return ok({
        text: ctx.localized.t('day.snoozed', { subject: activity.record.subject, when }),
        tone: 'good',
      });
    }),
});
