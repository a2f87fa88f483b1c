import { leadDisplayName, type Lead, type LeadDraft, type Match } from '@crm/shared';
import type { Localized } from '../messages/translator';
import {
  adaptiveCard,
  line,
  note,
  openLink,
  submit,
  table,
  title,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card';

/** Where a message action's dialog can put the record: the team's workspace, or one of the user's. */
export type WorkspaceChoice = { readonly id: string; readonly name: string };

/** A record the lead may already be: what it is, why it matches, and where it opens. */
export type DuplicateRow = {
  readonly kind: 'lead' | 'contact' | 'organisation';
  readonly name: string;
  readonly matches: readonly Match[];
  readonly link?: string | undefined;
};

const workspaceInput = (
  t: Localized['t'],
  workspaces: readonly WorkspaceChoice[],
  selected: string | undefined,
): CardElement[] =>
  workspaces.length > 1
    ? [
        {
          type: 'Input.ChoiceSet',
          id: 'ws',
          label: t('field.workspace'),
          value: selected ?? workspaces[0]?.id ?? '',
          choices: workspaces.map((w) => ({ title: w.name, value: w.id })),
        },
      ]
    : [];

const text = (id: string, label: string, value: string | undefined, extra: object = {}): CardElement => ({
  type: 'Input.Text',
  id,
  label,
  ...(value ? { value } : {}),
  ...extra,
});

/**
 * "Create lead from this message": the lead pre-filled from the message (the sender as the person,
 * their e-mail where Teams gives it, the text and a link back as the description), the records it
 * may already be (leads and contacts by e-mail, organisations by name or domain), each with why and
 * a link to it, and Create. `shown` goes back with the submit: what the person has seen.
 */
export function leadFromMessageCard(
  { t }: Localized,
  input: {
    readonly draft: LeadDraft & { readonly company?: string | undefined };
    readonly workspaces: readonly WorkspaceChoice[];
    /** The workspace the inputs name (a dialog shown again keeps the one chosen). */
    readonly ws?: string | undefined;
    readonly duplicates: readonly DuplicateRow[];
    readonly shown: readonly string[];
    readonly messageId: string;
    /** Shown again on a submit because of records not seen before: says so. */
    readonly recheck?: boolean;
  },
): AdaptiveCard {
  const { draft } = input;
  const only = input.workspaces.length === 1 ? input.workspaces[0] : undefined;
  const why = (matches: readonly Match[]) =>
    [...new Set(matches.map((m) => t(`match.${m.reason}`, { suffix: m.suffix ?? '' })))].join(', ');
  const rows = input.duplicates.slice(0, 8);
  return adaptiveCard(
    [
      ...(rows.length > 0
        ? [
            line(t('messageLead.duplicates')),
            ...table(
              [t('column.name'), t('column.kind'), t('column.why')],
              rows.map((row) => [row.name, t(`kind.${row.kind}`), why(row.matches)]),
              [3, 2, 3],
              rows.map((row) => row.link),
            ),
            ...(input.recheck ? [note(t('messageLead.checked'))] : []),
          ]
        : []),
      ...workspaceInput(t, input.workspaces, input.ws),
      text('firstName', t('field.firstName'), draft.firstName, { maxLength: 100 }),
      text('lastName', t('field.lastName'), draft.lastName, {
        maxLength: 100,
        isRequired: true,
        errorMessage: t('field.required'),
      }),
      text('email', t('field.email'), draft.email, { maxLength: 254 }),
      text('company', t('column.company'), draft.company, { maxLength: 200 }),
      text('description', t('field.description'), draft.description, {
        isMultiline: true,
        maxLength: 10_000,
      }),
    ],
    {
      actions: [
        submit(t(rows.length > 0 ? 'messageLead.createAnyway' : 'messageLead.create'), {
          action: 'lead.fromMessage',
          messageId: input.messageId,
          shown: input.shown.join(' '),
          ...(only ? { ws: only.id } : {}),
        }),
      ],
    },
  );
}

/** The records a message can be logged to, as the dialog lists them. */
export type LogTarget = { readonly value: string; readonly title: string };

/** "Log to CRM": which record the message becomes a note on, and the note's subject. */
export function logToCrmCard(
  { t }: Localized,
  input: {
    readonly workspaces: readonly WorkspaceChoice[];
    readonly targets: readonly LogTarget[];
    readonly subject: string;
    readonly messageId: string;
  },
): AdaptiveCard {
  const only = input.workspaces.length === 1 ? input.workspaces[0] : undefined;
  if (input.targets.length === 0) return adaptiveCard([note(t('logToCrm.nothing'))]);
  return adaptiveCard(
    [
      {
        type: 'Input.ChoiceSet',
        id: 'record',
        label: t('logToCrm.record'),
        value: input.targets[0]?.value ?? '',
        choices: input.targets.map((target) => ({ title: target.title, value: target.value })),
      },
      text('subject', t('logToCrm.subject'), input.subject, {
        maxLength: 200,
        isRequired: true,
        errorMessage: t('field.required'),
      }),
    ],
    {
      actions: [
        submit(t('logToCrm.log'), {
          action: 'note.fromMessage',
          messageId: input.messageId,
          ...(only ? { ws: only.id } : {}),
        }),
      ],
    },
  );
}

/** What a channel sees once a lead came from one of its messages: who, and a link to it. */
export function leadCreatedCard({ t }: Localized, lead: Lead, link: string | undefined): AdaptiveCard {
  return adaptiveCard([title(t('messageLead.created', { name: leadDisplayName(lead) }))], {
    actions: link ? [openLink(t('action.open'), link)] : [],
  });
}
