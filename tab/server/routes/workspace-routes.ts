import { z } from 'zod';
import {
  MemberAddInputSchema,
  MemberPatchInputSchema,
  ok,
  WorkspaceCreateInputSchema,
  WorkspacePatchInputSchema,
} from '@crm/shared';
import {
  addMember,
  changeMemberRole,
  createWorkspace,
  getWorkspace,
  listMembers,
  listMyWorkspaces,
  removeMember,
  updateWorkspace,
  type WorkspaceView,
} from '@crm/shared/application';
import { toEtag } from '../http/etag';
import { route, type HttpReply, type RouteSpec } from './route-spec';

const WorkspaceSchema = z.looseObject({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  role: z.string(),
  etag: z.string(),
});
const MemberSchema = z.looseObject({ userId: z.string(), role: z.string() });

const workspaceReply = (status: number, view: WorkspaceView): HttpReply => ({
  status,
  body: { ...view.record, role: view.role, etag: toEtag(view.version) },
  version: view.version,
  ...(status === 201 ? { location: `/api/v1/workspaces/${view.record.id}` } : {}),
});

/** Workspaces (one team's CRM) and their members. Owners manage settings and members. */
export const workspaceRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/workspaces',
    tag: 'workspaces',
    summary: 'The workspaces you are a member of, with your role',
    success: {
      status: 200,
      description: 'Your workspaces',
      schema: z.object({ items: z.array(WorkspaceSchema.omit({ etag: true })), nextCursor: z.null() }),
    },
    handle: async (deps, { caller }) => {
      const memberships = await listMyWorkspaces(deps, caller.actor);
      return ok({
        status: 200,
        body: { items: memberships.map((m) => ({ ...m.workspace, role: m.role })), nextCursor: null },
      });
    },
  }),
  route({
    method: 'post',
    path: '/workspaces',
    tag: 'workspaces',
    summary: 'Create a workspace in your tenant (you become its owner; teamId binds a Teams team)',
    body: WorkspaceCreateInputSchema,
    idempotent: true,
    success: { status: 201, description: 'The new workspace', schema: WorkspaceSchema },
    errors: [409],
    handle: async (deps, { body, caller }) => {
      const created = await createWorkspace(deps, caller.actor, body, caller.idempotencyKey);
      return created.ok ? ok(workspaceReply(201, created.value)) : created;
    },
  }),
  route({
    method: 'get',
    path: '/workspaces/:ws',
    tag: 'workspaces',
    summary: 'Read a workspace (ETag = its version)',
    success: { status: 200, description: 'The workspace', schema: WorkspaceSchema },
    handle: async (deps, { params, caller }) => {
      const found = await getWorkspace(deps, caller.actor, params.ws);
      return found.ok ? ok(workspaceReply(200, found.value)) : found;
    },
  }),
  route({
    method: 'patch',
    path: '/workspaces/:ws',
    tag: 'workspaces',
    summary: 'Change name, currency, stale threshold or stages (owners)',
    body: WorkspacePatchInputSchema,
    ifMatch: 'required',
    success: { status: 200, description: 'The changed workspace', schema: WorkspaceSchema },
    errors: [403, 409, 412, 428],
    handle: async (deps, { params, body, caller, expected }) => {
      const updated = await updateWorkspace(deps, caller.actor, params.ws, expected, body);
      return updated.ok ? ok(workspaceReply(200, updated.value)) : updated;
    },
  }),
  route({
    method: 'get',
    path: '/workspaces/:ws/members',
    tag: 'members',
    summary: "The workspace's members",
    success: {
      status: 200,
      description: 'Members',
      schema: z.object({ items: z.array(MemberSchema), nextCursor: z.null() }),
    },
    handle: async (deps, { params, caller }) => {
      const members = await listMembers(deps, caller.actor, params.ws);
      return members.ok ? ok({ status: 200, body: { items: members.value, nextCursor: null } }) : members;
    },
  }),
  route({
    method: 'post',
    path: '/workspaces/:ws/members',
    tag: 'members',
    summary: 'Add a member of your tenant as owner or member (owners)',
    body: MemberAddInputSchema,
    success: { status: 201, description: 'The new member', schema: MemberSchema },
    errors: [403, 409],
    handle: async (deps, { params, body, caller }) => {
      const added = await addMember(deps, caller.actor, params.ws, body);
      if (!added.ok) return added;
      return ok({
        status: 201,
        body: added.value,
        location: `/api/v1/workspaces/${params.ws}/members/${encodeURIComponent(added.value.userId)}`,
      });
    },
  }),
  route({
    method: 'patch',
    path: '/workspaces/:ws/members/:userId',
    tag: 'members',
    summary: "Change a member's role (owners; the last owner stays)",
    body: MemberPatchInputSchema,
    success: { status: 200, description: 'The member', schema: MemberSchema },
    errors: [403, 409],
    handle: async (deps, { params, body, caller }) => {
      const changed = await changeMemberRole(deps, caller.actor, params.ws, params.userId, body);
      return changed.ok ? ok({ status: 200, body: changed.value }) : changed;
    },
  }),
  route({
    method: 'delete',
    path: '/workspaces/:ws/members/:userId',
    tag: 'members',
    summary: 'Remove a member (owners), or leave (yourself); the last owner cannot go',
    success: { status: 204, description: 'Removed' },
    errors: [403, 409],
    handle: async (deps, { params, caller }) => {
      const removed = await removeMember(deps, caller.actor, params.ws, params.userId);
      return removed.ok ? ok({ status: 204 }) : removed;
    },
  }),
];
