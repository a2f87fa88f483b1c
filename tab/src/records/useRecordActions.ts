import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, isStale } from '../api/api-error';
import type { Notice } from '../app/StateViews';

export type RecordActions = {
  readonly notice: Notice | undefined;
  readonly notify: (notice: Notice | undefined) => void;
  /**
   * Runs a change of the record: a mutation from `api/mutations.ts`, which refreshes what it
   * changed, also after a 412. A 412 says that someone else changed the record (the page shows the
   * fresh version by then); other failures say what the server said.
   */
  readonly run: (action: () => Promise<unknown>, success?: string) => Promise<boolean>;
  /** For form dialogs: a stale write closes the form and shows the fresh record; other errors stay in the form. */
  readonly guardStale: (action: () => Promise<unknown>) => Promise<void>;
};

/** `staleText` is the translation key of what a 412 says (default: someone else changed the record). */
export function useRecordActions(staleText = 'records.stale'): RecordActions {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice>();
  const stale = () => setNotice({ intent: 'warning', text: t(staleText) });
  return {
    notice,
    notify: setNotice,
    run: async (action, success) => {
      try {
        await action();
        setNotice(success ? { intent: 'success', text: success } : undefined);
        return true;
      } catch (error) {
        if (isStale(error)) stale();
        else setNotice({ intent: 'error', text: errorText(error, t) });
        return false;
      }
    },
    guardStale: async (action) => {
      try {
        await action();
        setNotice({ intent: 'success', text: t('records.saved') });
      } catch (error) {
        if (!isStale(error)) throw error;
        stale();
      }
    },
  };
}
