import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/api-error';
import type { Notice } from '../app/StateViews';

/** Runs an action, announces its success or its error in the user's words, then refreshes `queryKey`. */
export function useNotifiedAction(queryKey: readonly unknown[]) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<Notice>();
  const run = async (action: () => Promise<unknown>, success: string) => {
    try {
      await action();
      setNotice({ intent: 'success', text: success });
    } catch (error) {
      setNotice({ intent: 'error', text: errorMessage(error, t) });
    }
    await queryClient.invalidateQueries({ queryKey });
  };
  return { notice, run };
}
