import { aContact, aLead, anOpportunity, anOrganisation } from '@crm/shared/testing';
import { DEFAULT_STAGES } from '@crm/shared';
import { createTranslator } from '../messages/translator';
import { executeActions, type AdaptiveCard } from './adaptive-card';
import { leadsCard } from './leads-card';
import { recordLinks } from './record-links';
import { dealCard } from './deal-card';
import { leadCard } from './lead-card';
import { pickCard } from './pick-card';
import { disqualifyCard, NEW_RECORD, qualifyCard } from './qualify-card';
import { recordCard } from './record-card';
import { welcomeCard } from './welcome-card';

const translator = createTranslator();
const APP_ID = '6f1c2f59-8e0a-4a8e-9a8e-3d7b2f1c4e55';
const en = translator.forLocale('en');
const nb = translator.forLocale('nb-NO');

const ELEMENTS = new Set([
  'TextBlock',
  'ColumnSet',
  'Column',
  'FactSet',
  'Container',
  'ActionSet',
  'Input.Toggle',
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.ChoiceSet',
]);
const elementTypes = (items: readonly unknown[]): string[] =>
  items.flatMap((e) => {
    const el = e as { type: string; items?: unknown[]; columns?: unknown[] };
    return [el.type, ...elementTypes(el.items ?? []), ...elementTypes(el.columns ?? [])];
  });
/**
 * Teams renders schema ≤ 1.5; every button is a Universal Action, or a link out of the card (the
 * record in the tab, or Stage View of it). No button's data names a property
 * `key`: the Agents Playground's renderer reserves it and a press of such a button sends nothing.
 */
function expectTeamsCard(card: AdaptiveCard): void {
  expect(card.version).toBe('1.5');
  for (const type of elementTypes(card.body)) expect(ELEMENTS).toContain(type);
  for (const action of card.actions ?? []) {
    // A posted card's only Action.Submit is Stage View (a dialog's submits stay in the dialog).
    if (action.type === 'Action.Submit')
      expect((action.data as { msteams?: { value?: { type?: string } } }).msteams?.value?.type).toBe(
        'tab/tabInfoAction',
      );
    else expect(['Action.Execute', 'Action.OpenUrl']).toContain(action.type);
  }
  if (card.refresh) expect(card.refresh.action.type).toBe('Action.Execute');
  for (const action of [...executeActions(card), ...(card.refresh ? [card.refresh.action] : [])]) {
    expect(Object.keys(action.data ?? {})).not.toContain('key');
  }
  expect((card.refresh?.userIds ?? []).length).toBeLessThanOrEqual(60);
}

describe('leadCard', () => {
  it('given an open lead, then qualify and disqualify buttons and a refresh for the viewer', () => {
    const lead = aLead({ id: 'L1', firstName: 'Ada', lastName: 'Lovelace', company: 'Engines' });
    const card = leadCard(en, { ws: 'W1', lead, viewers: ['29:ada'] });
    expectTeamsCard(card);
    expect(executeActions(card).map((a) => [a.verb, a.data])).toEqual([
      ['lead.qualify', { ws: 'W1', leadId: 'L1' }],
      ['lead.disqualify', { ws: 'W1', leadId: 'L1' }],
    ]);
    expect(card.refresh).toEqual({
      action: expect.objectContaining({ verb: 'lead.show' }),
      userIds: ['29:ada'],
    });
  });

  it('given a disqualified lead, then its reason (escaped) and no buttons', () => {
    const lead = {
      ...aLead(),
      status: 'closed-not-converted',
      disqualificationReason: 'no [budget](x)',
    } as const;
    const card = leadCard(nb, { ws: 'W1', lead: lead as never });
    expect(card.actions).toBeUndefined();
    expect(JSON.stringify(card)).toContain('Diskvalifisert: no \\\\[budget\\\\]\\\\(x\\\\)');
  });
});

describe('qualifyCard and disqualifyCard', () => {
  it('given a suggested organisation and contact, then they are selected; without, create new is', () => {
    const input = {
      ws: 'W1',
      lead: aLead({ id: 'L1', lastName: 'Nordmann', company: 'Fjordlys Logistikk' }),
      version: 'v1',
      key: 'k1',
      organisations: [anOrganisation({ id: 'O1', name: 'Fjordlys Logistikk AS' })],
      contacts: [aContact({ id: 'C1', organisationId: 'O1', lastName: 'Solberg' })],
      currency: 'EUR',
      today: '2026-11-29',
    };
    const choice = (card: ReturnType<typeof qualifyCard>, id: string) =>
      JSON.stringify(card).match(new RegExp(`"id":"${id}","label":"[^"]*","value":"([^"]*)"`))?.[1];

    const suggested = qualifyCard(en, { ...input, suggested: { organisationId: 'O1', contactId: 'C1' } });
    expectTeamsCard(suggested);
    expect([choice(suggested, 'organisationId'), choice(suggested, 'contactId')]).toEqual(['O1', 'C1']);
    const plain = qualifyCard(en, input);
    expect([choice(plain, 'organisationId'), choice(plain, 'contactId')]).toEqual([NEW_RECORD, NEW_RECORD]);
  });

  it('given matches, then the checklist, the suggestions, the new deal and a keyed submit', () => {
    const lead = aLead({
      id: 'L1',
      lastName: 'Lovelace',
      company: 'Engines',
      qualification: { budget: true, authority: false, need: true, timeline: false },
    });
    const card = qualifyCard(en, {
      ws: 'W1',
      lead,
      version: 'v1',
      key: 'k1',
      organisations: [anOrganisation({ id: 'O1', name: 'Engines Ltd' })],
      contacts: [],
      currency: 'EUR',
      today: '2026-11-29',
    });
    expectTeamsCard(card);
    const json = JSON.stringify(card);
    expect(json).toContain('"id":"budget","title":"Budget","value":"true"');
    expect(json).toContain('Existing: Engines Ltd');
    expect(card.actions?.[0]).toMatchObject({
      verb: 'lead.convert',
      data: { ws: 'W1', leadId: 'L1', version: 'v1', idempotencyKey: 'k1' },
    });
    // Each viewer's rendering is asked for with the same key: one conversion, whoever presses.
    expect(card.refresh).toEqual({
      action: expect.objectContaining({
        verb: 'lead.qualify',
        data: { ws: 'W1', leadId: 'L1', idempotencyKey: 'k1' },
      }),
    });
  });

  it('asks for a required reason', () => {
    const card = disqualifyCard(en, 'W1', aLead({ id: 'L1' }));
    expectTeamsCard(card);
    expect(card.body).toContainEqual(
      expect.objectContaining({ type: 'Input.Text', id: 'reason', isRequired: true }),
    );
  });
});

describe('refresh.userIds', () => {
  const lead = aLead({ id: 'L1' });
  it.each([
    ['nobody listed: left out (Teams refreshes for everyone in a chat of ≤ 60)', undefined, undefined],
    ['an empty list: left out (an empty one would turn automatic refresh off)', [], undefined],
    ['a few: listed as given', ['29:a', '29:b'], ['29:a', '29:b']],
    [
      'more than 60: the first 60',
      Array.from({ length: 75 }, (_, i) => `29:${i}`),
      Array.from({ length: 60 }, (_, i) => `29:${i}`),
    ],
  ])('%s', (_, viewers, userIds) => {
    const input = viewers ? { viewers } : {};
    for (const card of [
      leadCard(en, { ws: 'W1', lead, ...input }),
      dealCard(en, { ws: 'W1', deal: anOpportunity(), version: 'v', stages: DEFAULT_STAGES, ...input }),
      qualifyCard(en, {
        ws: 'W1',
        lead,
        version: 'v',
        key: 'k',
        organisations: [],
        contacts: [],
        currency: 'EUR',
        today: '2026-11-29',
        ...input,
      }),
    ]) {
      expect(card.refresh?.userIds).toEqual(userIds);
      expect(card.refresh && 'userIds' in card.refresh).toBe(userIds !== undefined);
    }
  });
});

describe('dealCard', () => {
  it('given a deal, then stage, amount and a move to any other stage with the version read', () => {
    const deal = anOpportunity({ id: 'D1', name: 'Fjord', stage: 'proposal', amount: 1500, currency: 'NOK' });
    const card = dealCard(nb, { ws: 'W1', deal, version: 'v7', stages: DEFAULT_STAGES });
    expectTeamsCard(card);
    const choices = (
      card.body.find((e) => e.type === 'Input.ChoiceSet') as unknown as { choices: { value: string }[] }
    ).choices;
    expect(choices.map((c) => c.value)).not.toContain('proposal');
    expect(choices.map((c) => c.value)).toContain('closed-lost');
    expect(card.actions).toEqual([
      expect.objectContaining({ verb: 'deal.move', data: { ws: 'W1', dealId: 'D1', version: 'v7' } }),
    ]);
    expect(JSON.stringify(card)).toContain('Tilbud');
  });
});

describe('pickCard, welcomeCard, recordCard', () => {
  it('shows at most five choices and says when there are more', () => {
    const items = Array.from({ length: 7 }, (_, i) => ({ label: `L${i}`, verb: 'lead.show', data: { i } }));
    const card = pickCard(en, 'Which?', items, true);
    expectTeamsCard(card);
    expect(card.actions).toHaveLength(5);
    expect(JSON.stringify(card)).toContain('Showing the first 5');
  });

  it('welcomes in the installer’s language', () => {
    const card = welcomeCard(translator.forLocale('nl'), 'Verkoop');
    expectTeamsCard(card);
    expect(JSON.stringify(card)).toContain('Pipeline CRM staat klaar: Verkoop');
    // The placeholders are entities: as raw <deal> <stage>, Teams drops them as unknown HTML tags.
    expect(JSON.stringify(card)).toContain('**move** &lt;deal&gt; &lt;fase&gt;');
  });

  it('inserts a record without buttons', () => {
    const shown = recordCard(
      en,
      { kind: 'organisation', record: anOrganisation({ name: '*Acme*' }) },
      { id: 'W1', name: 'WS', stages: DEFAULT_STAGES },
    );
    expectTeamsCard(shown.card);
    expect(shown.card.actions).toBeUndefined();
    expect(JSON.stringify(shown.card)).toContain('\\\\*Acme\\\\*');
  });

  it('inserts a contact; with the tab known, "Open in Pipeline CRM" is a Teams deep link to it, and an unfurl adds Stage View', () => {
    const links = recordLinks({ tabUrl: 'https://crm.example/', teamsAppId: APP_ID });
    const shown = recordCard(
      en,
      {
        kind: 'contact',
        record: aContact({ id: 'C/1', firstName: 'Ada', lastName: 'Lovelace', title: 'CTO' }),
      },
      { id: 'W1', name: 'WS', stages: DEFAULT_STAGES, links, stageView: true },
    );
    expectTeamsCard(shown.card);
    expect(shown.subtitle).toBe('Contact · CTO');
    const [open, stage] = shown.card.actions ?? [];
    expect(open).toEqual({ type: 'Action.OpenUrl', title: 'Open in Pipeline CRM', url: shown.link });
    const url = new URL(shown.link ?? '');
    expect(url.origin + url.pathname).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/pipeline`);
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'W1/contacts/C%2F1' });
    expect(url.searchParams.get('webUrl')).toBe('https://crm.example/#/w/W1/contacts/C%2F1');
    expect(stage).toEqual({
      type: 'Action.Submit',
      title: 'Open here',
      data: {
        msteams: {
          type: 'invoke',
          value: {
            type: 'tab/tabInfoAction',
            tabInfo: {
              contentUrl: 'https://crm.example/personal#/w/W1/contacts/C%2F1',
              websiteUrl: 'https://crm.example/#/w/W1/contacts/C%2F1',
              name: 'Ada Lovelace',
              entityId: 'pipeline',
            },
          },
        },
      },
    });
  });

  it('links every lead and deal card, and each row of a list, to its record; without the Teams app id, to the web URL', () => {
    const links = recordLinks({ tabUrl: 'https://crm.example' });
    const lead = aLead({ id: 'L1', firstName: 'Ada', lastName: '(Love)lace' });
    const card = leadCard(en, { ws: 'W1', lead, links });
    expect(card.actions?.at(-1)).toEqual({
      type: 'Action.OpenUrl',
      title: 'Open in Pipeline CRM',
      url: 'https://crm.example/#/w/W1/leads/L1',
    });
    const deal = anOpportunity({ id: 'D1' });
    expect(
      dealCard(en, { ws: 'W1', deal, version: 'v', stages: DEFAULT_STAGES, links }).actions?.at(-1),
    ).toEqual(expect.objectContaining({ url: 'https://crm.example/#/w/W1/opportunities/D1' }));
    const list = JSON.stringify(leadsCard(en, { heading: 'H', leads: [lead], more: false, ws: 'W1', links }));
    // The name is the link's text, escaped; the URL keeps no bracket that would end it early.
    expect(list).toContain('[Ada \\\\(Love\\\\)lace](https://crm.example/#/w/W1/leads/L1)');
    expect(leadCard(en, { ws: 'W1', lead }).actions?.some((a) => a.type === 'Action.OpenUrl')).toBe(false);
  });
});
