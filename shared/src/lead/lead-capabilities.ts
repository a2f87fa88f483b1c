import { isOpenLeadStatus, type Lead } from './lead';
import { LEAD_TRANSITIONS } from './lead-transitions';

/**
 * What can be done to a lead as it is now, read from its status's row of the transition table. The
 * one owner of these facts: the bot's buttons, the tab's buttons and selection, and the API's
 * `capabilities` all ask here, and the decisions (`decideConversion`, `decideDisqualification`,
 * `decideReopening`, `ensureLeadDeletable`, `decideLeadUpdate`) agree with it (lead-capabilities.spec.ts).
 */
export type LeadCapabilities = {
  /** Its details, checklist and (open) status can change: every lead but a converted one. */
  readonly edit: boolean;
  /** It may become closed-converted (`convertLead`). */
  readonly convert: boolean;
  /** It may become closed-not-converted with a reason (`disqualifyLead`). */
  readonly disqualify: boolean;
  /** It is closed and may go back to an open status (`reopenLead`). */
  readonly reopen: boolean;
  /** It may go to the recycle bin. */
  readonly delete: boolean;
};

export function leadCapabilities(lead: Pick<Lead, 'status'>): LeadCapabilities {
  const next = LEAD_TRANSITIONS[lead.status];
  // A status that leads nowhere is final: the lead is the read-only record of what became of it.
  const final = next.length === 0;
  return {
    edit: !final,
    convert: next.includes('closed-converted'),
    disqualify: next.includes('closed-not-converted'),
    reopen: !isOpenLeadStatus(lead.status) && next.some(isOpenLeadStatus),
    delete: !final,
  };
}

/** An open lead nobody has talked to yet may be marked contacted (status working-contacted). */
export const canMarkContacted = (lead: Pick<Lead, 'status'>): boolean =>
  isOpenLeadStatus(lead.status) && LEAD_TRANSITIONS[lead.status].includes('working-contacted');

/** A converted lead: it carries what it became (`convertedOrganisationId`...). */
export const isConvertedLead = <L extends Pick<Lead, 'status'>>(
  lead: L,
): lead is L & { readonly status: 'closed-converted' } => lead.status === 'closed-converted';

/** A disqualified lead: it carries its reason (`disqualificationReason`, `disqualifiedAt`). */
export const isDisqualifiedLead = <L extends Pick<Lead, 'status'>>(
  lead: L,
): lead is L & { readonly status: 'closed-not-converted' } => lead.status === 'closed-not-converted';
