import { domainError } from '../common/domain-error';
import { applyPatch, touched, type ChangeContext } from '../common/record-change';
import { err, ok, type Result } from '../common/result';
import type { Campaign } from './campaign';
import { checkCampaignDates } from './campaign-dates';
import { CAMPAIGN_TRANSITIONS, canMoveCampaign } from './campaign-transitions';
import type { CampaignPatchInput } from './campaign.schema';

export function decideCampaignUpdate(
  campaign: Campaign,
  patch: CampaignPatchInput,
  ctx: ChangeContext,
): Result<Campaign> {
  if (patch.status !== undefined && !canMoveCampaign(campaign.status, patch.status)) {
    const allowed = CAMPAIGN_TRANSITIONS[campaign.status];
    return err(
      domainError(
        'CAMPAIGN.INVALID_TRANSITION',
        `A ${campaign.status} campaign cannot become ${patch.status}` +
          (allowed.length ? ` (only ${allowed.join(' or ')}).` : ` (${campaign.status} is final).`),
        { details: { from: campaign.status, to: patch.status } },
      ),
    );
  }
  const next = applyPatch(campaign, patch).record;
  const dates = checkCampaignDates(next);
  if (!dates.ok) return dates;
  return ok(touched(next, ctx));
}
