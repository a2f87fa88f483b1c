import { z } from 'zod';
import { ok } from '@crm/shared';
import { listSubscribedChannels, removeSubscribedChannel } from '@crm/shared/application';
import { toEtag } from '../http/etag';
import { route, type RouteSpec } from './route-spec';

const ChannelSchema = z.looseObject({
  conversationId: z.string(),
  teamId: z.string().optional(),
  teamName: z.string().optional(),
  channelName: z.string().optional(),
  general: z.boolean(),
  topics: z.array(z.enum(['conversions', 'stages', 'won'])),
  updatedAt: z.string(),
  updatedBy: z.string(),
  etag: z.string(),
});

/** The Teams channels that hear the workspace's news (the bot subscribes them); owners manage them. */
export const channelRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/workspaces/:ws/channels',
    tag: 'channels',
    summary: 'The Teams channels subscribed to the workspace’s notifications, each with its ETag (owners)',
    success: {
      status: 200,
      description: 'Subscribed channels',
      schema: z.object({ items: z.array(ChannelSchema), nextCursor: z.null() }),
    },
    errors: [403],
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
    summary: 'Stop posting the workspace’s notifications in a channel (owners; If-Match its ETag)',
    ifMatch: 'required',
    success: { status: 204, description: 'The channel hears nothing more' },
    errors: [403, 412, 428],
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
