import { dayBounds, isTimeZone } from '../../activity/day-bounds';
import { domainError } from '../../common/domain-error';
import { sameUser } from '../../common/schemas';
import { err, ok, type Result } from '../../common/result';
import type { Instant, IsoDate, UserId, WorkspaceId } from '../../common/types';
import type { Versioned } from '../../records/versions';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import { withRegardingNames, type ActivityView } from './activity-views';

export const MY_DAY_DAYS = { min: 1, max: 31, default: 7 } as const;
/** Each section lists at most this many (the rest: `more`). */
export const MY_DAY_SECTION_LIMIT = 100;

export type MyDayParams = {
  /** Whose day; default the caller. Owners may ask for any member. */
  readonly ownerId?: string;
  /** Upcoming days after today (1–31, default 7). */
  readonly days?: number;
  /** IANA time zone that cuts "today" (default UTC). */
  readonly tz?: string;
};

export type MyDaySection = {
  /** Open activities, earliest due first, each with its regarding record's name. */
  readonly items: readonly Versioned<ActivityView>[];
  /** More open activities fall in this section than it lists. */
  readonly more: boolean;
};

export type MyDay = {
  readonly ownerId: UserId;
  readonly timeZone: string;
  /** Today's date in that time zone. */
  readonly date: IsoDate;
  readonly startOfToday: Instant;
  readonly startOfTomorrow: Instant;
  readonly end: Instant;
  readonly overdue: MyDaySection;
  readonly today: MyDaySection;
  readonly upcoming: MyDaySection;
};

const invalid = (field: string, message: string) =>
  err(domainError('VALIDATION.FAILED', message, { fields: { [field]: message } }));

/**
 * A rep's day: their open activities due before today (overdue), today, and in the next `days` days,
 * "today" as it is in their time zone. Three key ranges of the owner's due rows, never a scan.
 */
export async function myDay(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  params: MyDayParams,
): Promise<Result<MyDay>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const days = params.days ?? MY_DAY_DAYS.default;
  if (!Number.isInteger(days) || days < MY_DAY_DAYS.min || days > MY_DAY_DAYS.max) {
    return invalid('days', `a whole number from ${MY_DAY_DAYS.min} to ${MY_DAY_DAYS.max}`);
  }
  const timeZone = params.tz ?? 'UTC';
  if (!isTimeZone(timeZone)) return invalid('tz', 'an IANA time zone, e.g. Europe/Oslo');
  const ownerId = params.ownerId?.toLowerCase() ?? caller.actor.userId;
  if (!sameUser(ownerId, caller.actor.userId)) {
    if (access.value.member.role !== 'owner') {
      return err(domainError('WORKSPACE.OWNER_REQUIRED', "Only an owner sees another member's day."));
    }
    if (!(await deps.workspaces.getMember(ws, ownerId))) {
      return err(
        domainError('OWNER.NOT_A_MEMBER', 'That person is not a member of this workspace.', {
          fields: { ownerId: 'is not a member of this workspace' },
        }),
      );
    }
  }
  const bounds = dayBounds(deps.clock.now(), timeZone, days);
  const section = async (from: Instant | undefined, to: Instant): Promise<MyDaySection> => {
    const page = await deps.records.listDue(ws, {
      ownerId,
      ...(from ? { from } : {}),
      to,
      limit: MY_DAY_SECTION_LIMIT,
    });
    return { items: await withRegardingNames(deps, ws, page.items), more: page.nextCursor !== undefined };
  };
  const [overdue, today, upcoming] = await Promise.all([
    section(undefined, bounds.startOfToday),
    section(bounds.startOfToday, bounds.startOfTomorrow),
    section(bounds.startOfTomorrow, bounds.end),
  ]);
  return ok({ ownerId, timeZone, ...bounds, overdue, today, upcoming });
}
