import { z } from 'zod';
import { ok } from '@crm/shared';
import { listSubscribedChannels, removeSubscribedChannel } from '@crm/shared/application';
import { toEtag } from '../http/etag';
import { named } from '../openapi/component-schemas';
import { route, type RouteSpec } from './route-spec';
import { OWNERS_ONLY } from './wording';

const ChannelSchema = named(
  'SubscribedChannel',
  z.object({
    conversationId: z.string(),
    teamId: z.string().optional(),
    teamName: z.string().optional(),
    channelName: z.string().optional(),
    general: z.boolean(),
    topics: z.array(z.enum(['conversions', 'stages', 'won'])),
    updatedAt: z.string(),
    updatedBy: z.string(),
    broken: z
      .object({ at: z.string(), reason: z.string() })
      .optional()
      .describe(
        'Teams refused a post here (403/404): nothing is posted until `subscribe` in the channel again.',
      ),
    etag: z.string(),
  }),
);

/** The Teams channels that hear the workspace's news (the bot subscribes them); owners manage them. */
export const channelRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/workspaces/:ws/channels',
    tag: 'channels',
    operationId: 'listChannels',
    summary: 'List the Teams channels that hear the workspace’s news',
    description:
      'Owners: every Teams channel the bot posts this workspace’s notifications in (a channel subscribes with the ' +
      'bot’s `subscribe` command), with its team, its topics (conversions, stages, won), when and by whom it last ' +
      'changed, whether Teams refuses posts there (`broken`), and its ETag for removeChannel. Members get 403 WORKSPACE.OWNER_REQUIRED.',
    success: {
      status: 200,
      description: 'Subscribed channels',
      schema: z.object({ items: z.array(ChannelSchema), nextCursor: z.null() }),
    },
    errors: { 403: OWNERS_ONLY },
    handle: async (deps, { params, caller }) => {
      const channels = await listSubscribedChannels(deps, caller.actor, params.ws);
      if (!channels.ok) return channels;
      const items = channels.value.map((c) => ({ ...c.record, etag: toEtag(c.version) }));
      return ok({ status: 200, body: { items, nextCursor: null } });
    },
  }),
  route({
    method: 'delete',
    path: '/workspaces/:ws/channels/:conversationId',
    tag: 'channels',
    operationId: 'removeChannel',
    summary: 'Stop posting the workspace’s news in a Teams channel',
    description:
      'Owners: the channel (its conversation id, as listChannels gives it) hears nothing more from this workspace. ' +
      'Send its ETag as If-Match: a channel whose topics changed meanwhile is 412 CONCURRENCY.STALE.',
    ifMatch: 'required',
    success: { status: 204, description: 'The channel hears nothing more' },
    errors: {
      403: OWNERS_ONLY,
      404: 'CHANNEL.NOT_FOUND: the channel does not hear this workspace; or no such workspace',
    },
    handle: async (deps, { params, caller, expected }) => {
      const removed = await removeSubscribedChannel(
        deps,
        caller.actor,
        params.ws,
        params.conversationId,
        expected,
      );
      return removed.ok ? ok({ status: 204 }) : removed;
    },
  }),
];
