import { Button, Select } from '@fluentui/react-components';
import { leadCapabilities, leadDisplayName, OPEN_LEAD_STATUSES, type Lead } from '@crm/shared';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { errorText } from '../api/api-error';
import { useSetLeadsStatus } from '../api/mutations';
import { LoadingState, type Notice } from '../app/StateViews';
import { lazyView } from '../app/lazy-view';
import { useToast } from '../app/Toasts';
import { reassignBulk } from '../owners/ReassignButton';
import { ImportButton } from '../imports/ImportButton';
import { RecordListView } from '../records/RecordListView';
import { useClosingDialog } from '../records/useClosingDialog';
import { convertedText } from './conversion-notice';
import { ConvertLeadDialog } from './ConvertLeadDialog';
import { LEAD_ENTITY } from './lead-entity';

/** A lead's page comes with its own chunk: the list is the first screen. */
const LeadPage = lazyView(() => import('./LeadPage'));

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
    const { changed, refused } = await setLeadsStatus.mutateAsync({
      leads: leads.filter((l) => l.status !== status),
      status,
    });
    // Each lead stands alone: say which ones failed, and what the server said about each.
    const failures = refused.map(({ lead, error }) =>
      t('leads.bulkFailure', { name: leadDisplayName(lead), reason: errorText(error, t) }),
    );
    setBusy(false);
    done({
      intent: failures.length ? 'warning' : 'success',
      text: failures.length
        ? t('leads.bulkPartly', { count: changed, failed: failures.length })
        : t('leads.bulkDone', { count: changed }),
      items: failures,
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
  const toast = useToast();
  const [converting, setConverting] = useState<WithEtag<Lead>>();
  // Kept mounted while it closes, so Fluent gives the page back to assistive tech.
  const convertDialog = useClosingDialog(converting);
  const convert = t('leads.convert');
  if (recordId)
    return (
      <Suspense fallback={<LoadingState />}>
        <LeadPage workspaceId={workspaceId} recordId={recordId} />
      </Suspense>
    );
  return (
    <RecordListView
      entity={LEAD_ENTITY}
      workspaceId={workspaceId}
      {...(debounceMs === undefined ? {} : { debounceMs })}
      tools={<ImportButton workspaceId={workspaceId} kind="lead" />}
      bulk={(leads, done) => (
        <>
          <BulkStatus workspaceId={workspaceId} leads={leads} done={done} />
          {reassignBulk(workspaceId, 'leads', LEAD_ENTITY.title)(leads, done)}
        </>
      )}
      actions={(lead) =>
        leadCapabilities(lead).convert
          ? [{ id: 'convert', label: convert, run: () => setConverting(lead) }]
          : []
      }
    >
      {convertDialog.shown && (
        <ConvertLeadDialog
          key={convertDialog.key}
          workspaceId={workspaceId}
          lead={convertDialog.shown}
          open={convertDialog.open}
          onClose={() => setConverting(undefined)}
          onConverted={(result) => {
            setConverting(undefined);
            toast({ intent: 'success', text: convertedText(t, result) });
          }}
        />
      )}
    </RecordListView>
  );
}

export default LeadsView;
