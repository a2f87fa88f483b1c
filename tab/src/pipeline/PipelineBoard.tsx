import {
  DndContext,
  DragOverlay,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
} from '@dnd-kit/core';
import { Card, MessageBar, MessageBarBody, Spinner, Text, Title2 } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import type { BoardCards } from '../api/api-client';
import { useClosingDialog } from '../records/useClosingDialog';
import { DealCard } from './DealCard';
import { MoveQuestionDialog } from './MoveQuestionDialog';
import { stageName as nameOf } from './pipeline-format';
import { usePipelineBoardStyles } from './PipelineBoard.styles';
import { PipelineColumn } from './PipelineColumn';
import { StageHistoryDialog } from './StageHistoryDialog';
import { useBoardMoves, type Deal } from './useBoardMoves';
import { useWorkspaceLookups } from './useWorkspaceLookups';

export type PipelineBoardProps = { readonly workspaceId: string };

/** The board announces each move itself (role="status"), in the user's language. */
const SILENT: Announcements = {
  onDragStart: () => undefined,
  onDragMove: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};

/** The pipeline board: a column per workspace stage; drag a card, or move it by keyboard. */
export default function PipelineBoard({ workspaceId }: PipelineBoardProps) {
  const { t } = useTranslation();
  const styles = usePipelineBoardStyles();
  const api = useApi();
  const lookups = useWorkspaceLookups(workspaceId);
  const stages = lookups.stages;
  // One request: per stage its first deals, with every column's count and totals from the figures.
  const board = useQuery({ queryKey: queryKeys.board(workspaceId), queryFn: () => api.board(workspaceId) });
  // Deals loaded by "more" per stage; a fresh board (after a move, say) starts from its first pages.
  const [more, setMore] = useState<Readonly<Record<string, BoardCards>>>({});
  const [loadingMore, setLoadingMore] = useState<string>();
  const [moreError, setMoreError] = useState<unknown>();
  useEffect(() => setMore({}), [board.dataUpdatedAt]);
  const columnOf = (stageId: string) => board.data?.columns.find((c) => c.stage === stageId);
  const loadMore = async (stageId: string) => {
    const cursor = more[stageId]?.nextCursor ?? columnOf(stageId)?.nextCursor;
    if (!cursor) return;
    setLoadingMore(stageId);
    try {
      const page = await api.boardColumn(workspaceId, stageId, cursor);
      setMore((current) => ({
        ...current,
        [stageId]: {
          items: [...(current[stageId]?.items ?? []), ...page.items],
          nextCursor: page.nextCursor,
          stale: { ...current[stageId]?.stale, ...page.stale },
        },
      }));
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(undefined);
    }
  };
  const staleDays = useMemo(() => {
    const all = [...(board.data?.columns ?? []), ...Object.values(more)];
    return new Map(all.flatMap((c) => Object.entries(c.stale)));
  }, [board.data, more]);
  const stageName = (id: string) => {
    const stage = stages.find((s) => s.id === id);
    return stage ? nameOf(stage, t) : nameOf(id, t);
  };
  const { moving, move, question, answer, cancel, announcement } = useBoardMoves(workspaceId, stageName);
  const [historyOf, setHistoryOf] = useState<Deal>();
  const asking = useClosingDialog(question);
  const history = useClosingDialog(historyOf);
  const [dragged, setDragged] = useState<Deal>();
  // A press that moves a few pixels starts a drag; a click on the card's buttons stays a click.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  // Every deal once, in the column it is moving to while its PATCH is on its way.
  const deals = [
    ...(board.data?.columns ?? []).flatMap((c) => c.items),
    ...Object.values(more).flatMap((c) => c.items),
  ].filter((deal, i, all) => all.findIndex((d) => d.id === deal.id) === i);
  const dealsIn = (stageId: string) => deals.filter((d) => (moving.get(d.id) ?? d.stage) === stageId);
  const hasMore = (stageId: string) =>
    Boolean(stageId in more ? more[stageId]?.nextCursor : columnOf(stageId)?.nextCursor);
  const error = lookups.error ?? board.error ?? moreError;
  const loading = lookups.isPending || board.isPending;

  return (
    <section className={styles.view} aria-labelledby="pipeline-heading">
      <Title2 as="h2" id="pipeline-heading">
        {t('pipeline.heading')}
      </Title2>
      <Text id="pipeline-hint">{t('pipeline.dragHint')}</Text>
      <div role="status" aria-live="polite">
        {announcement && (
          <MessageBar intent={announcement.intent}>
            <MessageBarBody>{announcement.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{errorMessage(error, t)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {loading ? (
        <Spinner label={t('app.loading')} />
      ) : (
        <DndContext
          sensors={sensors}
          // The column under the pointer takes the card, wherever on the card the hand holds it.
          collisionDetection={pointerWithin}
          accessibility={{
            screenReaderInstructions: { draggable: t('pipeline.dragHint') },
            announcements: SILENT,
          }}
          onDragStart={({ active }) => setDragged(deals.find((d) => d.id === active.id))}
          onDragCancel={() => setDragged(undefined)}
          onDragEnd={({ active, over }) => {
            setDragged(undefined);
            const deal = deals.find((d) => d.id === active.id);
            if (deal && over) move(deal, String(over.id));
          }}
        >
          <div
            className={styles.board}
            role="group"
            aria-label={t('pipeline.boardLabel')}
            aria-describedby="pipeline-hint"
          >
            {stages.map((stage) => (
              <PipelineColumn
                key={stage.id}
                stage={stage}
                name={stageName(stage.id)}
                deals={dealsIn(stage.id)}
                count={columnOf(stage.id)?.count ?? 0}
                totals={columnOf(stage.id)?.totals ?? {}}
                {...(hasMore(stage.id)
                  ? { onMore: () => void loadMore(stage.id), loadingMore: loadingMore === stage.id }
                  : {})}
                renderCard={(deal) => (
                  <DealCard
                    key={deal.id}
                    deal={deal}
                    stages={stages}
                    stageName={stageName}
                    organisationName={lookups.organisationName(deal.organisationId)}
                    ownerName={lookups.memberName(deal.ownerId)}
                    {...(staleDays.has(deal.id) ? { staleDays: staleDays.get(deal.id) } : {})}
                    pending={moving.has(deal.id)}
                    onMove={(to) => move(deal, to)}
                    onHistory={() => setHistoryOf(deal)}
                  />
                )}
              />
            ))}
          </div>
          <DragOverlay>
            {dragged && (
              <Card size="small" className={styles.overlay}>
                <Text weight="semibold">{dragged.name}</Text>
              </Card>
            )}
          </DragOverlay>
        </DndContext>
      )}
      {asking.shown && (
        <MoveQuestionDialog
          key={asking.key}
          open={asking.open}
          question={asking.shown}
          stageName={stageName}
          onAnswer={answer}
          onCancel={cancel}
        />
      )}
      {history.shown && (
        <StageHistoryDialog
          key={history.key}
          open={history.open}
          workspaceId={workspaceId}
          deal={history.shown}
          stageName={stageName}
          memberName={lookups.memberName}
          onClose={() => setHistoryOf(undefined)}
        />
      )}
    </section>
  );
}
