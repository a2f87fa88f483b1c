import { Button } from '@fluentui/react-components';
import { canMarkContacted, leadCapabilities, leadDisplayName, type Lead } from '@crm/shared';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { useDisqualifyLead, useReopenLead, useUpdateRecord } from '../api/mutations';
import { ConfirmButton } from '../records/ConfirmButton';
import type { RecordActions } from '../records/useRecordActions';
import { ConvertLeadDialog } from './ConvertLeadDialog';
import { convertedText } from './conversion-notice';

export type LeadActionsProps = {
  readonly workspaceId: string;
  readonly lead: WithEtag<Lead>;
  readonly act: RecordActions;
};

/** A lead's own buttons, as its capabilities allow: mark contacted, convert, disqualify with a reason, reopen. */
export function LeadActions({ workspaceId, lead, act }: LeadActionsProps) {
  const { t } = useTranslation();
  const update = useUpdateRecord<Lead>(workspaceId, 'leads');
  const disqualify = useDisqualifyLead(workspaceId);
  const reopen = useReopenLead(workspaceId);
  const name = leadDisplayName(lead);
  const can = leadCapabilities(lead);
  return (
    <>
      {canMarkContacted(lead) && (
        <Button
          size="small"
          onClick={() =>
            void act.run(() => update.mutateAsync({ record: lead, patch: { status: 'working-contacted' } }))
          }
        >
          {t('leads.markContacted')}
        </Button>
      )}
      {can.convert && (
        <ConvertLeadDialog
          workspaceId={workspaceId}
          lead={lead}
          onConverted={(result) => act.notify({ intent: 'success', text: convertedText(t, result) })}
        />
      )}
      {can.disqualify && (
        <ConfirmButton
          label={t('leads.disqualify')}
          title={t('leads.disqualifyTitle', { name })}
          confirmLabel={t('leads.disqualify')}
          reasonLabel={t('leads.disqualifyReason')}
          onConfirm={async (reason) => {
            await act.run(() => disqualify.mutateAsync({ lead, reason }), t('leads.disqualified', { name }));
          }}
        />
      )}
      {can.reopen && (
        <Button
          size="small"
          onClick={() => void act.run(() => reopen.mutateAsync(lead), t('leads.reopened', { name }))}
        >
          {t('leads.reopen')}
        </Button>
      )}
    </>
  );
}
