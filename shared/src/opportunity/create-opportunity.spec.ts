import { decideOpportunityCreation } from './create-opportunity';
import { createContext, T0 } from './opportunity.fixtures';
import type { OpportunityCreateInput } from './opportunity.schema';

const base: OpportunityCreateInput = { name: 'Fjord Fisk – 2026-03-02', organisationId: 'org-1' };
const create = (input: Partial<OpportunityCreateInput> = {}) =>
  decideOpportunityCreation({ ...base, ...input }, createContext());

describe('decideOpportunityCreation', () => {
  it('given only a name and organisation, then defaults come from the workspace and the actor', () => {
    const result = create();
    expect(result).toEqual({
      ok: true,
      value: {
        opportunity: {
          id: 'opp-1',
          workspaceId: 'ws-1',
          name: base.name,
          organisationId: 'org-1',
          currency: 'EUR',
          ownerId: 'alice',
          stage: 'prospecting',
          probability: 10,
          probabilityOverridden: false,
          forecastCategory: 'pipeline',
          stageChangedAt: T0,
          createdAt: T0,
          createdBy: 'alice',
          updatedAt: T0,
          updatedBy: 'alice',
        },
        stageChange: { id: 'sc-1', opportunityId: 'opp-1', to: 'prospecting', by: 'alice', at: T0 },
        events: [],
      },
    });
  });

  it('given every optional field, then each is kept', () => {
    const input = {
      amount: 12_000,
      currency: 'NOK',
      closeDate: '2026-06-30',
      stage: 'proposal',
      ownerId: 'bob',
      primaryContactId: 'con-1',
      leadId: 'lead-1',
      campaignId: 'cmp-1',
      description: 'Cold storage',
      nextStep: 'Send offer',
    };
    const result = create(input);
    expect(result.ok && result.value.opportunity).toMatchObject({
      ...input,
      probability: 75,
      forecastCategory: 'best-case',
    });
  });

  it('given a probability, then it overrides the stage', () => {
    const result = create({ stage: 'proposal', probability: 40 });
    expect(result.ok && result.value.opportunity).toMatchObject({
      probability: 40,
      probabilityOverridden: true,
    });
  });

  it('given an unknown stage, then OPPORTUNITY.UNKNOWN_STAGE', () => {
    const result = create({ stage: 'signed' });
    expect(!result.ok && result.error.code).toBe('OPPORTUNITY.UNKNOWN_STAGE');
  });

  it('given a workspace without open stages and no stage, then WORKSPACE.INVALID_STAGES', () => {
    const ctx = createContext();
    const stages = ctx.settings.stages.filter((s) => s.kind !== 'open');
    const result = decideOpportunityCreation(base, { ...ctx, settings: { ...ctx.settings, stages } });
    expect(!result.ok && result.error.code).toBe('WORKSPACE.INVALID_STAGES');
  });

  it('given a deal recorded as already won, then it is closed now and announces the win only', () => {
    const result = create({ stage: 'closed-won', amount: 500 });
    expect(result.ok && result.value.opportunity).toMatchObject({
      probability: 100,
      forecastCategory: 'closed',
      closedAt: T0,
    });
    expect(result.ok && result.value.events).toEqual([
      {
        id: 'evt-1',
        type: 'opportunity.won',
        workspaceId: 'ws-1',
        occurredAt: T0,
        actorId: 'alice',
        data: {
          opportunityId: 'opp-1',
          name: base.name,
          organisationId: 'org-1',
          amount: 500,
          currency: 'EUR',
        },
      },
    ]);
  });

  it('given a deal recorded as lost with a reason, then it keeps the reason and announces the loss', () => {
    const result = create({ stage: 'closed-lost', lostReason: '  Price  ' });
    expect(result.ok && result.value.opportunity).toMatchObject({
      lostReason: 'Price',
      probability: 0,
      closedAt: T0,
    });
    expect(result.ok && result.value.events.map((e) => [e.type, e.data])).toEqual([
      ['opportunity.lost', expect.objectContaining({ lostReason: 'Price' })],
    ]);
  });

  it.each([
    ['no reason', 'OPPORTUNITY.LOST_REASON_REQUIRED', {}],
    ['a blank reason', 'OPPORTUNITY.LOST_REASON_REQUIRED', { lostReason: '   ' }],
    ['a probability', 'VALIDATION.FAILED', { lostReason: 'Price', probability: 20 }],
  ])('given closed-lost with %s, then %s', (_case, code, input) => {
    const result = create({ stage: 'closed-lost', ...input });
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('given a lost reason on an open deal, then VALIDATION.FAILED on lostReason', () => {
    const result = create({ lostReason: 'Price' });
    expect(!result.ok && result.error.fields).toEqual({ lostReason: 'not allowed for stage prospecting' });
  });

  it('given closed-won with probability 100, then it is accepted as the fact it is', () => {
    const result = create({ stage: 'closed-won', probability: 100 });
    expect(result.ok && result.value.opportunity.probabilityOverridden).toBe(false);
  });
});
