import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { TextTable } from '../records/TextTable';
import type { Deal } from './useBoardMoves';

export type StageHistoryDialogProps = {
  readonly open: boolean;
  readonly workspaceId: string;
  readonly deal: Deal;
  readonly stageName: (id: string) => string;
  readonly memberName: (userId: string) => string;
  readonly onClose: () => void;
};

/** An opportunity's stage changes: from, to, who and when, newest last. */
export function StageHistoryDialog({
  open,
  workspaceId,
  deal,
  stageName,
  memberName,
  onClose,
}: StageHistoryDialogProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const history = useQuery({
    queryKey: queryKeys.stageHistory(workspaceId, deal.id),
    queryFn: () => api.opportunityHistory(workspaceId, deal.id),
  });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const title = t('pipeline.historyOf', { name: deal.name });
  const items = history.data ?? [];
  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {history.isPending ? (
              <Spinner label={t('app.loading')} />
            ) : history.isError ? (
              <MessageBar intent="error">
                <MessageBarBody>{errorMessage(history.error, t)}</MessageBarBody>
              </MessageBar>
            ) : items.length === 0 ? (
              <Text>{t('pipeline.historyEmpty')}</Text>
            ) : (
              <TextTable
                label={title}
                numbers={{
                  columns: [t('pipeline.historyWhen'), t('pipeline.historyChange'), t('pipeline.historyWho')],
                  rows: items.map((change) => [
                    when.format(new Date(change.at)),
                    change.from
                      ? t('pipeline.historyRow', { from: stageName(change.from), to: stageName(change.to) })
                      : t('pipeline.historyStart', { to: stageName(change.to) }),
                    memberName(change.by),
                  ]),
                }}
              />
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('dialog.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
