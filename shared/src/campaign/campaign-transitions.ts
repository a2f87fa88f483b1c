import type { CampaignStatus } from './campaign';

/**
 * Where a campaign may go from each status. Completed and aborted are final: reopening would make
 * the results someone already reported on mean something else. Costs stay editable in any status
 * (the invoices of a trade show arrive after it is over); only the status is bound by this table.
 */
export const CAMPAIGN_TRANSITIONS: { readonly [S in CampaignStatus]: readonly CampaignStatus[] } = {
  planned: ['active', 'aborted'],
  active: ['completed', 'aborted'],
  completed: [],
  aborted: [],
};

export const canMoveCampaign = (from: CampaignStatus, to: CampaignStatus): boolean =>
  from === to || CAMPAIGN_TRANSITIONS[from].includes(to);
