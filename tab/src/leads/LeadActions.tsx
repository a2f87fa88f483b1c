import { Button } from '@fluentui/react-components';
import type { Lead } from '@crm/shared';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { useDisqualifyLead, useUpdateRecord } from '../api/mutations';
import { ConfirmButton } from '../records/ConfirmButton';
import type { RecordActions } from '../records/useRecordActions';
import { ConvertLeadDialog } from './ConvertLeadDialog';
import { leadDisplayName } from '@crm/shared';
import { convertedText } from './conversion-notice';

export type LeadActionsProps = {
  readonly workspaceId: string;
  readonly lead: WithEtag<Lead>;
  readonly act: RecordActions;
};

/** A lead's own buttons: mark contacted, convert, disqualify with a reason, reopen. */
export function LeadActions({ workspaceId, lead, act }: LeadActionsProps) {
  const { t } = useTranslation();
  const update = useUpdateRecord<Lead>(workspaceId, 'leads');
  const disqualify = useDisqualifyLead(workspaceId);
  const name = leadDisplayName(lead);
  switch (lead.status) {
    case 'closed-converted':
      return null;
    case 'closed-not-converted':
      return (
        <Button
          size="small"
          onClick={() =>
            void act.run(
              () => update.mutateAsync({ record: lead, patch: { status: 'working-contacted' } }),
              t('leads.reopened', { name }),
            )
          }
        >
          {t('leads.reopen')}
        </Button>
      );
    case 'open-not-contacted':
    case 'working-contacted':
      return (
        <>
          {lead.status === 'open-not-contacted' && (
            <Button
              size="small"
              onClick={() =>
                void act.run(() =>
                  update.mutateAsync({ record: lead, patch: { status: 'working-contacted' } }),
                )
              }
            >
              {t('leads.markContacted')}
            </Button>
          )}
          <ConvertLeadDialog
            workspaceId={workspaceId}
            lead={lead}
            onConverted={(result) => act.notify({ intent: 'success', text: convertedText(t, result) })}
          />
          <ConfirmButton
            label={t('leads.disqualify')}
            title={t('leads.disqualifyTitle', { name })}
            confirmLabel={t('leads.disqualify')}
            reasonLabel={t('leads.disqualifyReason')}
            onConfirm={async (reason) => {
              await act.run(
                () => disqualify.mutateAsync({ lead, reason }),
                t('leads.disqualified', { name }),
              );
            }}
          />
        </>
      );
  }
}
