import { Field, Select, mergeClasses } from '@fluentui/react-components';
import { LOST, WON, type Stage } from '@crm/shared';
import { useTranslation } from 'react-i18next';
import { useNarrow } from '../app/useNarrow';
import { useStagePathStyles } from './StagePath.styles';

export type StagePathProps = {
  /** The workspace's stages, in order (open ones, then won and lost). */
  readonly stages: readonly Stage[];
  readonly current: string;
  readonly stageName: (id: string) => string;
  /** A stage was chosen: the page asks what the move needs (a lost reason…) and sends it. */
  readonly onMove: (stage: string) => void;
  readonly disabled?: boolean;
};

/**
 * A deal's stages across the top of its page (Pipedrive's and HubSpot's stage path): every stage a
 * step, the ones passed and the current one marked; a click moves the deal there. On a narrow screen
 * the path is a select.
 */
export function StagePath({ stages, current, stageName, onMove, disabled }: StagePathProps) {
  const { t } = useTranslation();
  const styles = useStagePathStyles();
  const narrow = useNarrow();
  if (narrow)
    return (
      <Field label={t('dealPage.stagePath')}>
        <Select
          className={styles.select}
          value={current}
          disabled={disabled}
          onChange={(_e, data) => onMove(data.value)}
        >
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stageName(stage.id)}
            </option>
          ))}
        </Select>
      </Field>
    );
  const at = stages.findIndex((stage) => stage.id === current);
  const closed = current === WON || current === LOST;
  return (
    <ol className={styles.path} aria-label={t('dealPage.stagePath')}>
      {stages.map((stage, index) => {
        const name = stageName(stage.id);
        const isCurrent = stage.id === current;
        const tone = isCurrent
          ? current === WON
            ? styles.won
            : current === LOST
              ? styles.lost
              : styles.current
          : // Passed: an open stage before the current one (a closed deal passed them all).
            stage.kind === 'open' && (index < at || closed) && current !== LOST
            ? styles.passed
            : undefined;
        return (
          <li key={stage.id} className={styles.item}>
            <button
              type="button"
              className={mergeClasses(styles.step, tone)}
              aria-current={isCurrent ? 'step' : undefined}
              title={
                isCurrent
                  ? t('dealPage.stageCurrent', { stage: name })
                  : t('dealPage.moveTo', { stage: name })
              }
              disabled={disabled}
              onClick={() => !isCurrent && onMove(stage.id)}
            >
              {name}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
