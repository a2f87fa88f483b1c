import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseRecordLink,
  recordTabAddress,
  tabWebUrl,
  teamsDeepLink,
  PERSONAL_TAB_ENTITY_ID,
  type RecordAddress,
} from '@crm/shared';
import { convertLead, createLead, type AppDeps } from '@crm/shared/application';
import pino from 'pino';
import type { BotApp } from './bot-app';
import { recordLinks } from './cards/record-links';
import { createTranslator } from './messages/translator';
import { createTeamsNotificationChannel } from './notifications/teams-notification-channel';
import {
  botInstalled,
  channelSender,
  composeQuery,
  personActor,
  rosterPerson,
  type TestTeam,
} from './testing/activities';
import { listeningBot, type botClient } from './testing/bot-client';
import { azuriteAppDeps } from './testing/azurite-app';
import { startConnectorStandIn, type ConnectorStandIn } from './testing/connector-stand-in';
import { must } from './testing/must';
import { ADA_LEAD } from './testing/seed';

/**
 * Links both ways, over real HTTP (CloudAdapter) against Azurite: a link to a record in the forms the
 * tab makes — its web URL (`<tab>/#/w/<ws>/<view>/<id>`, the same from its `/personal` and `/tab`
 * pages) and the Teams deep link its "Copy link" shares — pasted into a compose box unfurls to the
 * record's card for a member, with "Open in Pipeline CRM" and Stage View; for anyone else to nothing.
 */
const TENANT = '33333333-3333-3333-3333-333333333333';
const APP_ID = '6f1c2f59-8e0a-4a8e-9a8e-3d7b2f1c4e55';
const TAB = 'https://crm.example';
const TEAM: TestTeam = {
  tenantId: TENANT,
  teamId: '19:links@thread.tacv2',
  name: 'Links',
  aadGroupId: 'group-links',
};
const ALICE = rosterPerson('alice-links', 'Alice', TENANT);
const sender = channelSender(TEAM);

type Unfurled = {
  composeExtension: {
    type: string;
    attachments: {
      contentType: string;
      content: { actions?: { type: string; title: string; url?: string; data?: unknown }[] };
      preview: { content: { title: string; text?: string; tap?: { type: string; value: string } } };
    }[];
  };
};

let connector: ConnectorStandIn;
let bot: BotApp;
let app: AppDeps;
let post: ReturnType<typeof botClient>['post'];
let ws: string;
const records: Record<string, { address: RecordAddress; title: string }> = {};

beforeAll(async () => {
  app = await azuriteAppDeps('links');
  connector = await startConnectorStandIn();
  connector.rosters.set(TEAM.teamId, [ALICE]);
  ({
    bot,
    client: { post },
  } = await listeningBot({ app, connector, links: recordLinks({ tabUrl: TAB, teamsAppId: APP_ID }) }));
  await post(botInstalled(connector.url, TEAM, sender(ALICE, { locale: 'en-US' })));
  ws = (await app.workspaces.findByTeam(TENANT, TEAM.teamId))!.id;
  const caller = { actor: personActor(TEAM, ALICE) };
  const lead = must(await createLead(app, caller, ws, { ...ADA_LEAD, lastName: 'Lovelace (2)' }));
  const other = must(await createLead(app, caller, ws, { firstName: 'Grace', lastName: 'Hopper' }));
  const converted = must(await convertLead(app, caller, ws, lead.record.id, {}));
  const at = (kind: RecordAddress['kind'], recordId: string, title: string) => {
    records[kind] = { address: { workspaceId: ws, kind, recordId }, title };
  };
  at('lead', other.record.id, 'Grace Hopper');
  at('organisation', converted.organisation.record.id, 'Analytical Engines');
  at('contact', converted.contact.record.id, 'Ada Lovelace (2)');
  at('opportunity', converted.opportunity!.record.id, converted.opportunity!.record.name);
});

afterAll(async () => {
  await new Promise((resolve) => bot?.server.close(resolve));
  await connector?.close();
});

const unfurl = async (url: string, who: { aadObjectId: string; name: string } = ALICE) =>
  (await post(composeQuery(connector.url, { url }, sender(who)))).body as Unfurled;

describe('a link to a record, as the tab makes it, pasted into a compose box', () => {
  const forms = (address: RecordAddress): [string, string][] => {
    const place = recordTabAddress(address);
    return [
      ['web URL', tabWebUrl(`${TAB}/`, place)],
      ['personal tab page', tabWebUrl(`${TAB}/personal`, place)],
      ['Teams deep link', teamsDeepLink({ appId: APP_ID, entityId: PERSONAL_TAB_ENTITY_ID }, place)],
    ];
  };

  it.each(['lead', 'organisation', 'contact', 'opportunity'])(
    'kind %s: every form unfurls to its card, which opens it in the tab and in Stage View',
    async (kind) => {
      const { address, title } = records[kind]!;
      for (const [form, url] of forms(address)) {
        const body = await unfurl(url);
        expect([form, body.composeExtension.attachments.map((a) => a.preview.content.title)]).toEqual([
          form,
          [title],
        ]);
        const [attachment] = body.composeExtension.attachments;
        expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
        const [open, stage] = attachment?.content.actions ?? [];
        // The card's own link is the Teams deep link, and it unfurls too.
        expect(open).toMatchObject({ type: 'Action.OpenUrl', title: 'Open in Pipeline CRM' });
        expect(open?.url).toMatch(`https://teams.microsoft.com/l/entity/${APP_ID}/pipeline?`);
        expect(attachment?.preview.content.tap).toEqual({ type: 'openUrl', title, value: open?.url });
        expect(stage).toMatchObject({
          type: 'Action.Submit',
          data: { msteams: { type: 'invoke', value: { type: 'tab/tabInfoAction' } } },
        });
        expect((await unfurl(open!.url!)).composeExtension.attachments).toHaveLength(1);
      }
    },
  );

  it('unfurls to nothing for someone who is not a member, and for links that are no record', async () => {
    const mallory = { aadObjectId: 'mallory-links', name: 'Mallory' };
    for (const [, url] of forms(records.opportunity!.address))
      expect((await unfurl(url, mallory)).composeExtension.attachments).toEqual([]);
    for (const url of [
      `${TAB}/#/w/${ws}/dashboard`,
      `${TAB}/#/w/${ws}/leads`,
      `${TAB}/#/w/${ws}/leads/nope`,
      `${TAB}/#/w/not-a-workspace/leads/${records.lead!.address.recordId}`,
      `${TAB}/workspaces/${ws}/leads/${records.lead!.address.recordId}`,
    ])
      expect([url, (await unfurl(url)).composeExtension.attachments]).toEqual([url, []]);
  });
});

describe('the search command as Microsoft 365 Copilot calls it (the manifest’s parameters)', () => {
  const manifest = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'appPackage', 'manifest.json'), 'utf8'),
  ) as {
    composeExtensions: {
      commands: { id: string; parameters: { name: string; choices?: { value: string }[] }[] }[];
    }[];
  };
  const search = manifest.composeExtensions[0]!.commands.find((c) => c.id === 'searchRecords')!;
  const kinds = search.parameters.find((p) => p.name === 'kind')!.choices!.map((c) => c.value);

  it('declares a query and a kind; each kind it offers finds that kind only, with nothing typed', async () => {
    expect(search.parameters.map((p) => p.name)).toEqual(['query', 'kind']);
    const label = { lead: 'Lead', organisation: 'Organisation', contact: 'Contact', deal: 'Deal' };
    expect(kinds).toEqual(Object.keys(label));
    for (const kind of kinds) {
      const body = (await post(composeQuery(connector.url, { search: '', kind }, sender(ALICE))))
        .body as Unfurled;
      // A thumbnail card's second line is its `text`.
      const subtitles = body.composeExtension.attachments.map((a) => a.preview.content.text ?? '');
      expect([kind, subtitles.length > 0]).toEqual([kind, true]);
      for (const subtitle of subtitles)
        expect(subtitle.startsWith(label[kind as keyof typeof label])).toBe(true);
    }
  });

  it('a query with a kind: the matching deal only, its preview opening it in the tab', async () => {
    const body = (await post(composeQuery(connector.url, { search: 'Engines', kind: 'deal' }, sender(ALICE))))
      .body as Unfurled;
    const [only, ...rest] = body.composeExtension.attachments;
    expect(rest).toEqual([]);
    expect(only?.preview.content.title).toBe(records.opportunity!.title);
    expect(parseRecordLink(only?.preview.content.tap?.value ?? '')).toEqual(records.opportunity!.address);
    // Without a kind the same words find the organisation, the contact's company and the deal.
    const all = (await post(composeQuery(connector.url, { search: 'Engines' }, sender(ALICE))))
      .body as Unfurled;
    expect(all.composeExtension.attachments.length).toBeGreaterThan(1);
  });
});

describe('a notification card', () => {
  it('opens its deal in the tab: the conversion posted to the channel carries the Teams deep link', async () => {
    const logger = pino({ level: 'silent' });
    const channel = createTeamsNotificationChannel({
      app,
      translator: createTranslator(),
      poster: bot.poster,
      startChat: bot.startChat,
      logger,
      links: recordLinks({ tabUrl: TAB, teamsAppId: APP_ID }),
    });
    const entry = (await app.outbox.pending(ws, 50)).find((p) => p.event.type === 'lead.converted');
    const [target] = await channel.targetsFor(entry!.event);
    expect(await channel.send(target!, entry!.event)).toEqual({ kind: 'sent' });
    const posted = connector.sent.filter((s) => s.conversationId === TEAM.teamId).at(-1);
    const card = posted?.activity.attachments?.[0]?.content as { actions?: { url?: string }[] };
    const url = new URL(card.actions?.[0]?.url ?? '');
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({
      subEntityId: `${ws}/opportunities/${records.opportunity!.address.recordId}`,
    });
  });
});
