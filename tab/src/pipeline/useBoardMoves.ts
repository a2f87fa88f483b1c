import { LOST, type Opportunity } from '@crm/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { errorMessage, isStale } from '../api/api-error';
import { useMoveStage } from '../api/mutations';

export type Deal = WithEtag<Opportunity>;

/** A move that needs the user's word first: the lost reason, or consent to reopen a closed deal. */
export type PendingQuestion = { readonly deal: Deal; readonly to: string; readonly kind: 'lost' | 'reopen' };

export type Announcement = { readonly intent: 'success' | 'error' | 'warning'; readonly text: string };

/**
 * Moving deals between stages on the board. While a PATCH is on its way the card shows in its new
 * column; a failure puts it back. The move (`useMoveStage`) reloads the board whatever the outcome,
 * so after a 412 (someone else saved first) the card shows the deal as it is now. Which stages need
 * what (a lost reason, `reopen`) is the server's rule; the board only asks for what the PATCH must
 * carry.
 */
export function useBoardMoves(workspaceId: string, stageName: (id: string) => string) {
  const { t } = useTranslation();
  const moveStage = useMoveStage(workspaceId);
  const [moving, setMoving] = useState<ReadonlyMap<string, string>>(new Map());
  const [question, setQuestion] = useState<PendingQuestion>();
  const [announcement, setAnnouncement] = useState<Announcement>();

  const settle = (id: string) =>
    setMoving((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });

  const send = async (deal: Deal, to: string, extra: Record<string, unknown> = {}) => {
    setMoving((current) => new Map(current).set(deal.id, to));
    try {
      await moveStage.mutateAsync({ deal, stage: to, extra });
      setAnnouncement({
        intent: 'success',
        text: t('pipeline.moved', { name: deal.name, stage: stageName(to) }),
      });
    } catch (error) {
      const stale = isStale(error);
      setAnnouncement({
        intent: stale ? 'warning' : 'error',
        text: stale ? t('pipeline.conflict', { name: deal.name }) : errorMessage(error, t),
      });
    } finally {
      settle(deal.id);
    }
  };

  /** Dropped on a column or chosen from "Move to…". */
  const move = (deal: Deal, to: string) => {
    if (to === deal.stage || moving.has(deal.id)) return;
    if (to === LOST) return setQuestion({ deal, to, kind: 'lost' });
    if (deal.closedAt !== undefined) return setQuestion({ deal, to, kind: 'reopen' });
    void send(deal, to);
  };

  /** The user answered the question: a lost reason, or yes to reopening. */
  const answer = (lostReason?: string) => {
    if (!question) return;
    setQuestion(undefined);
    const reopen = question.deal.closedAt !== undefined ? { reopen: true } : {};
    void send(question.deal, question.to, { ...reopen, ...(lostReason ? { lostReason } : {}) });
  };

  return { moving, move, question, answer, cancel: () => setQuestion(undefined), announcement };
}
