import { DEFAULT_STAGES, pipelineReport, type StageConfig } from '@crm/shared';
import { aLead, anOpportunity } from '@crm/shared/testing';
import { createTranslator } from '../messages/translator';
import type { AdaptiveCard, CardElement } from './adaptive-card';
import { dealCard } from './deal-card';
import { dealsCard } from './deals-card';
import { leadCard } from './lead-card';
import { leadsCard } from './leads-card';
import { pipelineCard } from './pipeline-card';

const translator = createTranslator();
const en = translator.forLocale('en-US');
const nl = translator.forLocale('nl-NL');

/** Teams renders Adaptive Cards up to 1.5; these are the elements we allow ourselves. */
const ALLOWED = new Set(['TextBlock', 'ColumnSet', 'Column', 'FactSet', 'Container']);
function types(
  elements: readonly (CardElement | { type: string; items?: unknown; columns?: unknown })[],
): string[] {
  return elements.flatMap((e) => [
    e.type,
    ...types(((e as { items?: CardElement[] }).items ?? []) as CardElement[]),
    ...types(((e as { columns?: CardElement[] }).columns ?? []) as CardElement[]),
  ]);
}
function expectRenderable(card: AdaptiveCard): void {
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  for (const type of types(card.body)) expect(ALLOWED).toContain(type);
}
const text = (card: unknown) => JSON.stringify(card);

describe('leadsCard', () => {
  it('given leads, then a header row and one row each with name, company and localized status', () => {
    const card = leadsCard(nl, {
      heading: 'Open leads',
      leads: [
        aLead({ firstName: 'Ada', lastName: 'Lovelace', company: 'Engines' }),
        aLead({ firstName: undefined, lastName: 'Hopper', company: undefined }),
      ],
      more: false,
    });
    expectRenderable(card);
    const rows = card.body.filter((e) => e.type === 'ColumnSet');
    expect(rows).toHaveLength(3);
    expect(text(card)).toContain('Ada Lovelace');
    expect(text(card)).toContain('Engines');
    expect(text(card)).toContain('Open – Niet benaderd');
    expect(text(card)).toContain('Bedrijf');
    expect(text(card)).not.toContain('list.more');
  });

  it('given none, then says so', () => {
    expect(text(leadsCard(en, { heading: 'H', leads: [], more: false }))).toContain('No leads to show.');
  });

  it('given more than shown, then a hint to search', () => {
    const card = leadsCard(en, { heading: 'H', leads: [aLead()], more: true });
    expect(text(card)).toContain('Showing the first 1; search to narrow the list.');
  });
});

describe('dealsCard', () => {
  it('given deals, then name, stage label and amount in the reader’s format', () => {
    const stages: StageConfig = [
      { id: 'demo', label: 'Live demo', probability: 40, forecastCategory: 'pipeline', kind: 'open' },
      ...DEFAULT_STAGES,
    ];
    const card = dealsCard(nl, {
      heading: 'Deals',
      stages,
      more: false,
      deals: [
        anOpportunity({ name: 'Big one', stage: 'negotiation', amount: 1234.5, currency: 'EUR' }),
        anOpportunity({ name: 'Demo one', stage: 'demo', amount: undefined }),
      ],
    });
    expectRenderable(card);
    expect(text(card)).toContain('Big one');
    expect(text(card)).toContain('Onderhandeling');
    expect(text(card)).toMatch(/€\s1\.234,50/);
    expect(text(card)).toContain('Live demo');
  });
});

describe('pipelineCard', () => {
  it('given deals in two currencies, then one section per currency with stage rows and a total', () => {
    const report = pipelineReport(
      [
        anOpportunity({ stage: 'proposal', amount: 1000, probability: 75, currency: 'EUR' }),
        anOpportunity({ stage: 'proposal', amount: 2000, probability: 75, currency: 'NOK' }),
        anOpportunity({ stage: 'closed-won', amount: 9999, probability: 100, currency: 'EUR' }),
      ],
      DEFAULT_STAGES,
    );
    const card = pipelineCard(en, 'Pipeline', report, DEFAULT_STAGES);
    expectRenderable(card);
    const sections = card.body.filter((e) => e.type === 'Container');
    expect(sections).toHaveLength(2);
    expect(text(sections[0]!)).toContain('EUR');
    expect(text(sections[0]!)).toContain('Proposal');
    expect(text(sections[0]!)).toContain('1 deals · €1,000.00 \\\\(weighted €750.00\\\\)');
    expect(text(sections[1]!)).toContain('NOK');
    expect(text(card)).not.toContain('9,999');
    expect(text(card)).not.toContain('Prospecting');
  });

  it('given no open deals, then says so', () => {
    const card = pipelineCard(en, 'Pipeline', pipelineReport([], DEFAULT_STAGES), DEFAULT_STAGES);
    expect(text(card)).toContain('There are no open deals yet.');
  });
});

/** Markdown links a card's texts would render: `[text](url)` whose `[` is not escaped. */
function links(card: unknown): string[] {
  const texts: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    if (typeof value === 'string' && (key === 'text' || key === 'title' || key === 'value'))
      texts.push(value);
    return value;
  });
  return texts.flatMap((t) => t.match(/(?<!\\)\[[^\]]*\]\([^)]*\)/g) ?? []);
}

describe('what people typed stays text in every cell', () => {
  const PHISH = '[Verify your account](https://evil.example/login)';
  const stages: StageConfig = [
    {
      id: 'demo',
      label: '[Stage](https://evil.example/s)',
      probability: 40,
      forecastCategory: 'pipeline',
      kind: 'open',
    },
    ...DEFAULT_STAGES,
  ];

  it('given a lead named like a link, then the leads table shows it as typed', () => {
    const card = leadsCard(en, {
      heading: 'Open leads',
      leads: [aLead({ firstName: undefined, lastName: PHISH, company: '**Big** _co_' })],
      more: false,
    });
    expect(links(card)).toEqual([]);
    expect(text(card)).toContain('\\\\[Verify your account\\\\]\\\\(https://evil.example/login\\\\)');
    expect(text(card)).toContain('\\\\*\\\\*Big\\\\*\\\\* \\\\_co\\\\_');
  });

  it('given a deal and a stage label like links, then the deals table and the pipeline show them as typed', () => {
    const deal = anOpportunity({ name: PHISH, stage: 'demo', amount: 10, currency: 'EUR' });
    const deals = dealsCard(en, { heading: 'Deals', stages, more: false, deals: [deal] });
    const pipeline = pipelineCard(en, 'Pipeline', pipelineReport([deal], stages), stages);
    expect(links(deals)).toEqual([]);
    expect(links(pipeline)).toEqual([]);
    expect(text(deals)).toContain('\\\\[Stage\\\\]\\\\(https://evil.example/s\\\\)');
    expect(text(pipeline)).toContain('\\\\[Stage\\\\]\\\\(https://evil.example/s\\\\)');
  });

  it('given facts from typed text (a deal card’s stage), then they are escaped once', () => {
    const card = dealCard(en, {
      ws: 'W1',
      deal: anOpportunity({ name: PHISH, stage: 'demo' }),
      version: 'v1',
      stages,
    });
    expect(links(card)).toEqual([]);
    // The stage list is plain text (a choice's title is not markdown): no escape shows there.
    const choices = JSON.stringify(card.body.find((e) => e.type === 'Input.ChoiceSet'));
    expect(choices).not.toContain('\\\\');
    expect(
      links(
        leadCard(en, { ws: 'W1', lead: aLead({ lastName: PHISH, company: PHISH, email: 'a_b@x.example' }) }),
      ),
    ).toEqual([]);
    expect(text(leadCard(en, { ws: 'W1', lead: aLead({ email: 'a_b@x.example' }) }))).toContain(
      'a\\\\_b@x.example',
    );
  });
});
