import type { Opportunity } from '@crm/shared';
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
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { fetchReport } from '../api/reports';
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

/** Deals per column; a column holding more is rare enough to show its first page only. */
const COLUMN_LIMIT = '1000';

/** The pipeline board: a column per workspace stage; drag a card, or move it by keyboard. */
export default function PipelineBoard({ workspaceId }: PipelineBoardProps) {
  const { t } = useTranslation();
  const styles = usePipelineBoardStyles();
  const api = useApi();
  const lookups = useWorkspaceLookups(workspaceId);
  const stages = lookups.stages;
  const columns = useQueries({
    queries: stages.map((stage) => ({
      queryKey: queryKeys.stageColumn(workspaceId, { stage: stage.id, limit: COLUMN_LIMIT }),
      queryFn: () =>
        api.list<Opportunity>(workspaceId, 'opportunities', { stage: stage.id, limit: COLUMN_LIMIT }),
    })),
  });
  const stale = useQuery({
    queryKey: queryKeys.report(workspaceId, 'stale-deals'),
    queryFn: () => fetchReport(api, workspaceId, 'stale-deals'),
  });
  const staleDays = useMemo(
    () => new Map((stale.data?.deals ?? []).map((d) => [d.opportunity.id, d.daysInactive])),
    [stale.data],
  );
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
  const deals = columns.flatMap((c) => c.data?.items ?? []);
  const dealsIn = (stageId: string) => deals.filter((d) => (moving.get(d.id) ?? d.stage) === stageId);
  const error = lookups.error ?? columns.find((c) => c.error)?.error ?? stale.error;
  const loading = lookups.isPending || columns.some((c) => c.isPending);

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
