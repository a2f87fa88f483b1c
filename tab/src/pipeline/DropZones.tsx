import { mergeClasses } from '@fluentui/react-components';
import { DismissCircle20Regular, Trophy20Regular } from '@fluentui/react-icons';
import { useDroppable } from '@dnd-kit/core';
import { LOST, WON, type Stage } from '@crm/shared';
import { usePipelineBoardStyles } from './PipelineBoard.styles';

/** What a drop zone is to the board's collision detection; `stage` is where a card dropped on it goes. */
export const ZONE_DROP = { kind: 'zone' } as const;

export type DropZonesProps = {
  readonly stages: readonly Stage[];
  /** The carried deal's stage: its own zone is not offered. */
  readonly current: string;
  readonly stageName: (id: string) => string;
};

/**
 * Won and Lost across the foot of the window while a card is carried (Pipedrive's pattern): whatever
 * the board's scroll, a deal is closed by dropping it there. Lost asks for the reason, as a move to
 * the Lost column does. Pointer targets only: the keyboard closes a deal with "Move to…".
 */
export function DropZones({ stages, current, stageName }: DropZonesProps) {
  const styles = usePipelineBoardStyles();
  const offered = [WON, LOST].filter((id) => id !== current && stages.some((s) => s.id === id));
  if (offered.length === 0) return null;
  return (
    <div className={styles.zones} data-drop-zones>
      {offered.map((id) => (
        <Zone key={id} stage={id} name={stageName(id)} />
      ))}
    </div>
  );
}

function Zone({ stage, name }: { readonly stage: string; readonly name: string }) {
  const styles = usePipelineBoardStyles();
  const { setNodeRef, isOver } = useDroppable({ id: `zone:${stage}`, data: { ...ZONE_DROP, stage } });
  return (
    <div
      ref={setNodeRef}
      className={mergeClasses(
        styles.zone,
        stage === WON ? styles.won : styles.lost,
        isOver && (stage === WON ? styles.wonOver : styles.lostOver),
      )}
      data-zone={stage}
      data-drop-target={isOver || undefined}
    >
      {stage === WON ? <Trophy20Regular aria-hidden /> : <DismissCircle20Regular aria-hidden />}
      {name}
    </div>
  );
}
