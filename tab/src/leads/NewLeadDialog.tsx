import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
} from '@fluentui/react-components';
import { LEAD_SOURCES, type LeadCreateInput, type LeadSource } from '@crm/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_LEAD_FORM, LEAD_FORM_FIELDS, validateLeadForm, type LeadFormValues } from './lead-form';
import { useLeadsViewStyles } from './LeadsView.styles';

export type NewLeadDialogProps = {
  /** Resolves when the lead is saved; rejects with a translated message to show in the dialog. */
  readonly onCreate: (input: LeadCreateInput) => Promise<void>;
};

/** "New lead": the form checks the shared schema before anything is sent. */
export function NewLeadDialog({ onCreate }: NewLeadDialogProps) {
  const { t } = useTranslation();
  const styles = useLeadsViewStyles();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<LeadFormValues>(EMPTY_LEAD_FORM);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const reset = (next: boolean) => {
    setOpen(next);
    setValues(EMPTY_LEAD_FORM);
    setErrors({});
    setFailure(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = validateLeadForm(values);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    setBusy(true);
    try {
      await onCreate(result.input);
      reset(false);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_e, data) => reset(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">{t('leads.new')}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t('leads.new')}</DialogTitle>
            <DialogContent className={styles.form}>
              {LEAD_FORM_FIELDS.map((field) => {
                const error = errors[field];
                return (
                  <Field
                    key={field}
                    label={t(`leads.field.${field}`)}
                    required={field === 'lastName'}
                    validationMessage={error ? t(error) : undefined}
                  >
                    <Input
                      type={field === 'email' ? 'email' : 'text'}
                      value={values[field]}
                      onChange={(_e, data) => setValues((current) => ({ ...current, [field]: data.value }))}
                    />
                  </Field>
                );
              })}
              <Field label={t('leads.field.source')}>
                <Select
                  value={values.source}
                  onChange={(_e, data) =>
                    setValues((current) => ({ ...current, source: data.value as LeadSource }))
                  }
                >
                  {LEAD_SOURCES.map((source) => (
                    <option key={source} value={source}>
                      {t(`leads.sourceLabel.${source}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              {failure && (
                <MessageBar intent="error">
                  <MessageBarBody>{failure}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t('dialog.cancel')}</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabled={busy}>
                {t('dialog.create')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
