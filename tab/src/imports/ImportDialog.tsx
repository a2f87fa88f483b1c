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
  Select,
  Text,
} from '@fluentui/react-components';
import {
  DUPLICATE_POLICIES,
  IMPORT_FILE_LIMITS,
  importErrorFile,
  isImportJobCompleted,
  isImportJobFailed,
  reportedRows,
  wholeMegabytes,
  type DuplicatePolicy,
  type ImportKind,
  type ImportRowError,
  type ImportSkip,
  type ImportTally,
} from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isWorkbook, type PreviewAnswer } from '../api/api-client';
import { ApiError, errorMessage } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { useImportCompleted, usePreviewImport, useRecheckImport, useStartImport } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { useFormat } from '../i18n/useFormat';
import { useRecordFormStyles } from '../records/RecordForm.styles';
import { fileRecords, saveText } from './import-file';

export type ImportDialogProps = {
  readonly workspaceId: string;
  readonly kind: ImportKind;
  /** How often a running import is polled; tests pass a small value. */
  readonly pollMs?: number;
  /** Opens at once: the button that loaded this dialog on demand was the click (ImportButton). */
  readonly defaultOpen?: boolean;
};

type Result = ImportTally & { readonly total: number; readonly ignoredColumns: readonly string[] };

type Stage =
  | { readonly step: 'choose' }
  | { readonly step: 'reading' }
  | { readonly step: 'preview'; readonly preview: PreviewAnswer }
  | { readonly step: 'job'; readonly jobId: string }
  | { readonly step: 'done'; readonly result: Result }
  | { readonly step: 'failed'; readonly message: string };

/** Rows listed in the result; every one is in the error file (the server keeps the first 500). */
const LISTED = 20;
/** The select value for "don't import this column". */
const SKIP = '';

/**
 * Import a CSV: pick the file → the detected mapping per column (changeable, or "don't import"),
 * the value mappings and the first rows checked, before anything is written → the background job's
 * progress → what was created, updated, skipped and why, with an error file to download.
 */
export function ImportDialog({ workspaceId, kind, pollMs = 1000, defaultOpen = false }: ImportDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useRecordFormStyles();
  const format = useFormat();
  const previewImport = usePreviewImport(workspaceId);
  const recheck = useRecheckImport(workspaceId);
  const start = useStartImport(workspaceId, kind);
  const imported = useImportCompleted(workspaceId, kind);
  const [open, setOpen] = useState(defaultOpen);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [file, setFile] = useState<File>();
  const [columns, setColumns] = useState<Record<string, string | null>>({});
  /** Field → (the file's value → ours): the user's answers in the value list. */
  const [values, setValues] = useState<Record<string, Record<string, string>>>({});
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>('skip');
  /** An .xlsx: the sheet the upload's preview read (a re-check does not repeat it). */
  const [sheet, setSheet] = useState<PreviewAnswer['sheet']>();
  const [problem, setProblem] = useState<string>();
  /** Field → the file's column, from the last preview: a row's error names the column the user knows. */
  const [headerOf, setHeaderOf] = useState<Readonly<Record<string, string>>>({});
  const previewed = (preview: PreviewAnswer) => {
    setHeaderOf(Object.fromEntries(preview.columns.flatMap((c) => (c.field ? [[c.field, c.header]] : []))));
    setStage({ step: 'preview', preview });
  };
  const jobId = stage.step === 'job' ? stage.jobId : undefined;
  const job = useQuery({
    queryKey: queryKeys.importJob(workspaceId, jobId),
    queryFn: async () => {
      const current = await api.importJob(workspaceId, jobId!);
      if (isImportJobCompleted(current)) {
        setStage({ step: 'done', result: current });
        void imported();
      }
      if (isImportJobFailed(current))
        setStage({ step: 'failed', message: errorMessage(new ApiError(400, current.failure.code), t) });
      return current;
    },
    enabled: jobId !== undefined,
    refetchInterval: pollMs,
  });

  const fail = (error: unknown) => setStage({ step: 'failed', message: errorMessage(error, t) });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    if (!picked) return;
    setFile(picked);
    setColumns({});
    setValues({});
    setStage({ step: 'reading' });
    try {
      const first = await previewImport.mutateAsync({ kind, file: picked });
      setSheet(first.sheet);
      previewed(first);
    } catch (error) {
      fail(error);
    }
  };

  const check = async (
    preview: PreviewAnswer,
    changed: { columns: Record<string, string | null>; values: Record<string, Record<string, string>> },
  ) => {
    setColumns(changed.columns);
    setValues(changed.values);
    setProblem(undefined);
    try {
      previewed(await recheck.mutateAsync({ previewId: preview.id, choices: { mapping: changed } }));
    } catch (error) {
      setProblem(errorMessage(error, t));
    }
  };
  const remap = (preview: PreviewAnswer, header: string, field: string) =>
    check(preview, { columns: { ...columns, [header]: field === SKIP ? null : field }, values });
  /** Another of our values for a file's value; SKIP: back to what the import finds itself. */
  const revalue = (preview: PreviewAnswer, field: string, value: string, to: string) => {
    const { [value]: _old, ...others } = values[field] ?? {};
    const answers = to === SKIP ? others : { ...others, [value]: to };
    const { [field]: _field, ...rest } = values;
    return check(preview, {
      columns,
      values: Object.keys(answers).length > 0 ? { ...rest, [field]: answers } : rest,
    });
  };

  const run = async (preview: PreviewAnswer) => {
    setProblem(undefined);
    try {
      const answer = await start.mutateAsync({
        previewId: preview.id,
        choices: { mapping: { columns, values }, duplicates },
      });
      setStage(
        answer.kind === 'job'
          ? { step: 'job', jobId: answer.job.id }
          : { step: 'done', result: answer.result },
      );
    } catch (error) {
      // A mapping the server refuses, or a full queue, keeps the preview to try again.
      setProblem(errorMessage(error, t));
    }
  };

  const errorText = (e: ImportRowError) =>
    t(`import.code.${e.code}`, {
      field: e.column ?? headerOf[e.field] ?? e.field,
      value: e.value ?? '',
      defaultValue: e.message,
    });
  const skipText = (s: ImportSkip) =>
    t(`import.skip.${s.reason}`, {
      email: s.email ?? '',
      row: s.duplicateOfRow ?? '',
      defaultValue: s.message,
    });

  const downloadErrors = async (result: Result) => {
    if (!file) return;
    setProblem(undefined);
    try {
      // A workbook's rows come back from the server as the import read them: the cells the sheet
      // showed, at the row numbers the import reported.
      const { header, cellsOf } = isWorkbook(file)
        ? await fileRecords(await api.workbookSheet(workspaceId, file), ',')
        : await fileRecords(file);
      const rows = reportedRows(result.errorRows, result.skippedRows, { error: errorText, skip: skipText });
      const text = importErrorFile(header, cellsOf, rows, {
        row: t('import.errorFile.row'),
        reason: t('import.errorFile.reason'),
      });
      saveText(text, `${file.name.replace(/\.[^.]*$/, '')}-${t('import.errorFile.suffix')}.csv`);
    } catch (error) {
      setProblem(errorMessage(error, t));
    }
  };

  const progress = job.data && job.data.total > 0 ? job.data.processedRows / job.data.total : undefined;
  const busy = recheck.isPending || start.isPending;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('import.button')}</Button>
      <Dialog
        open={open}
        onOpenChange={(_e, data) => {
          setOpen(data.open);
          if (!data.open) {
            setStage({ step: 'choose' });
            setProblem(undefined);
          }
        }}
      >
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>{t(`import.title.${kind}`)}</DialogTitle>
            <DialogContent className={styles.form}>
              {stage.step === 'choose' && (
                <Field
                  label={t('import.file')}
                  hint={t('import.hint', {
                    mb: format.number(wholeMegabytes(IMPORT_FILE_LIMITS.maxBytes)),
                    columns: format.number(IMPORT_FILE_LIMITS.maxColumns),
                    rows: format.number(IMPORT_FILE_LIMITS.maxSheetRows),
                  })}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="file"
                      accept=".csv,.tsv,.txt,.xlsx,text/csv"
                      onChange={(e) => void choose(e)}
                    />
                  )}
                </Field>
              )}
              {stage.step === 'reading' && (
                <Field label={t('import.reading')} validationState="none">
                  <ProgressBar />
                </Field>
              )}
              {stage.step === 'preview' && (
                <PreviewView
                  preview={stage.preview}
                  sheet={sheet}
                  busy={busy}
                  duplicates={duplicates}
                  onDuplicates={setDuplicates}
                  onRemap={(header, field) => void remap(stage.preview, header, field)}
                  onRevalue={(field, value, to) => void revalue(stage.preview, field, value, to)}
                  errorText={errorText}
                  skipText={skipText}
                />
              )}
              {stage.step === 'job' && (
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
                    {t('import.result', {
                      created: format.number(stage.result.created),
                      updated: format.number(stage.result.updated),
                      skipped: format.number(stage.result.skipped),
                      errors: format.number(stage.result.errors),
                    })}
                  </Text>
                  {stage.result.ignoredColumns.length > 0 && (
                    <Text>{t('import.ignored', { columns: stage.result.ignoredColumns.join(', ') })}</Text>
                  )}
                  {stage.result.valueMappings.slice(0, LISTED).map((m) => (
                    <Text key={`m${m.field}\n${m.value}`}>
                      {t('import.mapped', {
                        field: m.field,
                        value: m.value,
                        to: m.to ?? t('import.kept'),
                        rows: m.count,
                      })}
                    </Text>
                  ))}
                  {stage.result.skippedRows.slice(0, LISTED).map((s) => (
                    <Text key={`s${s.row}`}>{t('import.rowSays', { row: s.row, text: skipText(s) })}</Text>
                  ))}
                  {stage.result.errorRows.slice(0, LISTED).map((e) => (
                    <Text key={`e${e.row}-${e.field}`}>
                      {t('import.rowSays', { row: e.row, text: errorText(e) })}
                    </Text>
                  ))}
                  {stage.result.errors + stage.result.skipped > 0 && (
                    <Button onClick={() => void downloadErrors(stage.result)}>
                      {t('import.downloadErrors')}
                    </Button>
                  )}
                </div>
              )}
              {stage.step === 'failed' && (
                <MessageBar intent="error">
                  <MessageBarBody>{stage.message}</MessageBarBody>
                </MessageBar>
              )}
              {problem && (
                <MessageBar intent="error">
                  <MessageBarBody>{problem}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              {stage.step === 'preview' && (
                <Button
                  appearance="primary"
                  disabled={busy || stage.preview.missing.length > 0}
                  onClick={() => void run(stage.preview)}
                >
                  {t('import.start', { total: stage.preview.total })}
                </Button>
              )}
              {stage.step === 'failed' && (
                <Button onClick={() => setStage({ step: 'choose' })}>{t('import.again')}</Button>
              )}
              <Button onClick={() => setOpen(false)}>{t('dialog.close')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

type PreviewViewProps = {
  readonly preview: PreviewAnswer;
  readonly sheet: PreviewAnswer['sheet'];
  readonly busy: boolean;
  readonly duplicates: DuplicatePolicy;
  readonly onDuplicates: (policy: DuplicatePolicy) => void;
  readonly onRemap: (header: string, field: string) => void;
  readonly onRevalue: (field: string, value: string, to: string) => void;
  readonly errorText: (e: ImportRowError) => string;
  readonly skipText: (s: ImportSkip) => string;
};

/** The detected mapping, each column's field changeable; the value mappings; the first rows checked. */
function PreviewView({
  preview,
  sheet,
  busy,
  duplicates,
  onDuplicates,
  onRemap,
  onRevalue,
  errorText,
  skipText,
}: PreviewViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const optionsOf = new Map(preview.choices.map((c) => [c.field, c.options]));
  return (
    <>
      <Text>{t('import.previewOf', { total: format.number(preview.total) })}</Text>
      {sheet && <Text>{t('import.firstSheet', { name: sheet.name, count: sheet.count })}</Text>}
      {preview.ignoredColumns.length > 0 && (
        <Text>{t('import.ignored', { columns: preview.ignoredColumns.join(', ') })}</Text>
      )}
      {preview.missing.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('import.missing', { fields: preview.missing.join(', ') })}</MessageBarBody>
        </MessageBar>
      )}
      <table aria-label={t('import.columns')}>
        <thead>
          <tr>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.sample')}</th>
            <th scope="col">{t('import.field')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((column) => (
            <tr key={column.index}>
              <th scope="row">{column.header}</th>
              <td>{column.samples.join(' · ')}</td>
              <td>
                <Select
                  aria-label={t('import.fieldOf', { column: column.header })}
                  value={column.field ?? SKIP}
                  disabled={busy}
                  onChange={(_e, data) => onRemap(column.header, data.value)}
                >
                  <option value={SKIP}>{t('import.dontImport')}</option>
                  {preview.fields.map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.name}
                    </option>
                  ))}
                </Select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.values.length > 0 && (
        <ul aria-label={t('import.values')}>
          {preview.values.map((v) => {
            const options = optionsOf.get(v.field);
            return (
              <li key={`${v.field}\n${v.value}`}>
                {t(v.how === 'ask' ? 'import.valueAsk' : 'import.mapped', {
                  field: v.field,
                  value: v.value,
                  to: v.to ?? t('import.kept'),
                  rows: v.count,
                })}
                {options && (
                  <Select
                    aria-label={t('import.valueOf', { field: v.field, value: v.value })}
                    value={v.how === 'chosen' ? (v.to ?? SKIP) : SKIP}
                    disabled={busy}
                    onChange={(_e, data) => onRevalue(v.field, v.value, data.value)}
                  >
                    <option value={SKIP}>
                      {v.how === 'ask'
                        ? t('import.valueAskFirst', { to: v.to ?? '' })
                        : t('import.valueFound')}
                    </option>
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label ?? o.value}
                      </option>
                    ))}
                  </Select>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ul aria-label={t('import.firstRows')}>
        {preview.rows.map((r) => (
          <li key={r.row}>
            {t('import.rowSays', {
              row: r.row,
              text: [
                t(`import.outcome.${r.outcome}`),
                ...(r.errors ?? []).map(errorText),
                ...(r.skip ? [skipText(r.skip)] : []),
              ].join(' — '),
            })}
          </li>
        ))}
      </ul>
      <Field label={t('import.duplicates')}>
        <Select value={duplicates} onChange={(_e, data) => onDuplicates(data.value as DuplicatePolicy)}>
          {DUPLICATE_POLICIES.map((p) => (
            <option key={p} value={p}>
              {t(`import.duplicatePolicy.${p}`)}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
