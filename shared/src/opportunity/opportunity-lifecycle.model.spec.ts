import fc from 'fast-check';
import type { ErrorCode } from '../common/error-codes';
import type { Opportunity, StageChange } from './opportunity';
import { anOpportunity, settings } from './opportunity.fixtures';
import type { OpportunityPatchInput } from './opportunity.schema';
import { LOST, type StageId } from './stage';
import { findStage } from './stages';
import { decideOpportunityUpdate } from './update-opportunity';

/** What the lifecycle promises, kept as simply as it can be said. */
type Model = {
  stage: StageId;
  closed: boolean;
  override?: number;
  lostReason?: string;
  amount?: number;
  changes: number;
};
type Real = { opp: Opportunity; history: StageChange[]; clock: number };

const isClosedId = (id: StageId) => id === 'closed-won' || id === LOST;

function apply(real: Real, patch: OpportunityPatchInput) {
  real.clock += 1;
  const now = new Date(Date.UTC(2026, 0, 1) + real.clock * 60_000).toISOString();
  let n = 0;
  const result = decideOpportunityUpdate(real.opp, patch, {
    actor: 'u',
    now,
    settings,
    stageChangeId: `sc-${real.clock}`,
    newEventId: () => `e-${real.clock}-${++n}`,
  });
  if (result.ok) {
    real.opp = result.value.opportunity;
    if (result.value.stageChange) real.history.push(result.value.stageChange);
  }
  return result;
}

function expectOutcome(result: ReturnType<typeof apply>, expected: ErrorCode | 'ok') {
  expect(result.ok ? 'ok' : result.error.code).toBe(expected);
}

class MoveStage implements fc.Command<Model, Real> {
  constructor(
    readonly stage: StageId,
    readonly lostReason: string | undefined,
    readonly reopen: boolean,
  ) {}
  check = () => true;
  run(m: Model, r: Real) {
    const known = findStage(settings.stages, this.stage) !== undefined;
    const moves = this.stage !== m.stage;
    const reason = this.lostReason?.trim() || undefined;
    const expected: ErrorCode | 'ok' = !known
      ? 'OPPORTUNITY.UNKNOWN_STAGE'
      : m.closed && !this.reopen && moves
        ? 'OPPORTUNITY.CLOSED'
        : m.closed && this.reopen && !moves
          ? 'VALIDATION.FAILED'
          : this.stage === LOST && !(this.lostReason === undefined ? m.lostReason : reason)
            ? 'OPPORTUNITY.LOST_REASON_REQUIRED'
            : this.stage !== LOST && reason
              ? 'VALIDATION.FAILED'
              : 'ok';
    const patch = {
      stage: this.stage,
      ...(this.lostReason !== undefined ? { lostReason: this.lostReason } : {}),
      reopen: this.reopen,
    };
    expectOutcome(apply(r, patch), expected);
    if (expected !== 'ok') return checkInvariants(m, r);
    if (moves) m.changes += 1;
    m.stage = this.stage;
    m.closed = isClosedId(this.stage);
    if (m.closed) delete m.override;
    if (this.stage === LOST) m.lostReason = reason ?? m.lostReason;
    else delete m.lostReason;
    checkInvariants(m, r);
  }
  toString = () => `move(${this.stage}, ${JSON.stringify(this.lostReason)}, reopen=${this.reopen})`;
}

class SetProbability implements fc.Command<Model, Real> {
  constructor(readonly probability: number | null) {}
  check = () => true;
  run(m: Model, r: Real) {
    const stageProbability = findStage(settings.stages, m.stage)?.probability;
    const changes = this.probability !== null && this.probability !== stageProbability;
    expectOutcome(
      apply(r, { probability: this.probability }),
      m.closed && changes ? 'OPPORTUNITY.CLOSED' : 'ok',
    );
    if (m.closed) return checkInvariants(m, r);
    if (this.probability === null) delete m.override;
    else m.override = this.probability;
    checkInvariants(m, r);
  }
  toString = () => `probability(${this.probability})`;
}

class SetAmount implements fc.Command<Model, Real> {
  constructor(readonly amount: number) {}
  check = () => true;
  run(m: Model, r: Real) {
    const changes = this.amount !== m.amount;
    expectOutcome(apply(r, { amount: this.amount }), m.closed && changes ? 'OPPORTUNITY.CLOSED' : 'ok');
    if (!m.closed) m.amount = this.amount;
    checkInvariants(m, r);
  }
  toString = () => `amount(${this.amount})`;
}

function checkInvariants(m: Model, { opp, history }: Real) {
  const stage = findStage(settings.stages, opp.stage);
  expect(opp.stage).toBe(m.stage);
  expect(opp.amount).toBe(m.amount);
  if (opp.stage === LOST) expect(opp.lostReason?.trim()).toBeTruthy();
  else expect(opp.lostReason).toBeUndefined();
  expect(opp.lostReason).toBe(m.lostReason);
  expect(opp.closedAt !== undefined).toBe(m.closed);
  expect(opp.probabilityOverridden).toBe(m.override !== undefined);
  expect(opp.probability).toBe(m.override ?? stage?.probability);
  expect(opp.forecastCategory).toBe(stage?.forecastCategory);
  // One row per real stage change, each continuing from the last.
  expect(history).toHaveLength(m.changes);
  history.forEach((row, i) => {
    expect(row.from).not.toBe(row.to);
    expect(row.from).toBe(i === 0 ? 'prospecting' : history[i - 1]?.to);
    expect(row.reopened === true).toBe(row.from !== undefined && isClosedId(row.from));
  });
  if (history.length > 0) expect(history.at(-1)?.to).toBe(opp.stage);
}

const stageIds = [...settings.stages.map((s) => s.id), 'no-such-stage'];
const reasons = fc.option(fc.constantFrom('Price', 'Timing', '  ', ''), { nil: undefined });
const commands = [
  fc
    .tuple(fc.constantFrom(...stageIds), reasons, fc.boolean())
    .map(([s, why, reopen]) => new MoveStage(s, why, reopen)),
  fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }).map((p) => new SetProbability(p)),
  fc.constantFrom(0, 500, 1000).map((a) => new SetAmount(a)),
];

describe('opportunity lifecycle (model-based)', () => {
  it('keeps its invariants over any sequence of stage moves and edits', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
        const opp = anOpportunity({ amount: 1000 });
        const model: Model = { stage: opp.stage, closed: false, amount: 1000, changes: 0 };
        const real: Real = { opp, history: [], clock: 0 };
        fc.modelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: 300 },
    );
  });
});
