import type { Stage } from '@crm/shared';
import type { TFunction } from 'i18next';

/** A stage's name: the workspace's own label, else the translated default, else its id. */
export const stageName = (stage: Pick<Stage, 'id' | 'label'> | string, t: TFunction): string =>
  typeof stage === 'string'
    ? t(`stages.${stage}`, { defaultValue: stage })
    : (stage.label ?? t(`stages.${stage.id}`, { defaultValue: stage.id }));
