import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/api-error';
import type { Notice } from '../app/StateViews';

/**
 * Runs an action (a mutation from `api/mutations.ts`, which refreshes what it changed) and announces
 * its success or its error in the user's words.
 */
export function useNotifiedAction() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice>();
  const run = async (action: () => Promise<unknown>, success: string) => {
    try {
      await action();
      setNotice({ intent: 'success', text: success });
    } catch (error) {
      setNotice({ intent: 'error', text: errorText(error, t) });
    }
  };
  return { notice, run };
}
