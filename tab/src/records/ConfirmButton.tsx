import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type ConfirmButtonProps = {
  readonly label: string;
  /** Accessible name of the button when the visible label is not enough ("Delete Pieter Jansen"). */
  readonly ariaLabel?: string;
  readonly title: string;
  readonly text?: string;
  readonly confirmLabel: string;
  /** Asks for a reason (required) before confirming; its field's label. */
  readonly reasonLabel?: string;
  readonly disabled?: boolean;
  readonly onConfirm: (reason: string) => Promise<void> | void;
};

/** An action that asks first (delete, purge, disqualify with a reason). */
export function ConfirmButton({
  label,
  ariaLabel,
  title,
  text,
  confirmLabel,
  reasonLabel,
  disabled,
  onConfirm,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reasonLabel && !reason.trim()) return setMissing(true);
    setOpen(false);
    await onConfirm(reason.trim());
  };
  return (
    <>
      <Button size="small" disabled={disabled} aria-label={ariaLabel} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(_e, data) => {
          setOpen(data.open);
          setReason('');
          setMissing(false);
        }}
      >
        <DialogSurface aria-describedby={undefined}>
          <form onSubmit={submit} noValidate>
            <DialogBody>
              <DialogTitle>{title}</DialogTitle>
              <DialogContent>
                {text}
                {reasonLabel && (
                  <Field
                    label={reasonLabel}
                    required
                    validationMessage={missing ? t('validation.required') : undefined}
                  >
                    <Textarea value={reason} onChange={(_e, data) => setReason(data.value)} />
                  </Field>
                )}
              </DialogContent>
              <DialogActions>
                <Button onClick={() => setOpen(false)}>{t('dialog.cancel')}</Button>
                <Button type="submit" appearance="primary">
                  {confirmLabel}
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </>
  );
}
