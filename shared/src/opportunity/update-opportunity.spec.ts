import type { Opportunity } from './opportunity';
import { anOpportunity, settings, T0 } from './opportunity.fixtures';
import type { OpportunityPatchInput } from './opportunity.schema';
import { decideOpportunityUpdate, type UpdateOpportunityContext } from './update-opportunity';

const T1 = '2026-03-09T12:00:00.000Z';
const context = (): UpdateOpportunityContext => {
  let n = 0;
  return { actor: 'bob', now: T1, settings, stageChangeId: 'sc-2', newEventId: () => `evt-${++n}` };
};
const update = (opp: Opportunity, patch: OpportunityPatchInput) =>
  decideOpportunityUpdate(opp, patch, context());
const must = (opp: Opportunity, patch: OpportunityPatchInput): Opportunity => {
  const result = update(opp, patch);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.opportunity;
};

const open = anOpportunity({ amount: 1000, closeDate: '2026-06-30', nextStep: 'Call' });
const won = must(open, { stage: 'closed-won' });
const lost = must(open, { stage: 'closed-lost', lostReason: 'Price' });

describe('decideOpportunityUpdate: details', () => {
  it('given detail edits, then they apply, null clears, and audit moves on without a stage change', () => {
    const result = update(open, { name: 'Bigger deal', amount: null, nextStep: null, ownerId: 'carol' });
    expect(result.ok && result.value.stageChange).toBeUndefined();
    expect(result.ok && result.value.events.map((e) => e.type)).toEqual(['opportunity.owner-changed']);
    const opp = result.ok ? result.value.opportunity : undefined;
    expect(opp).toMatchObject({
      name: 'Bigger deal',
      ownerId: 'carol',
      updatedAt: T1,
      updatedBy: 'bob',
      stageChangedAt: T0,
    });
    expect(opp && ('amount' in opp || 'nextStep' in opp)).toBe(false);
  });

  it('given a new owner, then the event names who had it, who has it, the stage and the amount', () => {
    const result = update(open, { ownerId: 'carol', stage: 'proposal' });
    expect(result.ok && result.value.events.map((e) => e.type)).toEqual([
      'opportunity.stage-changed',
      'opportunity.owner-changed',
    ]);
    expect(result.ok && result.value.events[1]).toMatchObject({
      actorId: 'bob',
      data: { from: open.ownerId, to: 'carol', stage: 'proposal', amount: 1000, opportunityId: open.id },
    });
  });

  it('given the same owner again, then no owner event', () => {
    expect(update(open, { ownerId: open.ownerId })).toMatchObject({ ok: true, value: { events: [] } });
  });

  it('given the same stage again, then it is no stage change', () => {
    const result = update(open, { stage: 'prospecting', name: 'Renamed' });
    expect(result.ok && result.value.stageChange).toBeUndefined();
  });
});

describe('decideOpportunityUpdate: probability', () => {
  it.each([
    ['a stage change follows the new stage', open, { stage: 'proposal' }, 75, false],
    ['a hand-set value overrides', open, { probability: 35 }, 35, true],
    [
      'an override survives a stage change',
      must(open, { probability: 35 }),
      { stage: 'negotiation' },
      35,
      true,
    ],
    [
      'null goes back to the stage',
      must(open, { probability: 35, stage: 'proposal' }),
      { probability: null },
      75,
      false,
    ],
    ['closing drops the override', must(open, { probability: 35 }), { stage: 'closed-won' }, 100, false],
    ['reopening follows the reopened stage', won, { stage: 'negotiation', reopen: true }, 90, false],
  ] as const)('given %s', (_case, opp, patch, probability, overridden) => {
    expect(must(opp, patch)).toMatchObject({ probability, probabilityOverridden: overridden });
  });

  it('given a stage re-weighted since, then an edit brings a following deal up to date', () => {
    const stages = settings.stages.map((s) => (s.id === 'prospecting' ? { ...s, probability: 5 } : s));
    const result = decideOpportunityUpdate(
      open,
      { name: 'x' },
      { ...context(), settings: { ...settings, stages } },
    );
    expect(result.ok && result.value.opportunity.probability).toBe(5);
  });

  it('given a closed stage and a probability that differs from it, then VALIDATION.FAILED', () => {
    const result = update(open, { stage: 'closed-won', probability: 80 });
    expect(!result.ok && result.error.fields).toEqual({ probability: 'must be 100 for closed-won' });
  });

  it('forecast category always follows the stage, even when probability is overridden', () => {
    expect(must(must(open, { probability: 95 }), { stage: 'proposal' }).forecastCategory).toBe('best-case');
  });
});

describe('decideOpportunityUpdate: stage changes', () => {
  it('given an open deal moved, then a history row and a stage-changed event', () => {
    const result = update(open, { stage: 'proposal' });
    expect(result.ok && result.value.stageChange).toEqual({
      id: 'sc-2',
      opportunityId: 'opp-1',
      from: 'prospecting',
      to: 'proposal',
      by: 'bob',
      at: T1,
    });
    expect(result.ok && result.value.events).toEqual([
      {
        id: 'evt-1',
        type: 'opportunity.stage-changed',
        workspaceId: 'ws-1',
        occurredAt: T1,
        actorId: 'bob',
        data: {
          opportunityId: 'opp-1',
          name: open.name,
          organisationId: 'org-1',
          amount: 1000,
          currency: 'EUR',
          from: 'prospecting',
          to: 'proposal',
        },
      },
    ]);
    expect(result.ok && result.value.opportunity.stageChangedAt).toBe(T1);
  });

  it('given a deal won, then it is closed now and announces the move and the win', () => {
    const result = update(open, { stage: 'closed-won' });
    expect(result.ok && result.value.opportunity).toMatchObject({ closedAt: T1, forecastCategory: 'closed' });
    expect(result.ok && result.value.events.map((e) => [e.id, e.type])).toEqual([
      ['evt-1', 'opportunity.stage-changed'],
      ['evt-2', 'opportunity.won'],
    ]);
  });

  it('given a deal lost with a reason, then the loss event carries it', () => {
    const result = update(open, { stage: 'closed-lost', lostReason: ' Went with a competitor ' });
    expect(result.ok && result.value.opportunity.lostReason).toBe('Went with a competitor');
    expect(result.ok && result.value.events[1]).toMatchObject({
      type: 'opportunity.lost',
      data: { lostReason: 'Went with a competitor' },
    });
  });

  it.each([
    ['without a reason', { stage: 'closed-lost' }, 'OPPORTUNITY.LOST_REASON_REQUIRED'],
    ['with a blank reason', { stage: 'closed-lost', lostReason: '  ' }, 'OPPORTUNITY.LOST_REASON_REQUIRED'],
    ['to an unknown stage', { stage: 'signed' }, 'OPPORTUNITY.UNKNOWN_STAGE'],
    ['with a lost reason on an open stage', { stage: 'proposal', lostReason: 'Price' }, 'VALIDATION.FAILED'],
  ] as const)('given an open deal moved %s, then it fails', (_case, patch, code) => {
    const result = update(open, patch);
    expect(!result.ok && result.error.code).toBe(code);
  });
});

describe('decideOpportunityUpdate: closed deals', () => {
  it.each([
    ['won → open without reopen', won, { stage: 'proposal' }, 'OPPORTUNITY.CLOSED'],
    [
      'won → lost without reopen',
      won,
      { stage: 'closed-lost', lostReason: 'Cancelled' },
      'OPPORTUNITY.CLOSED',
    ],
    ['lost → won without reopen', lost, { stage: 'closed-won' }, 'OPPORTUNITY.CLOSED'],
    ['won with reopen: false', won, { stage: 'proposal', reopen: false }, 'OPPORTUNITY.CLOSED'],
    ['won, amount changed', won, { amount: 2000 }, 'OPPORTUNITY.CLOSED'],
    ['won, amount cleared', won, { amount: null }, 'OPPORTUNITY.CLOSED'],
    ['won, currency changed', won, { currency: 'NOK' }, 'OPPORTUNITY.CLOSED'],
    ['won, close date changed', won, { closeDate: '2026-07-01' }, 'OPPORTUNITY.CLOSED'],
    ['won, organisation changed', won, { organisationId: 'org-2' }, 'OPPORTUNITY.CLOSED'],
    ['won, probability set', won, { probability: 50 }, 'OPPORTUNITY.CLOSED'],
    ['lost, reason cleared', lost, { lostReason: null }, 'OPPORTUNITY.LOST_REASON_REQUIRED'],
    ['lost, reopen without a stage', lost, { reopen: true }, 'VALIDATION.FAILED'],
    [
      'won → lost reopened without a reason',
      won,
      { stage: 'closed-lost', reopen: true },
      'OPPORTUNITY.LOST_REASON_REQUIRED',
    ],
  ] as const)('given %s, then it fails', (_case, opp, patch, code) => {
    const result = update(opp, patch);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it.each([
    [
      'descriptive fields',
      won,
      { name: 'Renamed', nextStep: 'Invoice', ownerId: 'carol', campaignId: 'cmp-1' },
    ],
    [
      'the fixed fields resent unchanged',
      won,
      { amount: 1000, currency: 'EUR', closeDate: '2026-06-30', probability: 100 },
    ],
    ['probability null (already follows)', won, { probability: null }],
    ['the same stage again', won, { stage: 'closed-won' }],
    ['a refined lost reason', lost, { lostReason: 'Price too high' }],
  ] as const)('given %s, then a closed deal accepts it without a stage change', (_case, opp, patch) => {
    const result = update(opp, patch);
    expect(result.ok && result.value.stageChange).toBeUndefined();
    expect(result.ok && result.value.opportunity.closedAt).toBe(opp.closedAt);
  });

  it('given a lost deal reopened, then closedAt and lostReason go and the history row says reopened', () => {
    const result = update(lost, { stage: 'negotiation', reopen: true, amount: 3000 });
    expect(result.ok && result.value.stageChange).toMatchObject({
      from: 'closed-lost',
      to: 'negotiation',
      reopened: true,
    });
    const opp = result.ok ? result.value.opportunity : undefined;
    expect(opp).toMatchObject({ stage: 'negotiation', amount: 3000 });
    expect(opp && ('closedAt' in opp || 'lostReason' in opp)).toBe(false);
  });

  it('given a won deal reopened straight to lost, then it closes again as lost with events', () => {
    const result = update(won, { stage: 'closed-lost', reopen: true, lostReason: 'Customer cancelled' });
    expect(result.ok && result.value.opportunity).toMatchObject({
      stage: 'closed-lost',
      closedAt: T1,
      probability: 0,
    });
    expect(result.ok && result.value.stageChange?.reopened).toBe(true);
    expect(result.ok && result.value.events.map((e) => e.type)).toEqual([
      'opportunity.stage-changed',
      'opportunity.lost',
    ]);
  });

  it('given reopen on an open deal, then it is just a stage change (nothing to reopen)', () => {
    const result = update(open, { stage: 'proposal', reopen: true });
    expect(result.ok && result.value.stageChange && 'reopened' in result.value.stageChange).toBe(false);
  });
});
