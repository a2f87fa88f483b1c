import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordPlural } from '../api/api-client';
import { ApiError, errorMessage } from '../api/api-error';
import type { Notice } from '../app/StateViews';

export type RecordActions = {
  readonly notice: Notice | undefined;
  readonly notify: (notice: Notice | undefined) => void;
  /**
   * Runs a change of the record. Success refreshes every list and view of the kind; a 412 says that
   * someone else changed the record and reloads it, so the page shows the fresh version.
   */
  readonly run: (action: () => Promise<unknown>, success?: string) => Promise<boolean>;
  /** For form dialogs: a stale write closes the form and shows the fresh record; other errors stay in the form. */
  readonly guardStale: (action: () => Promise<unknown>) => Promise<void>;
};

export const isStale = (error: unknown): boolean => error instanceof ApiError && error.kind === 'stale';

/**
 * `key` is the first part of the query keys to refresh: a record kind's plural, or `workspace`.
 * `staleText` is the translation key of what a 412 says (default: someone else changed the record).
 */
export function useRecordActions(
  workspaceId: string,
  key: RecordPlural | 'workspace',
  staleText = 'records.stale',
): RecordActions {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<Notice>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: [key, workspaceId] });
  const stale = async () => {
    await refresh();
    setNotice({ intent: 'warning', text: t(staleText) });
  };
  return {
    notice,
    notify: setNotice,
    run: async (action, success) => {
      try {
        await action();
        await refresh();
        setNotice(success ? { intent: 'success', text: success } : undefined);
        return true;
      } catch (error) {
        if (isStale(error)) await stale();
        else setNotice({ intent: 'error', text: errorMessage(error, t) });
        return false;
      }
    },
    guardStale: async (action) => {
      try {
        await action();
        await refresh();
        setNotice({ intent: 'success', text: t('records.saved') });
      } catch (error) {
        if (!isStale(error)) throw error;
        await stale();
      }
    },
  };
}
