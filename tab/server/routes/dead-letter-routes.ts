import { z } from 'zod';
import { ok } from '@crm/shared';
import { listDeadLetters, requeueDeadLetter, sentCount, type DeadLetter } from '@crm/shared/application';
import { named } from '../openapi/component-schemas';
import { limitOf, single } from './query';
import { pageSchema } from './record-schemas';
import { route, type RouteSpec } from './route-spec';
import { PageQuerySchema } from './schemas';
import { OWNERS_ONLY } from './wording';

const DeadLetterSchema = named(
  'UndeliveredNotification',
  z.strictObject({
    eventId: z.string(),
    type: z.string().describe('The event: lead.converted, opportunity.stage-changed…'),
    occurredAt: z.string().describe('ISO 8601 instant of the change'),
    attempts: z.number().int().describe('Tries over every target before the relay gave up'),
    lastError: z.string().optional().describe('The last failure, as the relay saw it'),
    deadAt: z.string().describe('ISO 8601 instant the relay gave up'),
    targets: z
      .array(
        z.strictObject({
          key: z.string().describe('channel:<conversation id> or user:<id>'),
          status: z.enum(['pending', 'sent', 'gone']),
        }),
      )
      .describe('Where delivery stood; empty when who hears of it could not be worked out'),
    sent: z.number().int().describe('How many of the targets had the post'),
  }),
);

const representation = (letter: DeadLetter) => ({
  eventId: letter.event.id,
  type: letter.event.type,
  occurredAt: letter.event.occurredAt,
  attempts: letter.attempts,
  ...(letter.lastError !== undefined ? { lastError: letter.lastError } : {}),
  deadAt: letter.deadAt,
  targets: (letter.delivery?.targets ?? []).map((t) => ({ key: t.target.key, status: t.status })),
  sent: sentCount(letter.delivery),
});

/** Notifications the bot gave up on after its attempts (the relay's dead letters); owners send them again. */
export const deadLetterRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/workspaces/:ws/undelivered-notifications',
    tag: 'channels',
    operationId: 'listUndeliveredNotifications',
    summary: 'List the notifications the bot gave up on',
    description:
      'Owners: the workspace’s notifications (events of changes) the bot could not deliver after its attempts — ' +
      'a channel that kept failing, or recipients that could not be worked out — newest first, with the last ' +
      'error and where delivery stood. Send one again with requeueUndeliveredNotification. Members get 403 ' +
      'WORKSPACE.OWNER_REQUIRED.',
    query: PageQuerySchema,
    success: { status: 200, description: 'One page', schema: pageSchema(DeadLetterSchema) },
    errors: { 400: 'VALIDATION.FAILED: a bad limit or cursor', 403: OWNERS_ONLY },
    handle: async (deps, { params, query, caller }) => {
      const limit = limitOf(query);
      if (!limit.ok) return limit;
      const cursor = single(query, 'cursor');
      if (!cursor.ok) return cursor;
      const page = await listDeadLetters(deps, caller.actor, params.ws, {
        ...(limit.value !== undefined ? { limit: limit.value } : {}),
        ...(cursor.value ? { cursor: cursor.value } : {}),
      });
      if (!page.ok) return page;
      return ok({
        status: 200,
        body: { items: page.value.items.map(representation), nextCursor: page.value.nextCursor ?? null },
      });
    },
  }),
  route({
    method: 'post',
    path: '/workspaces/:ws/undelivered-notifications/:eventId/requeue',
    tag: 'channels',
    operationId: 'requeueUndeliveredNotification',
    summary: 'Send a notification the bot gave up on again',
    description:
      'Owners: puts the notification back in the bot’s queue at its old place. Targets that already had the post ' +
      'keep it (no second post); the others are tried afresh with a full set of attempts. Answers the ' +
      'notification as it was listed.',
    success: { status: 202, description: 'Queued to be sent again', schema: DeadLetterSchema },
    errors: {
      403: OWNERS_ONLY,
      404: 'NOTIFICATION.NOT_FOUND: no such undelivered notification (already sent again?); or no such workspace',
    },
    handle: async (deps, { params, caller }) => {
      const requeued = await requeueDeadLetter(deps, caller.actor, params.ws, params.eventId);
      return requeued.ok ? ok({ status: 202, body: representation(requeued.value) }) : requeued;
    },
  }),
];
