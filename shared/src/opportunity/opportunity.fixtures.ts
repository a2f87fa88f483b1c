import { decideOpportunityCreation, type CreateOpportunityContext } from './create-opportunity';
import type { Opportunity } from './opportunity';
import type { OpportunityCreateInput } from './opportunity.schema';
import { DEFAULT_STAGES } from './stage';

/** Shared by this folder's specs (and the reports' specs): opportunities made by the real rule. */
export const T0 = '2026-03-02T09:00:00.000Z';
export const settings = {
  defaultCurrency: 'EUR',
  stages: DEFAULT_STAGES,
  staleAfterDays: 14,
} as const;

export function createContext(overrides: Partial<CreateOpportunityContext> = {}): CreateOpportunityContext {
  let n = 0;
  return {
    id: 'opp-1',
    workspaceId: 'ws-1',
    actor: 'alice',
    now: T0,
    settings,
    stageChangeId: 'sc-1',
    newEventId: () => `evt-${++n}`,
    ...overrides,
  };
}

export function anOpportunity(
  input: Partial<OpportunityCreateInput> = {},
  ctx: Partial<CreateOpportunityContext> = {},
): Opportunity {
  const created = decideOpportunityCreation(
    { name: 'Fjord Fisk – 2026-03-02', organisationId: 'org-1', ...input },
    createContext(ctx),
  );
  if (!created.ok) throw new Error(`fixture: ${created.error.code} ${created.error.message}`);
  return created.value.opportunity;
}
