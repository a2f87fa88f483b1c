import { z } from 'zod';
import {
  FORECAST_CATEGORIES,
  MEMBER_ROLES,
  MemberAddInputSchema,
  MemberPatchInputSchema,
  ok,
  WorkspaceCreateInputSchema,
  WorkspacePatchInputSchema,
  LEAD_ASSIGNMENT_MODES,
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
import { named } from '../openapi/component-schemas';
import { route, type HttpReply, type RouteSpec } from './route-spec';
import { OWNERS_ONLY } from './wording';

const instant = z.string().describe('ISO 8601 instant, UTC');
const StageSchema = named(
  'Stage',
  z.strictObject({
    id: z.string(),
    label: z.string().optional().describe('Display label; without one, clients translate the id'),
    probability: z.number().int().min(0).max(100),
    forecastCategory: z.enum(FORECAST_CATEGORIES),
    kind: z.enum(['open', 'won', 'lost']),
  }),
);
/** A workspace you belong to, with your role in it. */
const WorkspaceFields = z.strictObject({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  teamId: z.string().optional().describe('The Teams team it is bound to'),
  settings: z.strictObject({
    defaultCurrency: z.string().describe('ISO 4217'),
    stages: z.array(StageSchema).describe('Open stages in order, then closed-won and closed-lost'),
    staleAfterDays: z.number().int(),
    leadAssignment: z
      .strictObject({
        mode: z.enum(LEAD_ASSIGNMENT_MODES),
        memberIds: z.array(z.string()).describe('The round-robin, in turn order'),
      })
      .optional()
      .describe('Who owns a new lead that names no owner: its creator (absent too), or the round-robin'),
    morningDigest: z
      .strictObject({
        enabled: z.boolean(),
        timeZone: z.string().describe('IANA time zone for members the bot has not heard from yet'),
      })
      .optional()
      .describe(
        "Each member's overdue and today's activities in their personal chat with the bot, at 08:00 on working " +
          'days in their time zone (absent: off)',
      ),
  }),
  createdAt: instant,
  createdBy: z.string(),
  updatedAt: instant,
  updatedBy: z.string(),
  role: z.enum(MEMBER_ROLES).describe('Your role in it'),
});
const WorkspaceSummarySchema = named('WorkspaceSummary', WorkspaceFields);
const WorkspaceSchema = named(
  'Workspace',
  WorkspaceFields.extend({ etag: z.string().describe('Its ETag, for If-Match') }),
);
const MemberSchema = named(
  'Member',
  z.strictObject({
    workspaceId: z.string(),
    tenantId: z.string(),
    userId: z.string().describe('Entra object id'),
    role: z.enum(MEMBER_ROLES),
    name: z.string().optional(),
    addedAt: instant,
    addedBy: z.string(),
  }),
);

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
    operationId: 'listWorkspaces',
    summary: 'List the workspaces you belong to',
    description:
      "Every workspace (a team's CRM) you are a member of in your tenant, with your role: start here, " +
      'every other operation takes a workspace id (ws). All in one page (nextCursor is always null).',
    success: {
      status: 200,
      description: 'Your workspaces',
      schema: z.strictObject({ items: z.array(WorkspaceSummarySchema), nextCursor: z.null() }),
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
    operationId: 'createWorkspace',
    summary: 'Create a workspace',
    description:
      'Creates a workspace in your tenant with {name, defaultCurrency?, teamId?}; you become its owner. teamId binds a ' +
      'Teams team, which the bot must have recorded with you on its roster. Send an Idempotency-Key to make a retry safe.',
    body: WorkspaceCreateInputSchema,
    idempotent: true,
    success: {
      status: 201,
      description: 'The new workspace',
      schema: WorkspaceSchema,
      headers: ['ETag', 'Location'],
    },
    errors: {
      403: 'WORKSPACE.TEAM_NOT_VERIFIED: the bot has not recorded this team, or its roster does not hold you',
      409:
        'WORKSPACE.TEAM_ALREADY_BOUND; WORKSPACE.LIMIT_REACHED (you created as many workspaces as one person may, ' +
        'WORKSPACES_PER_USER, default 20); IDEMPOTENCY.KEY_REUSED',
    },
    handle: async (deps, { body, caller }) => {
      const created = await createWorkspace(deps, caller.actor, body, caller.idempotencyKey);
      return created.ok ? ok(workspaceReply(201, created.value)) : created;
    },
  }),
  route({
    method: 'get',
    path: '/workspaces/:ws',
    tag: 'workspaces',
    operationId: 'getWorkspace',
    summary: 'Read a workspace and its settings',
    description:
      'The workspace with its settings (default currency, pipeline stages with probability and forecast category, ' +
      'stale-after days), your role and its ETag (what updateWorkspace wants in If-Match).',
    success: { status: 200, description: 'The workspace', schema: WorkspaceSchema, headers: ['ETag'] },
    handle: async (deps, { params, caller }) => {
      const found = await getWorkspace(deps, caller.actor, params.ws);
      return found.ok ? ok(workspaceReply(200, found.value)) : found;
    },
  }),
  route({
    method: 'patch',
    path: '/workspaces/:ws',
    tag: 'workspaces',
    operationId: 'updateWorkspace',
    summary: "Change a workspace's name or settings",
    description:
      'Owners change name, defaultCurrency, staleAfterDays, stages (the whole list, or only the open stages; ' +
      'the closed ones are fixed), leadAssignment ({mode: creator | round-robin, memberIds}: who owns a new lead ' +
      'that names no owner, from the form, the bot or an import; members opt in by being listed) or morningDigest ' +
      "({enabled, timeZone?}: every member's day in their personal chat with the bot at 08:00 on working days where " +
      'they are, nothing when nothing is due; timeZone, an IANA zone kept when left out, stands in for members the ' +
      'bot has not heard from). Needs If-Match with the ETag you read.',
    body: WorkspacePatchInputSchema,
    ifMatch: 'required',
    success: {
      status: 200,
      description: 'The changed workspace',
      schema: WorkspaceSchema,
      headers: ['ETag'],
    },
    errors: {
      400: 'VALIDATION.FAILED with fields; WORKSPACE.INVALID_STAGES; OWNER.NOT_A_MEMBER (leadAssignment.memberIds)',
      403: OWNERS_ONLY,
      409: 'WORKSPACE.STAGE_IN_USE: an opportunity is still in a stage the change removes',
    },
    handle: async (deps, { params, body, caller, expected }) => {
      const updated = await updateWorkspace(deps, caller.actor, params.ws, expected, body);
      return updated.ok ? ok(workspaceReply(200, updated.value)) : updated;
    },
  }),
  route({
    method: 'get',
    path: '/workspaces/:ws/members',
    tag: 'members',
    operationId: 'listMembers',
    summary: "List a workspace's members",
    description:
      'Everyone in the workspace with their role (owner or member) and user id: the ids ownerId fields name. ' +
      'All in one page (nextCursor is always null).',
    success: {
      status: 200,
      description: 'Members',
      schema: z.strictObject({ items: z.array(MemberSchema), nextCursor: z.null() }),
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
    operationId: 'addMember',
    summary: 'Add a member to a workspace',
    description:
      'Owners add a person of the same tenant by {userId (Entra object id), role: owner|member, name?}. ' +
      "In a workspace bound to a team, the team's roster is kept in step by the bot.",
    body: MemberAddInputSchema,
    success: { status: 201, description: 'The new member', schema: MemberSchema, headers: ['Location'] },
    errors: {
      403: OWNERS_ONLY,
      409: 'WORKSPACE.MEMBER_EXISTS: already a member',
    },
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
    operationId: 'changeMemberRole',
    summary: "Change a member's role",
    description:
      'Owners make a member an owner or an owner a member ({role}); the last owner cannot step down.',
    body: MemberPatchInputSchema,
    success: { status: 200, description: 'The member', schema: MemberSchema },
    errors: {
      403: OWNERS_ONLY,
      404: 'No such member (WORKSPACE.MEMBER_NOT_FOUND) or workspace',
      409: 'WORKSPACE.LAST_OWNER: the workspace needs an owner',
    },
    handle: async (deps, { params, body, caller }) => {
      const changed = await changeMemberRole(deps, caller.actor, params.ws, params.userId, body);
      return changed.ok ? ok({ status: 200, body: changed.value }) : changed;
    },
  }),
  route({
    method: 'delete',
    path: '/workspaces/:ws/members/:userId',
    tag: 'members',
    operationId: 'removeMember',
    summary: 'Remove a member, or leave a workspace',
    description: 'Owners remove anyone; a member may remove themselves (leave). The last owner cannot go.',
    success: { status: 204, description: 'Removed' },
    errors: {
      403: OWNERS_ONLY + ' (to remove someone else)',
      404: 'No such member (WORKSPACE.MEMBER_NOT_FOUND) or workspace',
      409: 'WORKSPACE.LAST_OWNER: the workspace needs an owner',
    },
    handle: async (deps, { params, caller }) => {
      const removed = await removeMember(deps, caller.actor, params.ws, params.userId);
      return removed.ok ? ok({ status: 204 }) : removed;
    },
  }),
];
