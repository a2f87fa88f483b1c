import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordPlural } from '../api/api-client';
import { errorMessage } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { NoticeBar, type Notice } from '../app/StateViews';

export type ExportButtonProps = { readonly workspaceId: string; readonly plural: RecordPlural };

/** Downloads every record of a kind as CSV (the request needs the bearer token, so no plain link). */
export function ExportButton({ workspaceId, plural }: ExportButtonProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const download = async () => {
    setBusy(true);
    setNotice(undefined);
    try {
      const file = await api.exportCsv(workspaceId, plural);
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${plural}-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      setNotice({ intent: 'error', text: errorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => void download()} disabled={busy}>
        {t('records.export')}
      </Button>
      <NoticeBar notice={notice} />
    </>
  );
}
