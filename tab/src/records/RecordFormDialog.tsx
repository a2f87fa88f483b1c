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
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import { errorMessage } from '../api/api-error';
import { inputOf, patchOf, type FormField, type FormValues } from './form-field';
import { RecordForm } from './RecordForm';
import { useRecordFormStyles } from './RecordForm.styles';
import { validateWith } from './validate';

export type RecordFormDialogProps = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly title: string;
  readonly submitLabel: string;
  readonly fields: readonly FormField[];
  readonly schema: ZodType;
  readonly initial: FormValues;
  /** Edit mode: only changed fields are sent (a patch); create mode sends every non-blank one. */
  readonly mode: 'create' | 'edit';
  /** Sent with every create and checked with it, though not a field (an activity's `regarding`). */
  readonly extra?: Record<string, unknown>;
  /** Rejects with an API error to keep the dialog open and show it. */
  readonly onSubmit: (input: Record<string, unknown>) => Promise<void>;
};

/** Create or edit any record: the entity's fields, checked with the shared schema before sending. */
export function RecordFormDialog(props: RecordFormDialogProps) {
  const { open, onOpenChange } = props;
  return (
    <Dialog open={open} onOpenChange={(_e, data) => onOpenChange(data.open)}>
      <DialogSurface aria-describedby={undefined}>
        <FormBody {...props} />
      </DialogSurface>
    </Dialog>
  );
}

/** The surface mounts each time the dialog opens, so it starts from the record's current values. */
function FormBody({
  onOpenChange,
  title,
  submitLabel,
  fields,
  schema,
  initial,
  mode,
  extra,
  onSubmit,
}: RecordFormDialogProps) {
  const { t } = useTranslation();
  const styles = useRecordFormStyles();
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input =
      mode === 'create' ? { ...extra, ...inputOf(fields, values) } : patchOf(fields, initial, values);
    const checked = validateWith(schema, input);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setFailure(undefined);
    setBusy(true);
    try {
      await onSubmit(input);
      onOpenChange(false);
    } catch (error) {
      setFailure(errorMessage(error, t));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={styles.form}>
          <RecordForm
            fields={fields}
            values={values}
            errors={errors}
            onChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
          />
          {failure && (
            <MessageBar intent="error">
              <MessageBarBody>{failure}</MessageBarBody>
            </MessageBar>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onOpenChange(false)}>{t('dialog.cancel')}</Button>
          <Button type="submit" appearance="primary" disabled={busy}>
            {submitLabel}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
