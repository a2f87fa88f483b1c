import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_STAGES, pipelineReport } from '@crm/shared';
import { aContact, aLead, anActivity, anOpportunity, anOrganisation } from '@crm/shared/testing';
import { createTranslator, LOCALES } from '../messages/translator';
import { cardProblems } from '../testing/card-schema';
import { dayCard } from './day-card';
import { dealCard } from './deal-card';
import { dealsCard } from './deals-card';
import { leadsCard } from './leads-card';
import { leadCreatedCard, leadFromMessageCard, logToCrmCard } from './message-action-cards';
import { pipelineCard } from './pipeline-card';
import { qualifyCard } from './qualify-card';
import { recordCard } from './record-card';
import { recordLinks } from './record-links';
import { subscriptionsCard } from './subscriptions-card';

const LINKS = recordLinks({
  tabUrl: 'https://crm.example',
  teamsAppId: '6f1c2f59-8e0a-4a8e-9a8e-3d7b2f1c4e55',
});

/**
 * Every card the bot can send, read by Microsoft's Adaptive Cards SDK as schema 1.5: the gallery in
 * bot/docs/cards (the builders' output, see card-gallery.spec.ts) and the cards it leaves out.
 */
const docs = join(__dirname, '..', '..', 'docs', 'cards');
const gallery = readdirSync(docs).filter((f) => f.endsWith('.json'));

describe('cards as the Adaptive Cards SDK reads them (schema 1.5)', () => {
  it.each(gallery)('docs/cards/%s: no problem', (file) => {
    const card = JSON.parse(readFileSync(join(docs, file), 'utf8')) as { version: string };
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
  });

  it.each(LOCALES)(
    'the list, pipeline, deal, qualify, day and record cards, and the message actions’ dialogs, with their links, in %s: no problem',
    (locale) => {
      const localized = createTranslator().forLocale(locale);
      const lead = aLead({ id: 'L1', company: 'Engines' });
      const deal = anOpportunity({ id: 'D1', stage: 'proposal', amount: 5, currency: 'EUR' });
      const organisation = anOrganisation({ id: 'O1' });
      const contact = aContact({ id: 'C1', title: 'CTO' });
      const cards = [
        leadsCard(localized, { heading: 'H', leads: [lead], more: true, ws: 'W1', links: LINKS }),
        dealsCard(localized, {
          heading: 'H',
          deals: [deal],
          stages: DEFAULT_STAGES,
          more: false,
          ws: 'W1',
          links: LINKS,
        }),
        pipelineCard(localized, 'H', pipelineReport([deal], DEFAULT_STAGES), DEFAULT_STAGES),
        dealCard(localized, { ws: 'W1', deal, version: 'v1', stages: DEFAULT_STAGES, links: LINKS }),
        ...(['day.title', 'digest.title'] as const).map((heading) =>
          dayCard(localized, {
            ws: 'W1',
            timeZone: 'America/Sao_Paulo',
            startOfToday: '2026-03-30T03:00:00.000Z',
            heading,
            overdue: { items: [{ activity: anActivity({ completed: false }), version: 'v1' }], more: true },
            today: { items: [], more: false },
            notice: { text: 'Done', tone: 'good' },
          }),
        ),
        dayCard(localized, {
          ws: 'W1',
          timeZone: 'UTC',
          startOfToday: '2026-03-30T00:00:00.000Z',
          heading: 'day.title',
          overdue: { items: [], more: false },
          today: { items: [], more: false },
          notice: { text: 'Changed', tone: 'warning' },
        }),
        qualifyCard(localized, {
          ws: 'W1',
          lead,
          version: 'v1',
          key: 'k',
          organisations: [organisation],
          contacts: [],
          currency: 'EUR',
          today: '2026-11-29',
        }),
        ...(['lead', 'organisation', 'contact', 'opportunity'] as const).map(
          (kind) =>
            recordCard(
              localized,
              kind === 'lead'
                ? { kind, record: lead }
                : kind === 'organisation'
                  ? { kind, record: organisation }
                  : kind === 'contact'
                    ? { kind, record: contact }
                    : { kind, record: deal },
              { id: 'W1', name: 'WS', stages: DEFAULT_STAGES, links: LINKS, stageView: true },
            ).card,
        ),
        leadFromMessageCard(localized, {
          draft: { firstName: 'Ingrid', lastName: 'Berg', email: 'i@f.example', description: 'Hi' },
          workspaces: [
            { id: 'W1', name: 'One' },
            { id: 'W2', name: 'Two' },
          ],
          duplicates: [
            {
              kind: 'organisation',
              name: 'Fjordlys Logistikk AS',
              matches: [
                { reason: 'same-domain', strength: 'strong' },
                { reason: 'same-name-but-suffix', strength: 'strong', suffix: 'AS' },
              ],
              link: 'https://crm.example/#/w/W1/organisations/O1',
            },
            { kind: 'lead', name: 'Ingrid Berg', matches: [{ reason: 'same-email', strength: 'strong' }] },
          ],
          shown: ['organisation:O1', 'lead:L1'],
          messageId: 'm1',
          recheck: true,
        }),
        logToCrmCard(localized, {
          workspaces: [{ id: 'W1', name: 'One' }],
          targets: [{ value: 'W1|lead|L1', title: 'Lead: Ada' }],
          subject: 'S',
          messageId: 'm1',
        }),
        leadCreatedCard(localized, lead, 'https://crm.example/#/w/W1/leads/L1'),
        subscriptionsCard(localized, {
          workspace: 'Nordic Sales',
          here: { topics: [], broken: { at: '2026-12-05T10:00:00.000Z', reason: '403' } },
          channels: [
            {
              conversationId: '19:g',
              teamName: 'Nordic Sales',
              general: true,
              topics: ['won'],
              updatedAt: '2026-12-01T10:00:00.000Z',
              updatedBy: 'u1',
            },
            {
              conversationId: '19:s',
              channelName: 'Support',
              general: false,
              topics: ['stages'],
              updatedAt: '2026-12-01T10:00:00.000Z',
              updatedBy: 'u1',
              broken: { at: '2026-12-05T10:00:00.000Z', reason: '404' },
            },
          ],
        }),
      ];
      for (const card of cards) expect([card.body[0], cardProblems(card)]).toEqual([card.body[0], []]);
    },
  );
});
