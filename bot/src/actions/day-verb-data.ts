import { SNOOZE_UNTIL, timeZoneSchema } from '@crm/shared';
import { z } from 'zod';
import { Ws } from './verb-data';

/** A day card's data: its workspace and the time zone whose days it shows. */
export const DayRef = Ws.extend({ tz: timeZoneSchema });
/** One activity's buttons: the version the card showed. */
export const ActivityRef = DayRef.extend({
  activityId: z.string().min(1).max(256),
  version: z.string().min(1).max(256),
});
export const SnoozeRef = ActivityRef.extend({ until: z.enum(SNOOZE_UNTIL) });
