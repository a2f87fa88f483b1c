import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_STAGES, type DomainEvent } from '@crm/shared';
import { aLead, anActivity, anOpportunity, anOrganisation } from '@crm/shared/testing';
import { createTranslator } from '../messages/translator';
import { dealSummary, EVENT_META } from '../testing/deal-events';
import { notificationCard } from '../notifications/notification-cards';
import type { AdaptiveCard } from './adaptive-card';
import { dayCard } from './day-card';
import { dealCard } from './deal-card';
import { leadCard } from './lead-card';
import { pickCard } from './pick-card';
import { disqualifyCard, qualifyCard } from './qualify-card';
import { welcomeCard } from './welcome-card';

/**
 * The cards bot/README.md shows (bot/docs/cards/*.json) are the builders' output for fixed data:
 * this fails when a builder changes and the docs do not. `UPDATE_CARD_DOCS=1 npx jest card-gallery`
 * rewrites them.
 */
const en = createTranslator().forLocale('en');
const docs = join(__dirname, '..', '..', 'docs', 'cards');
const lead = aLead({
  id: 'L1',
  workspaceId: 'W1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: 'Analytical Engines',
  email: 'ada@engines.example',
});
const deal = anOpportunity({
  id: 'D1',
  workspaceId: 'W1',
  name: 'Engines rollout',
  stage: 'proposal',
  amount: 12000,
  currency: 'EUR',
  closeDate: '2026-12-31',
});
const meta = EVENT_META;
const summary = dealSummary('Engines rollout');
const ctx = {
  workspace: 'Nordic Sales',
  stages: DEFAULT_STAGES,
  actorName: 'Carol',
  ownerName: 'Alice',
  deal,
};
const notify = (event: DomainEvent) => notificationCard(en, event, ctx)!.card;

const GALLERY: Record<string, AdaptiveCard> = {
  welcome: welcomeCard(en, 'Nordic Sales'),
  lead: leadCard(en, { ws: 'W1', lead, viewers: ['29:viewer'] }),
  qualify: qualifyCard(en, {
    ws: 'W1',
    lead,
    version: 'v1',
    key: 'bot-convert-K1',
    organisations: [anOrganisation({ id: 'O1', name: 'Analytical Engines Ltd' })],
    contacts: [],
    currency: 'EUR',
    today: '2026-11-29',
    viewers: ['29:viewer'],
  }),
  disqualify: disqualifyCard(en, 'W1', lead),
  deal: dealCard(en, {
    ws: 'W1',
    deal,
    version: 'v7',
    stages: DEFAULT_STAGES,
    notice: 'Moved to Proposal.',
    viewers: ['29:viewer'],
  }),
  pick: pickCard(
    en,
    'Several leads match "ada". Which one?',
    [
      { label: 'Ada Lovelace · Analytical Engines', verb: 'lead.show', data: { ws: 'W1', leadId: 'L1' } },
      { label: 'Ada Byron · Difference Ltd', verb: 'lead.show', data: { ws: 'W1', leadId: 'L2' } },
    ],
    false,
  ),
  day: dayCard(en, {
    ws: 'W1',
    timeZone: 'Europe/Oslo',
    startOfToday: '2026-03-29T22:00:00.000Z',
    heading: 'digest.title',
    overdue: {
      items: [
        {
          activity: {
            ...anActivity({ id: 'A1', type: 'call', subject: 'Call Ada back', completed: false }),
            occurredAt: '2026-03-27T13:00:00.000Z',
            regardingName: 'Engines rollout',
          },
          version: 'v3',
        },
      ],
      more: false,
    },
    today: {
      items: [
        {
          activity: {
            ...anActivity({ id: 'A2', type: 'task', subject: 'Send the proposal', completed: false }),
            occurredAt: '2026-03-30T12:30:00.000Z',
            regardingName: 'Analytical Engines',
          },
          version: 'v1',
        },
      ],
      more: false,
    },
  }),
  'notify-converted': notify({
    ...meta,
    type: 'lead.converted',
    data: {
      leadId: 'L1',
      leadName: 'Ada Lovelace',
      organisationId: 'O1',
      organisationName: 'Analytical Engines',
      contactId: 'C1',
      opportunityId: 'D1',
    },
  }),
  'notify-stage-changed': notify({
    ...meta,
    type: 'opportunity.stage-changed',
    data: { ...summary, from: 'prospecting', to: 'proposal' },
  }),
  'notify-won': notify({ ...meta, type: 'opportunity.won', data: summary }),
  'notify-lost': notify({
    ...meta,
    type: 'opportunity.lost',
    data: { ...summary, lostReason: 'Went with a competitor' },
  }),
};

describe('the card gallery in bot/docs/cards', () => {
  it.each(Object.keys(GALLERY))('%s.json is what the builder makes', (name) => {
    const file = join(docs, `${name}.json`);
    const json = `${JSON.stringify(GALLERY[name], null, 2)}\n`;
    if (process.env.UPDATE_CARD_DOCS === '1') writeFileSync(file, json);
    expect(readFileSync(file, 'utf8')).toBe(json);
  });
});
