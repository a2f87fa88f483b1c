import {
  Button,
  Card,
  Link,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { CalendarClock16Regular, Clock16Regular, Warning16Regular } from '@fluentui/react-icons';
import { useDraggable } from '@dnd-kit/core';
import { isClosedStageId, type Stage } from '@crm/shared';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation';
import { useNextStepText } from '../deals/NextStep';
import { useFormat } from '../i18n/useFormat';
import { usePipelineBoardStyles } from './PipelineBoard.styles';
import type { Deal } from './useBoardMoves';

export type DealCardProps = {
  readonly deal: Deal;
  readonly stages: readonly Stage[];
  readonly stageName: (id: string) => string;
  readonly organisationName: string;
  readonly ownerName: string;
  /** Days without activity when the deal is stale. */
  readonly staleDays?: number;
  readonly pending: boolean;
  /** Now, for "overdue" (the board's clock, so every card agrees). */
  readonly now: number;
  readonly onMove: (to: string) => void;
  readonly onHistory: () => void;
};

/**
 * One deal on the board: its name (a link to the deal's page), organisation, amount, owner and next
 * activity (red when overdue, a warning when there is none), a small stale marker; drag it to another
 * column or a drop zone, or move it from its "Move to…" menu.
 */
export function DealCard(props: DealCardProps) {
  const { deal } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const navigation = useNavigation();
  const styles = usePipelineBoardStyles();
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: deal.id, disabled: props.pending });
  const organisation = props.organisationName;
  const amount =
    deal.amount === undefined ? t('pipeline.noAmount') : format.money(deal.amount, deal.currency);
  const stale = props.staleDays === undefined ? undefined : t('pipeline.stale', { days: props.staleDays });
  return (
    <li
      ref={setNodeRef}
      // Pointer listeners only: the keyboard moves a deal with its "Move to…" menu, so the card does
      // not become one more focus stop wrapping its own buttons.
      {...listeners}
      aria-busy={props.pending || undefined}
      data-deal-id={deal.id}
      className={mergeClasses(isDragging && styles.dragging)}
    >
      <Card
        className={mergeClasses(styles.card, props.pending && styles.pending)}
        size="small"
        aria-label={deal.name}
      >
        <div className={styles.cardTop}>
          <Link
            className={styles.cardTitle}
            href={navigation.href('opportunities', deal.id)}
            // The card is carried, not the link: no browser link drag.
            draggable={false}
          >
            {deal.name}
          </Link>
          {stale && (
            <span className={styles.stale} title={stale} role="img" aria-label={stale} data-stale>
              <Clock16Regular aria-hidden />
              {t('pipeline.staleShort', { days: props.staleDays })}
            </span>
          )}
        </div>
        {organisation && (
          <Text size={200} className={styles.line} title={organisation}>
            {organisation}
          </Text>
        )}
        <div className={styles.amountLine}>
          <Text size={200} className={styles.amount}>
            {amount}
          </Text>
          <Text size={200} className={mergeClasses(styles.owner, styles.muted)} title={props.ownerName}>
            · {props.ownerName}
          </Text>
        </div>
        <NextActivityLine deal={deal} now={props.now} />
        <div className={styles.cardActions}>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <MenuButton
                size="small"
                aria-label={t('pipeline.moveDeal', { name: deal.name })}
                disabled={props.pending}
              >
                {t('pipeline.moveTo')}
              </MenuButton>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {props.stages
                  .filter((s) => s.id !== deal.stage)
                  .map((s) => (
                    <MenuItem key={s.id} onClick={() => props.onMove(s.id)}>
                      {props.stageName(s.id)}
                    </MenuItem>
                  ))}
              </MenuList>
            </MenuPopover>
          </Menu>
          <Button
            size="small"
            appearance="subtle"
            aria-label={t('pipeline.historyOf', { name: deal.name })}
            onClick={props.onHistory}
          >
            {t('pipeline.history')}
          </Button>
        </div>
      </Card>
    </li>
  );
}

/** An open deal's next activity (subject · due day, red once overdue), or "No next step"; nothing when closed. */
function NextActivityLine({ deal, now }: { readonly deal: Deal; readonly now: number }) {
  const { t } = useTranslation();
  const styles = usePipelineBoardStyles();
  if (isClosedStageId(deal.stage)) return null;
  const next = deal.nextActivity;
  if (!next)
    return (
      <Text size={200} className={mergeClasses(styles.next, styles.noNext)} data-next-step="none">
        <Warning16Regular className={styles.nextIcon} aria-hidden />
        {t('nextStep.none')}
      </Text>
    );
  return <PlannedLine next={next} now={now} />;
}

function PlannedLine({
  next,
  now,
}: {
  readonly next: NonNullable<Deal['nextActivity']>;
  readonly now: number;
}) {
  const { t } = useTranslation();
  const styles = usePipelineBoardStyles();
  const { due, overdue, unsaid, whole } = useNextStepText(next, now);
  // A long subject is cut, never the due day: "Send the revised sc… · Tomorrow".
  return (
    <Text
      size={200}
      className={mergeClasses(styles.next, overdue && styles.overdue)}
      data-next-step={overdue ? 'overdue' : 'planned'}
      title={whole}
    >
      <CalendarClock16Regular className={styles.nextIcon} aria-hidden />
      <span className={styles.line}>
        {unsaid && <span className={styles.overdueWord}>{t('pipeline.overdue')} </span>}
        {next.subject}
      </span>
      {/* Its leading space reads "subject · due"; the line's gap spaces it on screen. */}
      <span className={styles.due}>{` · ${due}`}</span>
    </Text>
  );
}
