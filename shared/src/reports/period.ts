import type { IsoDate } from '../common/types';

/** A stretch of days for a report: both bounds inclusive, either may be open. */
export type Period = { readonly from?: IsoDate; readonly to?: IsoDate };

/** Whether an instant (ISO 8601) falls on a UTC day inside the period; an absent instant never does. */
export const inPeriod = (instant: string | undefined, period: Period): boolean => {
  if (instant === undefined) return false;
  const day = instant.slice(0, 10);
  return (period.from === undefined || day >= period.from) && (period.to === undefined || day <= period.to);
};
