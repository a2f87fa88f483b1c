import { DEFAULT_STAGES, type DomainEvent } from '@crm/shared';
import { anOpportunity } from '@crm/shared/testing';
import { createTranslator } from '../messages/translator';
import { dealSummary, EVENT_META } from '../testing/deal-events';
import { notificationCard } from './notification-cards';
import { sendOutcomeOf } from './send-outcome';

const translator = createTranslator();
const en = translator.forLocale('en');
const ptBR = translator.forLocale('pt-BR');
const meta = EVENT_META;
const deal = dealSummary('Fjord [deal](x)');
const ctx = { workspace: 'Nordic Sales', stages: DEFAULT_STAGES, actorName: 'Carol' };
const text = (value: unknown) => JSON.stringify(value);

describe('notificationCard', () => {
  it('given a conversion, then who, organisation and deal', () => {
    const event: DomainEvent = {
      ...meta,
      type: 'lead.converted',
      data: {
        leadId: 'L1',
        leadName: 'Ada Lovelace',
        organisationId: 'O1',
        organisationName: 'Engines',
        contactId: 'C1',
        opportunityId: 'D1',
      },
    };
    const built = notificationCard(en, event, {
      ...ctx,
      deal: anOpportunity({ name: 'Engines – 2026', amount: 500, currency: 'EUR' }),
    });
    expect(built?.summary).toBe('Carol converted Ada Lovelace.');
    expect(text(built?.card)).toContain('"title":"Organisation","value":"Engines"');
    expect(text(built?.card)).toContain('"title":"Deal","value":"Engines – 2026"');
  });

  it('given a stage change, then from → to and the amount, the deal name escaped', () => {
    const event: DomainEvent = {
      ...meta,
      type: 'opportunity.stage-changed',
      data: { ...deal, from: 'prospecting', to: 'proposal' },
    };
    const built = notificationCard(ptBR, event, ctx);
    expect(text(built?.card)).toContain('Prospecção → **Proposta**');
    expect(text(built?.card)).toContain('€');
    expect(text(built?.card)).toContain('Fjord \\\\[deal\\\\]\\\\(x\\\\)');
    expect(text(built?.card)).not.toMatch(/[^\\]\[deal\]\(x\)/);
  });

  it('given a win, then a celebration with amount and owner', () => {
    const event: DomainEvent = { ...meta, type: 'opportunity.won', data: deal };
    const built = notificationCard(en, event, { ...ctx, ownerName: 'Alice' });
    expect(text(built?.card)).toContain('🎉 Deal won!');
    expect(text(built?.card)).toContain('€12,000.00');
    expect(text(built?.card)).toContain('Congratulations, Alice!');
  });

  it.each([
    ['en', 'Carol made you the owner of Fjord.', 'Proposal', /"value":"€12,000\.00"/],
    ['nb', 'Carol gjorde deg til eier av Fjord.', 'Tilbud', /"value":"12\s000,00\s€"/],
  ] as const)(
    'given a deal handed to someone (%s), then who gave it, the stage and the amount',
    (locale, said, stage, amount) => {
      const event: DomainEvent = {
        ...meta,
        type: 'opportunity.owner-changed',
        data: { ...dealSummary('Fjord'), from: 'carol', to: 'bob', stage: 'proposal' },
      };
      const built = notificationCard(translator.forLocale(locale), event, ctx);
      expect(built?.summary).toBe(said);
      expect(text(built?.card)).toContain(`"value":"${stage}"`);
      expect(text(built?.card)).toMatch(amount);
    },
  );

  it('given a loss, then the reason; a disqualification is told to nobody', () => {
    const lost: DomainEvent = { ...meta, type: 'opportunity.lost', data: { ...deal, lostReason: 'Price' } };
    expect(text(notificationCard(en, lost, ctx)?.card)).toContain('"title":"Reason","value":"Price"');
    const disqualified: DomainEvent = {
      ...meta,
      type: 'lead.disqualified',
      data: { leadId: 'L', leadName: 'X', reason: 'r' },
    };
    expect(notificationCard(en, disqualified, ctx)).toBeUndefined();
  });
});

describe('sendOutcomeOf', () => {
  it.each([
    [{ kind: 'sent' }, { kind: 'sent' }],
    [
      { kind: 'failed', status: 429, retryAfterMs: 3000, reason: 'r' },
      { kind: 'retry', reason: 'r', afterMs: 3000 },
    ],
    [
      { kind: 'failed', status: 412, reason: 'r' },
      { kind: 'retry', reason: 'r' },
    ],
    [
      { kind: 'failed', status: 502, reason: 'r' },
      { kind: 'retry', reason: 'r' },
    ],
    [
      { kind: 'failed', reason: 'network' },
      { kind: 'retry', reason: 'network' },
    ],
    [
      { kind: 'failed', status: 403, reason: 'r' },
      { kind: 'gone', reason: 'r' },
    ],
    [
      { kind: 'failed', status: 404, reason: 'r' },
      { kind: 'gone', reason: 'r' },
    ],
  ] as const)('%j → %j', (result, outcome) => {
    expect(sendOutcomeOf(result)).toEqual(outcome);
  });
});
