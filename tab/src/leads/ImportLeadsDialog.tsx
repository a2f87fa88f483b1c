import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
} from '@fluentui/react-components';
import { isImportJobCompleted, isImportJobFailed, type ImportTally } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { useImportCompleted, useImportLeads } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { useFormat } from '../i18n/useFormat';
import { useRecordFormStyles } from '../records/RecordForm.styles';

export type ImportLeadsDialogProps = {
  readonly workspaceId: string;
  /** How often a running import is polled; tests pass a small value. */
  readonly pollMs?: number;
};

type Stage =
  | { readonly step: 'choose' }
  | { readonly step: 'uploading' }
  | { readonly step: 'job'; readonly jobId: string }
  | { readonly step: 'done'; readonly tally: ImportTally & { readonly total: number } }
  | { readonly step: 'failed'; readonly message: string };

/** Rows listed in the summary; the server keeps the first thousand. */
const LISTED = 20;

/** "Import CSV": upload, a progress bar while a large file runs in the background, then the summary. */
export function ImportLeadsDialog({ workspaceId, pollMs = 1000 }: ImportLeadsDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const importLeads = useImportLeads(workspaceId);
  const imported = useImportCompleted(workspaceId);
  const styles = useRecordFormStyles();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const jobId = stage.step === 'job' ? stage.jobId : undefined;
  const job = useQuery({
    queryKey: queryKeys.importJob(workspaceId, jobId),
    queryFn: async () => {
      const current = await api.importJob(workspaceId, jobId!);
      if (isImportJobCompleted(current)) {
        setStage({ step: 'done', tally: current });
        void imported();
      }
      if (isImportJobFailed(current))
        setStage({ step: 'failed', message: errorMessage(new ApiError(400, current.failure.code), t) });
      return current;
    },
    enabled: jobId !== undefined,
    refetchInterval: pollMs,
  });

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setStage({ step: 'uploading' });
    try {
      const answer = await importLeads.mutateAsync(file);
      setStage(
        answer.kind === 'job'
          ? { step: 'job', jobId: answer.job.id }
          : { step: 'done', tally: answer.result },
      );
    } catch (error) {
      setStage({ step: 'failed', message: errorMessage(error, t) });
    }
  };

  const progress = job.data && job.data.total > 0 ? job.data.processedRows / job.data.total : undefined;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('import.button')}</Button>
      <Dialog
        open={open}
        onOpenChange={(_e, data) => {
          setOpen(data.open);
          if (!data.open) setStage({ step: 'choose' });
        }}
      >
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>{t('import.title')}</DialogTitle>
            <DialogContent className={styles.form}>
              {stage.step === 'choose' && (
                <Field label={t('import.file')} hint={t('import.hint')}>
                  {(control) => (
                    <input {...control} type="file" accept=".csv,text/csv" onChange={(e) => void upload(e)} />
                  )}
                </Field>
              )}
              {(stage.step === 'uploading' || stage.step === 'job') && (
                <Field
                  label={t('import.progress')}
                  validationState="none"
                  validationMessage={
                    job.data
                      ? t('import.processed', {
                          done: format.number(job.data.processedRows),
                          total: format.number(job.data.total),
                        })
                      : t('import.uploading')
                  }
                >
                  <ProgressBar {...(progress === undefined ? {} : { value: progress })} />
                </Field>
              )}
              {stage.step === 'done' && (
                <div role="status" className={styles.form}>
                  <Text weight="semibold">
                    {t('import.summary', {
                      created: format.number(stage.tally.created),
                      duplicates: format.number(stage.tally.duplicateCount),
                      errors: format.number(stage.tally.errorCount),
                    })}
                  </Text>
                  {stage.tally.duplicates.slice(0, LISTED).map((d) => (
                    <Text key={`d${d.row}`}>{t('import.duplicateRow', { row: d.row, email: d.email })}</Text>
                  ))}
                  {stage.tally.errors.slice(0, LISTED).map((e) => (
                    <Text key={`e${e.row}-${e.field}`}>
                      {t('import.errorRow', { row: e.row, field: e.field })}
                    </Text>
                  ))}
                </div>
              )}
              {stage.step === 'failed' && (
                <MessageBar intent="error">
                  <MessageBarBody>{stage.message}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setOpen(false)}>{t('dialog.close')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
