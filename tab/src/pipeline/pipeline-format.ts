import type { Stage } from '@crm/shared';
import type { TFunction } from 'i18next';

/** Money in the reader's language; an unknown currency code still shows, as "1,000 XYZ". */
export function formatMoney(amount: number, currency: string, language: string): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(language).format(amount)} ${currency}`;
  }
}

export const formatPercent = (ratio: number, language: string): string =>
  new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

export const formatDate = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));

/** A stage's name: the workspace's own label, else the translated default, else its id. */
export const stageName = (stage: Pick<Stage, 'id' | 'label'> | string, t: TFunction): string =>
  typeof stage === 'string'
    ? t(`stages.${stage}`, { defaultValue: stage })
    : (stage.label ?? t(`stages.${stage.id}`, { defaultValue: stage.id }));
