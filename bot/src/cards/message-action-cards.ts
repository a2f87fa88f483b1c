import { leadDisplayName, type Lead, type LeadDraft } from '@crm/shared';
import { md } from '../messages/markdown';
import type { Localized } from '../messages/translator';
import {
  adaptiveCard,
  line,
  note,
  openLink,
  submit,
  title,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card';

/** Where a message action's dialog can put the record: the team's workspace, or one of the user's. */
export type WorkspaceChoice = { readonly id: string; readonly name: string };

const workspaceInput = (t: Localized['t'], workspaces: readonly WorkspaceChoice[]): CardElement[] =>
  workspaces.length > 1
    ? [
        {
          type: 'Input.ChoiceSet',
          id: 'ws',
          label: t('field.workspace'),
          value: workspaces[0]?.id ?? '',
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
 * their e-mail where Teams gives it, the text and a link back as the description), the leads it
 * probably duplicates, and Create.
 */
export function leadFromMessageCard(
  { t }: Localized,
  input: {
    readonly draft: LeadDraft;
    readonly workspaces: readonly WorkspaceChoice[];
    readonly duplicates: readonly Lead[];
    readonly messageId: string;
  },
): AdaptiveCard {
  const { draft } = input;
  const only = input.workspaces.length === 1 ? input.workspaces[0] : undefined;
  return adaptiveCard(
    [
      ...(input.duplicates.length > 0
        ? [
            line(t('messageLead.duplicates')),
            ...input.duplicates
              .slice(0, 5)
              .map((lead) =>
                note(
                  `${md(leadDisplayName(lead))}${lead.email ? ` · ${md(lead.email)}` : ''}${lead.company ? ` · ${md(lead.company)}` : ''}`,
                ),
              ),
          ]
        : []),
      ...workspaceInput(t, input.workspaces),
      text('firstName', t('field.firstName'), draft.firstName, { maxLength: 100 }),
      text('lastName', t('field.lastName'), draft.lastName, {
        maxLength: 100,
        isRequired: true,
        errorMessage: t('field.required'),
      }),
      text('email', t('field.email'), draft.email, { maxLength: 254 }),
      text('company', t('column.company'), undefined, { maxLength: 200 }),
      text('description', t('field.description'), draft.description, {
        isMultiline: true,
        maxLength: 10_000,
      }),
    ],
    {
      actions: [
        submit(t('messageLead.create'), {
          action: 'lead.fromMessage',
          messageId: input.messageId,
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
