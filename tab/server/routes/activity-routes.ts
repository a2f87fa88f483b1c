import { z } from 'zod';
import {
  ActivityCompleteInputSchema,
  ActivityRescheduleInputSchema,
  ok,
  REGARDING_TYPES,
  type Activity,
  type Versioned,
} from '@crm/shared';
import {
  completeActivity,
  MY_DAY_DAYS,
  myDay,
  reopenActivity,
  rescheduleActivity,
  type MyDaySection,
} from '@crm/shared/application';
import { named } from '../openapi/component-schemas';
import { integerOf, single } from './query';
import { representation } from './representation';
import { NextActivitySchema, RECORD_SCHEMAS } from './record-schemas';
import { route, type HttpReply, type RouteSpec } from './route-spec';

const ActivitySchema = RECORD_SCHEMAS.activity;
const instant = z.string().describe('ISO 8601 instant, UTC');

const NOT_FOUND = 'No such activity (ACTIVITY.NOT_FOUND; a deleted one too), or no such workspace';
const ONE_CLICK =
  'If-Match is optional: send it to refuse acting on a stale view (412), leave it out to act on the activity as it is now.';

const reply = (versioned: Versioned<Activity>): HttpReply => ({
  status: 200,
  body: representation('activity', versioned),
  version: versioned.version,
});

const PlanNextSchema = named(
  'PlanNextHint',
  z.strictObject({
    regarding: z.strictObject({ type: z.enum(REGARDING_TYPES), id: z.string() }),
    regardingName: z.string().optional(),
    ownerId: z.string().describe('Who the next activity would be for: the owner of the one just done'),
    nextActivity: NextActivitySchema.optional().describe(
      'For a lead or deal: what is planned next now; absent: nothing ("no next step"), offer to plan one',
    ),
  }),
);

const SectionSchema = named(
  'MyDaySection',
  z.strictObject({
    items: z.array(ActivitySchema).describe('Open activities, earliest due first, each with regardingName'),
    more: z.boolean().describe('More open activities fall in this section than it lists (at most 100)'),
  }),
);

const section = (s: MyDaySection) => ({
  items: s.items.map((item) => representation('activity', item)),
  more: s.more,
});

/** Done, undone, another day, and a person's day: what My day and the activity lists act with. */
export const activityRoutes: RouteSpec[] = [
  route({
    method: 'post',
    path: '/workspaces/:ws/activities/:id/complete',
    tag: 'activities',
    operationId: 'completeActivity',
    summary: 'Mark an activity done',
    description:
      'Marks an activity of any type done now (completedAt), with an optional outcome; its due time stays. Marking a ' +
      'done one done again changes nothing. Answers the activity and planNext: what to offer next (plan the next ' +
      'activity about the same record; for a lead or deal, nextActivity is what is planned now, absent when nothing ' +
      `is). The lead's and deal's nextActivity and lastActivityAt change in the same commit (their ETags too). ${ONE_CLICK}`,
    body: ActivityCompleteInputSchema,
    ifMatch: 'optional',
    success: {
      status: 200,
      description: 'The done activity (its ETag in `activity.etag`) and the hint',
      schema: z.strictObject({ activity: ActivitySchema, planNext: PlanNextSchema }),
    },
    errors: { 400: 'VALIDATION.FAILED (outcome too long, an unknown field)', 404: NOT_FOUND },
    handle: async (deps, { params, body, caller, expected }) => {
      const done = await completeActivity(deps, caller, params.ws, params.id, expected, body);
      if (!done.ok) return done;
      return ok({
        status: 200,
        body: { activity: representation('activity', done.value.activity), planNext: done.value.planNext },
      });
    },
  }),
  route({
    method: 'post',
    path: '/workspaces/:ws/activities/:id/reopen',
    tag: 'activities',
    operationId: 'reopenActivity',
    summary: 'Mark an activity not done',
    description: `Undoes "done": the activity is open again, due when it was (completedAt goes). ${ONE_CLICK}`,
    ifMatch: 'optional',
    success: { status: 200, description: 'The open activity', schema: ActivitySchema, headers: ['ETag'] },
    errors: { 404: NOT_FOUND },
    handle: async (deps, { params, caller, expected }) => {
      const reopened = await reopenActivity(deps, caller, params.ws, params.id, expected);
      return reopened.ok ? ok(reply(reopened.value)) : reopened;
    },
  }),
  route({
    method: 'post',
    path: '/workspaces/:ws/activities/:id/reschedule',
    tag: 'activities',
    operationId: 'rescheduleActivity',
    summary: 'Move an open activity to another time',
    description: `Sets an open activity's due time ({dueAt}, an instant with an offset): snooze, or another day. ${ONE_CLICK}`,
    body: ActivityRescheduleInputSchema,
    ifMatch: 'optional',
    success: { status: 200, description: 'The moved activity', schema: ActivitySchema, headers: ['ETag'] },
    errors: {
      400: 'VALIDATION.FAILED: dueAt missing or not an instant with an offset',
      404: NOT_FOUND,
      409: 'ACTIVITY.ALREADY_COMPLETED: a done activity has happened (reopen it, or change its time with updateActivity)',
    },
    handle: async (deps, { params, body, caller, expected }) => {
      const moved = await rescheduleActivity(deps, caller, params.ws, params.id, expected, body);
      return moved.ok ? ok(reply(moved.value)) : moved;
    },
  }),
  route({
    method: 'get',
    path: '/workspaces/:ws/my-day',
    tag: 'activities',
    operationId: 'getMyDay',
    summary: "A person's day: overdue, today and upcoming open activities",
    description:
      'Open activities of one owner (ownerId; default you; owners may ask for any member), due before today ' +
      '(overdue), today, and in the `days` days after today (1–31, default 7), "today" cut in the IANA time zone ' +
      '`tz` (default UTC). Each section lists at most 100, earliest due first, with the regarding record’s name.',
    query: z.object({
      ownerId: z.string().optional().describe("Whose day; default the caller's"),
      days: z
        .number()
        .int()
        .min(MY_DAY_DAYS.min)
        .max(MY_DAY_DAYS.max)
        .optional()
        .describe('Upcoming days after today (default 7)'),
      tz: z.string().optional().describe('IANA time zone, e.g. Europe/Oslo (default UTC)'),
    }),
    success: {
      status: 200,
      description: 'The day',
      schema: named(
        'MyDay',
        z.strictObject({
          ownerId: z.string(),
          timeZone: z.string(),
          date: z.string().describe("Today's date (YYYY-MM-DD) in timeZone"),
          startOfToday: instant,
          startOfTomorrow: instant,
          end: instant.describe('Where the upcoming days end (exclusive)'),
          overdue: SectionSchema,
          today: SectionSchema,
          upcoming: SectionSchema,
        }),
      ),
    },
    errors: {
      400: 'VALIDATION.FAILED (days out of range, an unknown tz, a parameter given twice); OWNER.NOT_A_MEMBER',
      403: "WORKSPACE.OWNER_REQUIRED: only owners see another member's day",
    },
    handle: async (deps, { params, query, caller }) => {
      const ownerId = single(query, 'ownerId');
      if (!ownerId.ok) return ownerId;
      const tz = single(query, 'tz');
      if (!tz.ok) return tz;
      const days = integerOf(query, 'days');
      if (!days.ok) return days;
      const day = await myDay(deps, caller, params.ws, {
        ...(ownerId.value !== undefined ? { ownerId: ownerId.value } : {}),
        ...(tz.value !== undefined ? { tz: tz.value } : {}),
        ...(days.value !== undefined ? { days: days.value } : {}),
      });
      if (!day.ok) return day;
      const { overdue, today, upcoming, ...rest } = day.value;
      return ok({
        status: 200,
        body: { ...rest, overdue: section(overdue), today: section(today), upcoming: section(upcoming) },
      });
    },
  }),
];
