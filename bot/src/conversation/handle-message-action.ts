import { decideLeadDraft, decideMessageNote, leadDisplayName, type Actor } from '@crm/shared';
import {
  createActivity,
  createLead,
  matchedRecordKeys,
  duplicatesUnseen,
  findDuplicates,
  type Duplicates,
  type Matched,
  getWorkspace,
  idempotencyKeyUsed,
  listMyWorkspaces,
  listOpenDeals,
  listOpenLeads,
} from '@crm/shared/application';
import {
  leadCreatedCard,
  leadFromMessageCard,
  logToCrmCard,
  type DuplicateRow,
  type WorkspaceChoice,
} from '../cards/message-action-cards';
import type { MessageAction, MessageActionAnswer } from '../chat/bot-handlers';
import { errorText } from '../messages/error-text';
import type { Localized } from '../messages/translator';
import { audienceOf, conversationKind } from './audience';
import { actorOf, type ConversationDeps } from './handle-message';

/** The manifest's message actions (`composeExtensions[0].commands`, `context: ["message"]`). */
export const MESSAGE_ACTIONS = { createLead: 'createLeadFromMessage', logToCrm: 'logToCrm' } as const;

const LIST = 20;

/** One message action's run: who, in which language, on which message, offering which workspaces. */
type ActionContext = {
  readonly deps: ConversationDeps;
  readonly localized: Localized;
  readonly actor: Actor;
  readonly action: MessageAction;
  readonly workspaces: readonly WorkspaceChoice[];
};

/**
 * "Create lead from this message" and "Log to CRM": a dialog pre-filled from the message, then the
 * lead (with the note "From Teams message") or the note, through the use cases. A lead made from a
 * message in a channel is announced there with a small card, where everyone reading it is a member.
 */
export async function handleMessageAction(
  deps: ConversationDeps,
  action: MessageAction,
): Promise<MessageActionAnswer> {
  const localized = deps.translator.forLocale(action.from.locale);
  const { t } = localized;
  const actor = actorOf(action.from, deps.tenantId);
  if (!actor) return { kind: 'say', text: t('identity.unknown') };
  if (conversationKind(action.from) === 'restrictedChannel')
    return { kind: 'say', text: t('messageAction.notHere') };
  try {
    const workspaces = await workspacesFor(deps, actor, action.from.teamId);
    if (workspaces.length === 0)
      return { kind: 'say', text: t(action.from.teamId ? 'workspace.noneInTeam' : 'workspace.noneForUser') };
    const context = { deps, localized, actor, action, workspaces };
    if (action.command === MESSAGE_ACTIONS.createLead)
      return action.step === 'fetch' ? await leadDialog(context) : await createLeadFromMessage(context);
    if (action.command === MESSAGE_ACTIONS.logToCrm)
      return action.step === 'fetch' ? await logDialog(context) : await logMessage(context);
    return { kind: 'say', text: t('error.unexpected') };
  } catch (error) {
    deps.logger.error({ err: error, command: action.command, step: action.step }, 'message action failed');
    return { kind: 'say', text: t('error.unexpected') };
  }
}

/** In a team's channel its workspace; in a chat, the user's workspaces (the dialog lets them pick). */
async function workspacesFor(
  deps: ConversationDeps,
  actor: Actor,
  teamId: string | undefined,
): Promise<WorkspaceChoice[]> {
  if (teamId) {
    const bound = await deps.app.workspaces.findByTeam(actor.tenantId, teamId);
    const view = bound ? await getWorkspace(deps.app, actor, bound.id) : undefined;
    return view?.ok ? [{ id: view.value.record.id, name: view.value.record.name }] : [];
  }
  const mine = await listMyWorkspaces(deps.app, actor);
  return mine
    .map((m) => ({ id: m.workspace.id, name: m.workspace.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The workspace the dialog's inputs name, if it is one of those offered. */
const chosen = (action: MessageAction, workspaces: readonly WorkspaceChoice[]) =>
  workspaces.find((w) => w.id === String(action.data.ws ?? '')) ??
  (workspaces.length === 1 ? workspaces[0] : undefined);

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** What the lead may already be in the workspace (`findDuplicates`, as the tab's form asks), as the dialog lists it. */
async function duplicatesOf(
  context: ActionContext,
  ws: string,
  wanted: { readonly email?: string | undefined; readonly company?: string | undefined },
): Promise<{ readonly rows: DuplicateRow[]; readonly found: Duplicates }> {
  const { deps, actor } = context;
  const none = { leads: [], contacts: [], organisations: [] };
  if (!wanted.email && !wanted.company) return { rows: [], found: none };
  const found = await findDuplicates(deps.app, { actor }, ws, {
    ...(wanted.email ? { email: wanted.email } : {}),
    ...(wanted.company ? { company: wanted.company } : {}),
  });
  if (!found.ok) return { rows: [], found: none };
  const link = (kind: DuplicateRow['kind'], recordId: string, name: string) =>
    deps.links?.open({ workspaceId: ws, kind, recordId }, name);
  const person =
    (kind: 'lead' | 'contact') =>
    (m: Matched<{ readonly id: string; readonly firstName?: string; readonly lastName: string }>) => {
      const name = leadDisplayName(m.record.record);
      return { kind, name, matches: m.matches, link: link(kind, m.record.record.id, name) };
    };
  const rows: DuplicateRow[] = [
    ...found.value.organisations.map((m) => ({
      kind: 'organisation' as const,
      name: m.record.record.name,
      matches: m.matches,
      link: link('organisation', m.record.record.id, m.record.record.name),
    })),
    ...found.value.contacts.map(person('contact')),
    ...found.value.leads.map(person('lead')),
  ];
  return { rows, found: found.value };
}

async function leadDialog(context: ActionContext): Promise<MessageActionAnswer> {
  const { localized, action, workspaces } = context;
  const draft = decideLeadDraft(action.message);
  // Matches in the first workspace offered (the team's, or the user's first): by the sender's e-mail,
  // its company domain among them.
  const duplicates = await duplicatesOf(context, workspaces[0]!.id, { email: draft.email });
  return {
    kind: 'dialog',
    title: localized.t('messageLead.create'),
    card: leadFromMessageCard(localized, {
      draft,
      workspaces,
      duplicates: duplicates.rows,
      shown: matchedRecordKeys(duplicates.found),
      messageId: action.message.id,
    }),
  };
}

async function createLeadFromMessage(context: ActionContext): Promise<MessageActionAnswer> {
  const { deps, localized, actor, action, workspaces } = context;
  const { t } = localized;
  const workspace = chosen(action, workspaces);
  if (!workspace) return { kind: 'say', text: t('workspace.noneForUser') };
  const input = {
    firstName: str(action.data.firstName),
    lastName: str(action.data.lastName) ?? '',
    email: str(action.data.email),
    company: str(action.data.company),
    description: str(action.data.description),
  };
  // One lead per message and person: a resent submit (Teams retries) replays the first.
  const caller = { actor, idempotencyKey: `message-lead:${action.message.id}:${actor.userId}` };
  const replayed = await idempotencyKeyUsed(deps.app, workspace.id, caller, 'lead.create');
  if (!replayed) {
    // What the inputs now match (a company typed, an e-mail changed) and the dialog did not show yet:
    // shown first, with the button to create anyway.
    const shown = String(action.data.shown ?? '')
      .split(' ')
      .filter(Boolean);
    const duplicates = await duplicatesOf(context, workspace.id, {
      email: input.email,
      company: input.company,
    });
    if (duplicatesUnseen(duplicates.found, shown))
      return {
        kind: 'dialog',
        title: t('messageLead.create'),
        card: leadFromMessageCard(localized, {
          draft: { ...input, description: input.description ?? '' },
          workspaces,
          ws: workspace.id,
          duplicates: duplicates.rows,
          shown: matchedRecordKeys(duplicates.found),
          messageId: action.message.id,
          recheck: true,
        }),
      };
  }
  const created = await createLead(deps.app, caller, workspace.id, input);
  if (!created.ok) return { kind: 'say', text: errorText(localized.t, created.error) };
  const lead = created.value.record;
  const noted = await createActivity(
    deps.app,
    { actor, idempotencyKey: `message-lead-note:${action.message.id}:${actor.userId}` },
    workspace.id,
    {
      type: 'note',
      subject: t('messageLead.activity'),
      notes: decideMessageNote(action.message),
      regarding: { type: 'lead', id: lead.id },
    },
  );
  if (!noted.ok) deps.logger.warn({ code: noted.error.code }, 'lead from message: note not logged');
  if (replayed || conversationKind(action.from) !== 'channel')
    return { kind: 'say', text: t('messageLead.done', { name: leadDisplayName(lead) }) };
  // In a channel, everyone hears of it, where everyone reading it may see the lead.
  const audience = await audienceOf(deps.app, { actor }, workspace.id, action.from)();
  if (!audience.open) return { kind: 'say', text: t('messageLead.done', { name: leadDisplayName(lead) }) };
  const link = deps.links?.open(
    { workspaceId: workspace.id, kind: 'lead', recordId: lead.id },
    leadDisplayName(lead),
  );
  return { kind: 'done', post: leadCreatedCard(localized, lead, link) };
}

async function logDialog(context: ActionContext): Promise<MessageActionAnswer> {
  const { deps, localized, actor, action, workspaces } = context;
  const { t } = localized;
  const targets = [];
  for (const workspace of workspaces.slice(0, 5)) {
    const prefix = workspaces.length > 1 ? `${workspace.name}: ` : '';
    const leads = await listOpenLeads(deps.app, { actor }, workspace.id, { limit: LIST });
    if (leads.ok)
      for (const { record } of leads.value.items)
        targets.push({
          value: `${workspace.id}|lead|${record.id}`,
          title: `${prefix}${t('kind.lead')}: ${leadDisplayName(record)}${record.company ? ` (${record.company})` : ''}`,
        });
    const deals = await listOpenDeals(deps.app, { actor }, workspace.id, { limit: LIST });
    if (deals.ok)
      for (const { record } of deals.value.items)
        targets.push({
          value: `${workspace.id}|opportunity|${record.id}`,
          title: `${prefix}${t('kind.deal')}: ${record.name}`,
        });
  }
  return {
    kind: 'dialog',
    title: t('logToCrm.log'),
    card: logToCrmCard(localized, {
      workspaces,
      targets,
      subject: t('logToCrm.subjectDefault', { name: action.message.senderName ?? '' }).slice(0, 200),
      messageId: action.message.id,
    }),
  };
}

async function logMessage(context: ActionContext): Promise<MessageActionAnswer> {
  const { deps, localized, actor, action, workspaces } = context;
  const { t } = localized;
  const [ws = '', kind = '', id = ''] = String(action.data.record ?? '').split('|');
  if (!workspaces.some((w) => w.id === ws) || (kind !== 'lead' && kind !== 'opportunity'))
    return { kind: 'say', text: t('error.unexpected') };
  const caller = { actor, idempotencyKey: `message-note:${action.message.id}:${actor.userId}:${kind}:${id}` };
  const noted = await createActivity(deps.app, caller, ws, {
    type: 'note',
    subject: str(action.data.subject) ?? t('messageLead.activity'),
    notes: decideMessageNote(action.message),
    regarding: { type: kind, id },
  });
  if (!noted.ok) return { kind: 'say', text: errorText(localized.t, noted.error) };
  return { kind: 'say', text: t('logToCrm.done', { name: noted.value.record.subject }) };
}
