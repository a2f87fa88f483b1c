import { definedOnly, newAudit, type CreateContext } from '../common/record-change';
import { ok, type Result } from '../common/result';
import type { WorkspaceSettings } from '../workspace/workspace';
import type { Campaign } from './campaign';
import { checkCampaignDates } from './campaign-dates';
import type { CampaignCreateInput } from './campaign.schema';

export type CreateCampaignContext = CreateContext & {
  readonly settings: Pick<WorkspaceSettings, 'defaultCurrency'>;
};

export function decideCampaignCreation(
  input: CampaignCreateInput,
  ctx: CreateCampaignContext,
): Result<Campaign> {
  const dates = checkCampaignDates(input);
  if (!dates.ok) return dates;
  const { status, currency, ownerId, ...details } = input;
  return ok({
    ...definedOnly(details),
    id: ctx.id,
    workspaceId: ctx.workspaceId,
    status: status ?? 'planned',
    currency: currency ?? ctx.settings.defaultCurrency,
    ownerId: ownerId ?? ctx.actor,
    ...newAudit(ctx),
  });
}
