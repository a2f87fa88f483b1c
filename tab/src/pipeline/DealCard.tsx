import {
  Badge,
  Button,
  Card,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { useDraggable } from '@dnd-kit/core';
import type { Stage } from '@crm/shared';
import { useTranslation } from 'react-i18next';
import { formatMoney } from './pipeline-format';
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
  readonly onMove: (to: string) => void;
  readonly onHistory: () => void;
};

/** One deal on the board: drag it to another column, or move it from its "Move to…" menu. */
export function DealCard(props: DealCardProps) {
  const { deal } = props;
  const { t, i18n } = useTranslation();
  const styles = usePipelineBoardStyles();
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: deal.id, disabled: props.pending });
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
        <Text weight="semibold">{deal.name}</Text>
        <Text size={200}>{props.organisationName}</Text>
        <Text size={200}>
          {deal.amount === undefined
            ? t('pipeline.noAmount')
            : formatMoney(deal.amount, deal.currency, i18n.language)}
        </Text>
        <Text size={200} className={styles.muted}>
          {props.ownerName}
        </Text>
        {props.staleDays !== undefined && (
          <Badge appearance="tint" color="warning" className={styles.staleBadge}>
            {t('pipeline.stale', { days: props.staleDays })}
          </Badge>
        )}
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
