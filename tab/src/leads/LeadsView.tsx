import { Button, Select } from '@fluentui/react-components';
import { leadCapabilities, OPEN_LEAD_STATUSES, type Lead } from '@crm/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { useSetLeadsStatus } from '../api/mutations';
import type { Notice } from '../app/StateViews';
import { reassignBulk } from '../owners/ReassignButton';
import { RecordDetail } from '../records/RecordDetail';
import { ImportDialog } from '../imports/ImportDialog';
import { RecordListView } from '../records/RecordListView';
import { convertedText } from './conversion-notice';
import { ConvertLeadDialog } from './ConvertLeadDialog';
import { LEAD_ENTITY } from './lead-entity';
import { LeadActions } from './LeadActions';
import { LeadSections } from './LeadSections';

export type LeadsViewProps = {
  readonly workspaceId: string;
  /** The lead whose page is open, from the URL. */
  readonly recordId?: string;
  /** Search debounce; tests pass 0. */
  readonly debounceMs?: number;
};

/** Sets the selected leads to an open status (closing one takes convert or disqualify). */
function BulkStatus({
  workspaceId,
  leads,
  done,
}: {
  readonly workspaceId: string;
  readonly leads: readonly WithEtag<Lead>[];
  readonly done: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const setLeadsStatus = useSetLeadsStatus(workspaceId);
  const [status, setStatus] = useState<string>(OPEN_LEAD_STATUSES[1]);
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    setBusy(true);
    const { changed, failed } = await setLeadsStatus.mutateAsync({
      leads: leads.filter((l) => l.status !== status),
      status,
    });
    setBusy(false);
    done({
      intent: failed ? 'warning' : 'success',
      text: t('leads.bulkDone', { count: changed, failed }),
    });
  };
  return (
    <>
      <Select
        aria-label={t('leads.bulkStatus')}
        value={status}
        onChange={(_e, data) => setStatus(data.value)}
      >
        {OPEN_LEAD_STATUSES.map((id) => (
          <option key={id} value={id}>
            {t(`leads.statusLabel.${id}`)}
          </option>
        ))}
      </Select>
      <Button onClick={() => void apply()} disabled={busy}>
        {t('leads.bulkApply', { count: leads.length })}
      </Button>
    </>
  );
}

/** Leads: the list (filters, search, import, export, bulk status, convert) or one lead's page. */
export function LeadsView({ workspaceId, recordId, debounceMs }: LeadsViewProps) {
  const { t } = useTranslation();
  if (recordId)
    return (
      <RecordDetail
        entity={LEAD_ENTITY}
        workspaceId={workspaceId}
        recordId={recordId}
        regarding="lead"
        actions={(lead, act) => <LeadActions workspaceId={workspaceId} lead={lead} act={act} />}
        sections={(lead, act) => <LeadSections workspaceId={workspaceId} lead={lead} act={act} />}
      />
    );
  return (
    <RecordListView
      entity={LEAD_ENTITY}
      workspaceId={workspaceId}
      {...(debounceMs === undefined ? {} : { debounceMs })}
      tools={<ImportDialog workspaceId={workspaceId} kind="lead" />}
      bulk={(leads, done) => (
        <>
          <BulkStatus workspaceId={workspaceId} leads={leads} done={done} />
          {reassignBulk(workspaceId, 'leads', LEAD_ENTITY.title)(leads, done)}
        </>
      )}
      actions={(lead, notify) =>
        leadCapabilities(lead).convert && (
          <ConvertLeadDialog
            workspaceId={workspaceId}
            lead={lead}
            onConverted={(result) => notify({ intent: 'success', text: convertedText(t, result) })}
          />
        )
      }
    />
  );
}

export default LeadsView;
