import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/api-error';
import { useToastStyles } from './Toasts.styles';

export type Toast = {
  readonly intent: 'success' | 'error' | 'warning' | 'info';
  readonly text: string;
  /** One thing to do about it: "Undo" after a delete. */
  readonly action?: { readonly label: string; readonly run: () => Promise<unknown> };
};

type Shown = Toast & { readonly id: number };

const ToastContext = createContext<((toast: Toast) => void) | undefined>(undefined);

/** Shows a toast; outside a provider (a view alone in a spec) toasts go nowhere. */
export const useToast = (): ((toast: Toast) => void) => useContext(ToastContext) ?? (() => undefined);

/** How many toasts stay on screen at once; an older one makes room for a newer one. */
const KEEP = 3;

/**
 * Short-lived news at the bottom of the screen (announced politely), each with an optional action —
 * "Lead Pieter Jansen moved to the recycle bin. Undo". A toast stays until dismissed, replaced by
 * newer ones or its action is done, so no one misses it for being slow.
 */
export function ToastProvider({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const styles = useToastStyles();
  const [toasts, setToasts] = useState<readonly Shown[]>([]);
  const seq = useRef(0);
  const show = useCallback((toast: Toast) => {
    const id = ++seq.current;
    setToasts((current) => [...current, { ...toast, id }].slice(-KEEP));
  }, []);
  const dismiss = (id: number) => setToasts((current) => current.filter((toast) => toast.id !== id));
  const run = async (toast: Shown) => {
    dismiss(toast.id);
    try {
      await toast.action?.run();
    } catch (error) {
      show({ intent: 'error', text: errorText(error, t) });
    }
  };
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className={styles.region} role="status" aria-live="polite">
        {toasts.map((toast) => (
          <MessageBar key={toast.id} intent={toast.intent} className={styles.toast}>
            <MessageBarBody>{toast.text}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  size="small"
                  icon={<Dismiss16Regular />}
                  aria-label={t('app.dismiss')}
                  onClick={() => dismiss(toast.id)}
                />
              }
            >
              {toast.action && (
                <Button size="small" onClick={() => void run(toast)}>
                  {toast.action.label}
                </Button>
              )}
            </MessageBarActions>
          </MessageBar>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
