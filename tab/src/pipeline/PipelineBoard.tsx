import {
  DndContext,
  DragOverlay,
  MeasuringStrategy,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type Modifier,
} from '@dnd-kit/core';
import { Card, Field, MessageBar, MessageBarBody, Spinner, Text, Title2 } from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import type { BoardCards } from '../api/api-client';
import { useNavigation } from '../app/navigation';
import { useFormat } from '../i18n/useFormat';
import { MemberSelect } from '../owners/MemberSelect';
import { useClosingDialog } from '../records/useClosingDialog';
import { DealCard } from './DealCard';
import { DealTotalsList } from './DealTotals';
import { DropZones, ZONE_DROP } from './DropZones';
import { StageQuestionDialog } from '../deals/StageQuestionDialog';
import { stageName as nameOf } from './pipeline-format';
import { usePipelineBoardStyles } from './PipelineBoard.styles';
import { useRecordListStyles } from '../records/RecordListView.styles';
import { COLUMN_DROP, PipelineColumn } from './PipelineColumn';
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

/** The address's owner filter: absent (everyone), `me`, or a member's user id. */
const OWNER_PARAM = 'owner';

/**
 * Where a carried card would land: a Won / Lost drop zone under the pointer first (they lie over the
 * columns), else the column under the pointer, and only while the pointer is inside the board's
 * visible part (a column scrolled out of view is not a target). Nothing else: no nearest column, so
 * a card lands where it is released or nowhere. The rects dnd-kit hands over follow the board's
 * scrolling (they are corrected by its scroll offset), so auto-scroll cannot shift the target.
 */
export function boardCollisions(board: () => DOMRect | undefined): CollisionDetection {
  return (args) => {
    const of = (kind: string) =>
      args.droppableContainers.filter(
        (c) => (c.data.current as { kind?: string } | undefined)?.kind === kind,
      );
    const zones = pointerWithin({ ...args, droppableContainers: of(ZONE_DROP.kind) });
    if (zones.length > 0) return zones.slice(0, 1);
    const pointer = args.pointerCoordinates;
    const visible = board();
    if (!pointer || !visible) return [];
    const inside =
      pointer.x >= visible.left &&
      pointer.x <= visible.right &&
      pointer.y >= visible.top &&
      pointer.y <= visible.bottom;
    return inside ? pointerWithin({ ...args, droppableContainers: of(COLUMN_DROP.kind) }).slice(0, 1) : [];
  };
}

/**
 * The carried card stays inside the window: lifted from a column half out of view at the board's
 * right edge, it is drawn whole at the edge, not cut by the window. Only the picture moves: where it
 * lands is still the pointer's (`boardCollisions`).
 */
export const keepInWindow: Modifier = ({ transform, draggingNodeRect: card, windowRect: window }) => {
  if (!card || !window) return transform;
  const clamp = (value: number, least: number, most: number) => Math.max(least, Math.min(most, value));
  return {
    ...transform,
    x: clamp(transform.x, window.left - card.left, window.right - card.right),
    y: clamp(transform.y, window.top - card.top, window.bottom - card.bottom),
  };
};

/** The pipeline board: a column per workspace stage; drag a card, or move it by keyboard. */
export default function PipelineBoard({ workspaceId }: PipelineBoardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = usePipelineBoardStyles();
  const list = useRecordListStyles();
  const api = useApi();
  const navigation = useNavigation();
  const owner = navigation.query[OWNER_PARAM] ?? '';
  const setOwner = (value: string) => {
    const { [OWNER_PARAM]: _old, ...rest } = navigation.query;
    navigation.setQuery(value ? { ...rest, [OWNER_PARAM]: value } : rest);
  };
  const lookups = useWorkspaceLookups(workspaceId);
  const stages = lookups.stages;
  // One request: per stage its first deals, with every column's count and totals from the figures.
  const board = useQuery({
    queryKey: queryKeys.board(workspaceId, owner || undefined),
    queryFn: () => api.board(workspaceId, owner || undefined),
    // Another owner chosen: the board stays as it was until theirs arrives (no spinner flash).
    placeholderData: keepPreviousData,
  });
  // Deals loaded by "more" per stage; a fresh board (after a move, say) starts from its first pages.
  const [more, setMore] = useState<Readonly<Record<string, BoardCards>>>({});
  const [loadingMore, setLoadingMore] = useState<string>();
  const [moreError, setMoreError] = useState<unknown>();
  useEffect(() => setMore({}), [board.dataUpdatedAt, owner]);
  const columnOf = (stageId: string) => board.data?.columns.find((c) => c.stage === stageId);
  const loadMore = async (stageId: string) => {
    const cursor = more[stageId]?.nextCursor ?? columnOf(stageId)?.nextCursor;
    if (!cursor) return;
    setLoadingMore(stageId);
    try {
      const page = await api.boardColumn(workspaceId, stageId, cursor, owner || undefined);
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
  const boardRef = useRef<HTMLDivElement>(null);
  const collisions = useMemo(() => boardCollisions(() => boardRef.current?.getBoundingClientRect()), []);
  const sensors = useSensors(
    // A mouse press that moves a few pixels starts a drag; a click on the card's links and buttons
    // stays a click.
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // A finger holds the card still for a moment first; a swipe (moving sooner) scrolls as ever.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
  );
  const now = board.dataUpdatedAt || Date.now();

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
  const pipeline = board.data?.pipeline;

  return (
    <section className={styles.view} aria-labelledby="pipeline-heading">
      <div className={styles.toolbar}>
        <Title2 as="h2" id="pipeline-heading" className={list.titleText}>
          {t('pipeline.heading')}
        </Title2>
        <Field label={t('pipeline.owner')} orientation="horizontal" className={styles.ownerFilter}>
          <MemberSelect
            workspaceId={workspaceId}
            value={owner}
            onChange={setOwner}
            blankLabel={t('pipeline.everyone')}
            choices={[{ value: 'me', label: t('pipeline.me') }]}
            className={styles.ownerSelect}
          />
        </Field>
      </div>
      {pipeline && (
        <section className={styles.summary} aria-labelledby="pipeline-summary">
          <Text weight="semibold" id="pipeline-summary">
            {t('pipeline.openPipeline')}
          </Text>
          {pipeline.count === 0 ? (
            <Text size={200} className={styles.muted}>
              {t('pipeline.noOpenDeals')}
            </Text>
          ) : (
            <DealTotalsList totals={pipeline.totals} className={styles.summaryLines} counts="always" />
          )}
        </section>
      )}
      <Text id="pipeline-hint" size={200} className={styles.muted}>
        {t('pipeline.dragHint')}
      </Text>
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
          collisionDetection={collisions}
          // Columns and zones are measured again while the board scrolls under a carried card.
          measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
          // Near the board's (or the window's) edge the board scrolls, a tenth of its width wide.
          autoScroll={{ threshold: { x: 0.1, y: 0.1 }, acceleration: 8 }}
          accessibility={{
            screenReaderInstructions: { draggable: t('pipeline.dragHint') },
            announcements: SILENT,
          }}
          onDragStart={({ active }) => setDragged(deals.find((d) => d.id === active.id))}
          onDragCancel={() => setDragged(undefined)}
          onDragEnd={({ active, over }) => {
            setDragged(undefined);
            const deal = deals.find((d) => d.id === active.id);
            const to = (over?.data.current as { stage?: string } | undefined)?.stage ?? over?.id;
            if (deal && to !== undefined) move(deal, String(to));
          }}
        >
          <div
            ref={boardRef}
            className={styles.board}
            role="group"
            aria-label={t('pipeline.boardLabel')}
            aria-describedby="pipeline-hint"
            data-board
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
                    now={now}
                    onMove={(to) => move(deal, to)}
                    onHistory={() => setHistoryOf(deal)}
                  />
                )}
              />
            ))}
          </div>
          {dragged && <DropZones stages={stages} current={dragged.stage} stageName={stageName} />}
          {/* Above the drop zones (z-index 1000): the carried card stays in sight over Won and Lost. */}
          <DragOverlay zIndex={1001} modifiers={[keepInWindow]}>
            {dragged && (
              <Card size="small" className={styles.overlay}>
                <Text weight="semibold">{dragged.name}</Text>
                {dragged.amount !== undefined && (
                  <Text size={200}>{format.money(dragged.amount, dragged.currency)}</Text>
                )}
              </Card>
            )}
          </DragOverlay>
        </DndContext>
      )}
      {asking.shown && (
        <StageQuestionDialog
          key={asking.key}
          open={asking.open}
          question={asking.shown}
          dealName={asking.shown.deal.name}
          closed={asking.shown.deal.closedAt !== undefined}
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
