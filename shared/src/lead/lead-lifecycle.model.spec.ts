import fc from 'fast-check';
import type { ErrorCode } from '../common/error-codes';
import type { Result } from '../common/result';
import type { DomainEvent } from '../events/domain-event';
import { DEFAULT_STAGES } from '../opportunity/stage';
import { decideConversion } from './convert-lead';
import { decideDisqualification } from './disqualify-lead';
import { LEAD_STATUSES, type Lead, type LeadStatus } from './lead';
import { anOpenLead } from './lead.fixtures';
import { LEAD_TRANSITIONS } from './lead-transitions';
import type { LeadPatchInput } from './lead.schema';
import { decideReopening } from './reopen-lead';
import { decideLeadUpdate, type LeadChangeContext } from './update-lead';

/** The lifecycle as simply as it can be said: where the lead is, and why if disqualified. */
type Model = { status: LeadStatus; reason?: string };
type Real = { lead: Lead; tick: number };
type Step = Result<{ lead: Lead; events: readonly DomainEvent[] }>;

const settings = { defaultCurrency: 'EUR', stages: DEFAULT_STAGES, staleAfterDays: 14 };

/** The channel hears about a lead entering these statuses, and nothing else. */
const ANNOUNCED: { readonly [S in LeadStatus]: DomainEvent['type'] | undefined } = {
  'open-not-contacted': undefined,
  'working-contacted': undefined,
  'closed-not-converted': 'lead.disqualified',
  'closed-converted': 'lead.converted',
};

function context(real: Real): LeadChangeContext {
  real.tick += 1;
  let n = 0;
  return {
    actor: 'u',
    now: new Date(Date.UTC(2026, 0, 1) + real.tick * 60_000).toISOString(),
    newEventId: () => `e-${real.tick}-${++n}`,
  };
}

/** Runs one step against the real rules, compares it with the model and checks the invariants. */
function step(m: Model, r: Real, expected: Model | ErrorCode, run: () => Step) {
  const before = r.lead;
  const result = run();
  if (typeof expected === 'string') {
    expect(result.ok ? result.value.lead.status : result.error.code).toBe(expected);
    return;
  }
  if (!result.ok) throw new Error(`expected ${expected.status}, got ${result.error.code}`);
  const { lead, events } = result.value;
  const reason = lead.status === 'closed-not-converted' ? lead.disqualificationReason : undefined;
  expect({ status: lead.status, reason }).toEqual({ status: expected.status, reason: expected.reason });
  // Invariant: a converted lead never changes.
  if (before.status === 'closed-converted') expect(lead).toBe(before);
  // Invariant: events only on real transitions, one of the kind that transition announces.
  const announced = lead.status !== before.status ? ANNOUNCED[lead.status] : undefined;
  expect(events.map((e) => e.type)).toEqual(announced ? [announced] : []);
  // Invariant: a disqualified lead always has a reason, and no other lead keeps one.
  if (lead.status === 'closed-not-converted') expect(lead.disqualificationReason.trim()).not.toBe('');
  else expect(lead).not.toHaveProperty('disqualificationReason');
  r.lead = lead;
  m.status = expected.status;
  m.reason = expected.reason;
}

/** What the model says a move to `to` (with `reason` as sent) does. */
function expectedMove(m: Model, to: LeadStatus, sent: string | undefined): Model | ErrorCode {
  const reason = sent?.trim();
  if (m.status === 'closed-converted') return 'LEAD.READ_ONLY';
  if (to !== m.status && !LEAD_TRANSITIONS[m.status].includes(to)) return 'LEAD.INVALID_TRANSITION';
  if (to !== 'closed-not-converted') {
    if (reason) return 'VALIDATION.FAILED';
    if (to === 'closed-converted') return 'LEAD.USE_CONVERT';
    return { status: to };
  }
  if (reason) return { status: to, reason };
  // Staying disqualified without a new reason keeps the old one; anything else needs one.
  return m.status === to && reason === undefined ? m : 'LEAD.REASON_REQUIRED';
}

class EditDetails implements fc.Command<Model, Real> {
  constructor(readonly patch: LeadPatchInput) {}
  check = () => true;
  run(m: Model, r: Real) {
    const expected = m.status === 'closed-converted' ? 'LEAD.READ_ONLY' : { ...m };
    step(m, r, expected, () => decideLeadUpdate(r.lead, this.patch, context(r)));
  }
  toString = () => `edit ${JSON.stringify(this.patch)}`;
}

class MoveTo implements fc.Command<Model, Real> {
  constructor(
    readonly to: LeadStatus,
    readonly reason: string | undefined,
  ) {}
  check = () => true;
  run(m: Model, r: Real) {
    const patch = {
      status: this.to,
      ...(this.reason !== undefined ? { disqualificationReason: this.reason } : {}),
    };
    step(m, r, expectedMove(m, this.to, this.reason), () => decideLeadUpdate(r.lead, patch, context(r)));
  }
  toString = () => `move to ${this.to} (${JSON.stringify(this.reason)})`;
}

class Disqualify implements fc.Command<Model, Real> {
  constructor(readonly reason: string) {}
  check = () => true;
  run(m: Model, r: Real) {
    const reason = this.reason.trim();
    const expected: Model | ErrorCode =
      m.status === 'closed-converted'
        ? 'LEAD.READ_ONLY'
        : reason === ''
          ? 'LEAD.REASON_REQUIRED'
          : { status: 'closed-not-converted', reason };
    step(m, r, expected, () => decideDisqualification(r.lead, this.reason, context(r)));
  }
  toString = () => `disqualify (${JSON.stringify(this.reason)})`;
}

class Reopen implements fc.Command<Model, Real> {
  check = () => true;
  run(m: Model, r: Real) {
    const expected: Model | ErrorCode =
      m.status === 'closed-converted'
        ? 'LEAD.READ_ONLY'
        : m.status === 'closed-not-converted'
          ? { status: 'working-contacted' }
          : 'LEAD.INVALID_TRANSITION';
    step(m, r, expected, () => decideReopening(r.lead, context(r)));
  }
  toString = () => 'reopen';
}

class Convert implements fc.Command<Model, Real> {
  constructor(readonly createOpportunity: boolean) {}
  check = () => true;
  run(m: Model, r: Real) {
    const expected: Model | ErrorCode =
      m.status === 'closed-converted'
        ? 'LEAD.ALREADY_CONVERTED'
        : m.status === 'closed-not-converted'
          ? 'LEAD.INVALID_TRANSITION'
          : { status: 'closed-converted' };
    const ctx = context(r);
    const ids = { organisation: 'o', contact: 'c', opportunity: 'p', stageChange: 's', event: `e-${r.tick}` };
    step(m, r, expected, () =>
      decideConversion(
        { createOpportunity: this.createOpportunity },
        { lead: r.lead, settings, ids, ...ctx },
      ),
    );
  }
  toString = () => `convert (opportunity: ${this.createOpportunity})`;
}

const reasons = ['', '  ', 'No budget', ' Chose a competitor '];
const patch: fc.Arbitrary<LeadPatchInput> = fc.record(
  {
    title: fc.option(fc.constantFrom('CEO', 'Buyer'), { nil: null }),
    phone: fc.option(fc.constantFrom('+47 1', '+31 2'), { nil: null }),
    lastName: fc.constantFrom('Hansen', 'de Vries'),
    qualification: fc.record({ budget: fc.boolean(), timeline: fc.boolean() }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const commands = [
  patch.map((p) => new EditDetails(p)),
  fc
    .tuple(fc.constantFrom(...LEAD_STATUSES), fc.option(fc.constantFrom(...reasons), { nil: undefined }))
    .map(([to, why]) => new MoveTo(to, why)),
  fc.constantFrom(...reasons).map((why) => new Disqualify(why)),
  fc.constant(new Reopen()),
  fc.boolean().map((withOpportunity) => new Convert(withOpportunity)),
];

describe('lead lifecycle (model-based)', () => {
  it('given any sequence of edits, moves, disqualifications, reopenings and conversions, then the rules hold', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
        const setup = (): { model: Model; real: Real } => ({
          model: { status: 'open-not-contacted' },
          real: { lead: anOpenLead(), tick: 0 },
        });
        fc.modelRun(setup, cmds);
      }),
      { numRuns: 300 },
    );
  });
});
