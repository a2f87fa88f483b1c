import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/api-error';
import { useStateStyles } from './StateViews.styles';

/** While something loads: a labelled spinner screen readers announce. */
export function LoadingState() {
  const { t } = useTranslation();
  return <Spinner label={t('app.loading')} />;
}

export type ErrorStateProps = { readonly error: unknown; readonly onRetry?: () => void };

/** A failed load, in the user's words, with a way to try again. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error">
      <MessageBarBody>{errorMessage(error, t)}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('app.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export type Notice = {
  readonly intent: 'success' | 'error' | 'warning';
  readonly text: string;
  /** What it is made of, one line each: which records of a bulk action failed, and why. */
  readonly items?: readonly string[];
};

export type NoticeBarProps = {
  readonly notice: Notice | undefined;
  /** One thing to do about it: "Reload" after someone else changed the record. */
  readonly action?: { readonly label: string; readonly run: () => void };
};

/** The outcome of the last action, announced politely (role=status). */
export function NoticeBar({ notice, action }: NoticeBarProps) {
  const styles = useStateStyles();
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} role="status" layout={notice.items?.length ? 'multiline' : 'auto'}>
      <MessageBarBody>
        {notice.text}
        {notice.items && notice.items.length > 0 && (
          <ul className={styles.items}>
            {notice.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {action && (
        <MessageBarActions>
          <Button size="small" onClick={action.run}>
            {action.label}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** Nothing to show yet: one quiet sentence. */
export function EmptyState({ text }: { readonly text: string }) {
  return <Text>{text}</Text>;
}
