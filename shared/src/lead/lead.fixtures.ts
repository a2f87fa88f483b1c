import type { ConvertedLead, DisqualifiedLead, Lead, OpenLead, WorkingLead } from './lead';
import { leadBase } from './lead-state';
import { LeadCreateInputSchema, type LeadCreateInput } from './lead.schema';
import { decideLeadCreation } from './create-lead';
import type { LeadChangeContext } from './update-lead';

/** Shared by this folder's specs: leads made by the real rules, one per status. */
export const T0 = '2026-03-02T09:00:00.000Z';
export const T1 = '2026-03-03T10:30:00.000Z';
export const WS = 'ws-1';

export function changeContext(overrides: Partial<LeadChangeContext> = {}): LeadChangeContext {
  let n = 0;
  return { actor: 'bob', now: T1, newEventId: () => `evt-${++n}`, ...overrides };
}

export function anOpenLead(input: Partial<LeadCreateInput> = {}): OpenLead {
  const parsed = LeadCreateInputSchema.parse({
    firstName: 'Ingrid',
    lastName: 'Hansen',
    company: 'Fjord Fisk AS',
    ...input,
  });
  const created = decideLeadCreation(parsed, { id: 'lead-1', workspaceId: WS, actor: 'alice', now: T0 });
  if (!created.ok || created.value.status !== 'open-not-contacted')
    throw new Error('fixture: lead not created');
  return created.value;
}

export const aWorkingLead = (input: Partial<LeadCreateInput> = {}): WorkingLead => ({
  ...anOpenLead(input),
  status: 'working-contacted',
});

export const aDisqualifiedLead = (reason = 'No budget this year'): DisqualifiedLead => ({
  ...leadBase(anOpenLead()),
  status: 'closed-not-converted',
  disqualificationReason: reason,
  disqualifiedAt: T0,
});

export const aConvertedLead = (): ConvertedLead => ({
  ...leadBase(anOpenLead()),
  status: 'closed-converted',
  convertedAt: T0,
  convertedBy: 'alice',
  convertedOrganisationId: 'org-9',
  convertedContactId: 'contact-9',
  convertedOpportunityId: 'opp-9',
});

export const aLeadIn = (status: Lead['status']): Lead => {
  switch (status) {
    case 'open-not-contacted':
      return anOpenLead();
    case 'working-contacted':
      return aWorkingLead();
    case 'closed-not-converted':
      return aDisqualifiedLead();
    case 'closed-converted':
      return aConvertedLead();
    default: {
      const _exhaustive: never = status;
      return _exhaustive;
    }
  }
};
