import type { LeadStatus } from './lead';

/**
 * Where a lead may go from each status (the Salesforce default lead process). Converting is a move
 * of its own (`decideConversion`); a converted lead is read-only, so it goes nowhere.
 */
export const LEAD_TRANSITIONS: { readonly [S in LeadStatus]: readonly LeadStatus[] } = {
  'open-not-contacted': ['working-contacted', 'closed-not-converted', 'closed-converted'],
  'working-contacted': ['open-not-contacted', 'closed-not-converted', 'closed-converted'],
  // Reopening a disqualified lead means someone is talking to them again.
  'closed-not-converted': ['working-contacted'],
  'closed-converted': [],
};

export const canMoveLead = (from: LeadStatus, to: LeadStatus): boolean => LEAD_TRANSITIONS[from].includes(to);
