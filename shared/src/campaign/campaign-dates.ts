import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { CampaignDetails } from './campaign';

/** ISO dates compare as strings. A campaign may start and end on the same day. */
export function checkCampaignDates(c: Pick<CampaignDetails, 'startDate' | 'endDate'>): Result<void> {
  if (c.startDate === undefined || c.endDate === undefined || c.endDate >= c.startDate) return ok(undefined);
  return err(
    domainError(
      'CAMPAIGN.INVALID_DATES',
      `The end date ${c.endDate} is before the start date ${c.startDate}.`,
      {
        fields: { endDate: 'must not be before startDate' },
      },
    ),
  );
}
