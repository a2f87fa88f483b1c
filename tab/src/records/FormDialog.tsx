import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NoticeBar } from '../app/StateViews';

export type FormDialogProps = {
  /** Open unless false: closing before unmounting lets Fluent give the page back to assistive tech. */
  readonly open?: boolean;
  readonly title: string;
  readonly submitLabel: string;
  readonly onSubmit: (event: FormEvent) => void;
  readonly onClose: () => void;
  readonly busy?: boolean;
  /** A translated sentence saying why the last try failed. */
  readonly failure?: string;
  /** What the server said about it, point by point (field, value, reason). */
  readonly failureLines?: readonly string[];
  readonly contentClassName?: string;
  readonly children: ReactNode;
};

/** An open dialog holding a form: title, fields, the failure if any, Cancel and the submit button. */
export function FormDialog(props: FormDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open ?? true} onOpenChange={(_e, data) => !data.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={props.onSubmit} noValidate>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={props.contentClassName}>
              {props.children}
              {props.failure && (
                <NoticeBar
                  notice={{
                    intent: 'error',
                    text: props.failure,
                    ...(props.failureLines ? { items: props.failureLines } : {}),
                  }}
                />
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={props.onClose}>{t('dialog.cancel')}</Button>
              <Button type="submit" appearance="primary" disabled={props.busy}>
                {props.submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
