import { ok, type Activity, type Result, type Versioned } from '@crm/shared';
import { getRecord, myDay, type MyDaySection } from '@crm/shared/application';
import { dayCard, type DayCardInput, type DayNotice, type DaySection } from '../cards/day-card';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { ReplyContext } from './reply-context';

/** The person's day as a card, read now in `timeZone`: which day that is there, and how much is on it. */
export async function dayCardNow(
  ctx: ReplyContext,
  timeZone: string,
  options: { readonly heading?: DayCardInput['heading']; readonly notice?: DayNotice } = {},
): Promise<
  Result<{
    readonly card: AdaptiveCard;
    readonly date: string;
    readonly overdue: number;
    readonly today: number;
  }>
> {
  const ws = ctx.workspace.record.id;
  const day = await myDay(ctx.app, ctx.caller, ws, { tz: timeZone, days: 1 });
  if (!day.ok) return day;
  const { overdue, today, startOfToday, date } = day.value;
  const card = dayCard(ctx.localized, {
    ws,
    timeZone,
    startOfToday,
    overdue: section(overdue),
    today: section(today),
    heading: options.heading ?? 'day.title',
    ...(options.notice ? { notice: options.notice } : {}),
  });
  return ok({ card, date, overdue: overdue.items.length, today: today.items.length });
}

const section = (s: MyDaySection): DaySection => ({
  items: s.items.map((i) => ({ activity: i.record, version: i.version })),
  more: s.more,
});

/** What a day card's button carries about its activity. */
export type ActivityPress = { readonly activityId: string; readonly version: string; readonly tz: string };

/**
 * A press on one activity of a day card: done, or moved, only when the activity is still as the card
 * showed it. Gone, done already (a double click, or done in the tab) or changed since (by someone, or
 * in the tab): nothing happens, and the card, made again, says which. Otherwise `act` runs, guarded by
 * the card's version, and its notice heads the new card.
 */
export async function pressOnActivity(
  ctx: ReplyContext,
  press: ActivityPress,
  act: (activity: Versioned<Activity>) => Promise<Result<DayNotice>>,
): Promise<Result<AdaptiveCard>> {
  const { t } = ctx.localized;
  const again = async (notice: DayNotice) => {
    const day = await dayCardNow(ctx, press.tz, { notice });
    return day.ok ? ok(day.value.card) : day;
  };
  const warning = (text: string): DayNotice => ({ text, tone: 'warning' });
  const found = await getRecord(ctx.app, ctx.caller, ctx.workspace.record.id, 'activity', press.activityId);
  if (!found.ok) {
    return found.error.code === 'ACTIVITY.NOT_FOUND' ? again(warning(t('day.gone'))) : found;
  }
  const subject = found.value.record.subject;
  if (found.value.record.completed) return again(warning(t('day.alreadyDone', { subject })));
  if (found.value.version !== press.version) return again(warning(t('day.changed', { subject })));
  const acted = await act(found.value);
  if (!acted.ok) {
    return acted.error.code === 'CONCURRENCY.STALE' ? again(warning(t('day.changed', { subject }))) : acted;
  }
  return again(acted.value);
}
