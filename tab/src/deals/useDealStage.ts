import { LOST, WON, type Opportunity } from '@crm/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { errorText, isStale } from '../api/api-error';
import { useMoveStage } from '../api/mutations';
import type { Notice } from '../app/StateViews';

/** What a move asks before it is sent: why it was lost, whether it was won, whether to reopen. */
export type StageQuestion = { readonly to: string; readonly kind: 'won' | 'lost' | 'reopen' };

/**
 * A deal page's moves along its stage path. Lost asks for the reason and Won asks to confirm (both
 * close the deal); moving a closed deal asks to reopen it (the PATCH must say `reopen`). What each
 * move requires is the server's rule; the page only asks for what the PATCH must carry. The move
 * refreshes the deal whatever the outcome, so after a 412 the page shows it as it now is.
 */
export function useDealStage(
  workspaceId: string,
  deal: WithEtag<Opportunity>,
  stageName: (id: string) => string,
) {
  const { t } = useTranslation();
  const moveStage = useMoveStage(workspaceId);
  const [question, setQuestion] = useState<StageQuestion>();
  const [notice, setNotice] = useState<Notice>();

  const send = async (to: string, extra: Record<string, unknown>) => {
    try {
      await moveStage.mutateAsync({ deal, stage: to, extra });
      setNotice({ intent: 'success', text: t('dealPage.moved', { name: deal.name, stage: stageName(to) }) });
    } catch (error) {
      setNotice(
        isStale(error)
          ? { intent: 'warning', text: t('records.stale') }
          : { intent: 'error', text: errorText(error, t) },
      );
    }
  };

  const move = (to: string) => {
    if (to === deal.stage || moveStage.isPending) return;
    if (to === LOST) return setQuestion({ to, kind: 'lost' });
    if (to === WON) return setQuestion({ to, kind: 'won' });
    if (deal.closedAt !== undefined) return setQuestion({ to, kind: 'reopen' });
    void send(to, {});
  };

  /** The user answered: the lost reason, or yes. */
  const answer = (lostReason?: string) => {
    if (!question) return;
    setQuestion(undefined);
    const reopen = deal.closedAt !== undefined ? { reopen: true } : {};
    void send(question.to, { ...reopen, ...(lostReason ? { lostReason } : {}) });
  };

  return {
    move,
    question,
    answer,
    cancel: () => setQuestion(undefined),
    notice,
    busy: moveStage.isPending,
  };
}
