import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLead, createOrganisation, listRecords, type AppDeps } from '@crm/shared/application';
import type { BotApp } from './bot-app';
import { recordLinks } from './cards/record-links';
import { MESSAGE_ACTIONS } from './conversation/handle-message-action';
import {
  botInstalled,
  channelSender,
  messageActionInvoke,
  personActor,
  rosterPerson,
  type TestTeam,
} from './testing/activities';
import { azuriteAppDeps } from './testing/azurite-app';
import { listeningBot, type botClient } from './testing/bot-client';
import { startConnectorStandIn, type ConnectorStandIn } from './testing/connector-stand-in';
import { must } from './testing/must';

/**
 * "Create lead from this message" and "Log to CRM" over real HTTP (CloudAdapter) against Azurite and
 * the stand-in Bot Connector, invoked on a message in a team's channel as Teams invokes them.
 */
const TENANT = '44444444-4444-4444-4444-444444444444';
const TEAM: TestTeam = {
  tenantId: TENANT,
  teamId: '19:msg@thread.tacv2',
  name: 'Fjord Sales',
  aadGroupId: 'g-msg',
};
const ALICE = rosterPerson('alice-msg', 'Alice', TENANT);
const INGRID = {
  ...rosterPerson('ingrid-msg', 'Ingrid Marie Berg', TENANT),
  email: 'ingrid@fjordlys.example',
};
const KARI = {
  ...rosterPerson('kari-msg', 'Kari Nordmann', TENANT),
  email: 'kari@fjordlys.example',
};
const sender = channelSender(TEAM);
const MESSAGE = {
  id: '1733472000000',
  sender: INGRID,
  html: '<p>Hi! We&#39;d like <b>40 trackers</b> for our fleet.</p><p>Can you send an offer?</p>',
  link: 'https://teams.microsoft.com/l/message/19:msg@thread.tacv2/1733472000000',
};

type TaskAnswer = {
  task?: {
    type: string;
    value: string | { title: string; card: { content: { body: Input[]; actions: { data: object }[] } } };
  };
};
type Input = { type: string; id?: string; value?: string; text?: string };

let connector: ConnectorStandIn;
let bot: BotApp;
let app: AppDeps;
let post: ReturnType<typeof botClient>['post'];
let ws: string;

beforeAll(async () => {
  app = await azuriteAppDeps('msgaction');
  connector = await startConnectorStandIn();
  connector.rosters.set(TEAM.teamId, [ALICE, INGRID, KARI]);
  ({
    bot,
    client: { post },
  } = await listeningBot({ app, connector, links: recordLinks({ tabUrl: 'https://crm.example' }) }));
  await post(botInstalled(connector.url, TEAM, sender(ALICE, { locale: 'en-US' })));
  ws = (await app.workspaces.findByTeam(TENANT, TEAM.teamId))!.id;
});

afterAll(async () => {
  await new Promise((resolve) => bot?.server.close(resolve));
  await connector?.close();
});

const invoke = async (
  step: 'fetch' | 'submit',
  command: string,
  data: Record<string, unknown> = {},
  who = ALICE,
  message: Parameters<typeof messageActionInvoke>[3] = MESSAGE,
) =>
  (await post(messageActionInvoke(connector.url, step, command, message, sender(who), data)))
    .body as TaskAnswer;

const dialogOf = (answer: TaskAnswer) => {
  expect(answer.task?.type).toBe('continue');
  return (
    answer.task!.value as { title: string; card: { content: { body: Input[]; actions: { data: object }[] } } }
  ).card.content;
};

describe('message actions on a message in a channel', () => {
  it('the manifest offers both on messages, under the ids the bot answers to', () => {
    const manifest = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'appPackage', 'manifest.json'), 'utf8'),
    ) as {
      composeExtensions: { commands: { id: string; type: string; context?: string[] }[] }[];
    };
    const actions = manifest.composeExtensions[0]!.commands.filter((c) => c.type === 'action');
    expect(actions.map((c) => [c.id, c.context])).toEqual([
      [MESSAGE_ACTIONS.createLead, ['message']],
      [MESSAGE_ACTIONS.logToCrm, ['message']],
    ]);
  });

  it('"Create lead from this message": a dialog pre-filled from the message, duplicates shown, then the lead with its note and a card in the channel', async () => {
    // Someone with the same e-mail is already a lead.
    must(
      await createLead(app, { actor: personActor(TEAM, ALICE) }, ws, {
        lastName: 'Berg',
        email: 'INGRID@fjordlys.example',
      }),
    );
    const dialog = dialogOf(await invoke('fetch', MESSAGE_ACTIONS.createLead));
    const value = (id: string) => dialog.body.find((i) => i.id === id)?.value;
    expect([value('firstName'), value('lastName'), value('email')]).toEqual([
      'Ingrid Marie',
      'Berg',
      INGRID.email,
    ]);
    expect(value('description')).toBe(
      `Hi! We'd like 40 trackers for our fleet.\nCan you send an offer?\n\n${MESSAGE.link}`,
    );
    // The lead with that e-mail, why, and a link to it.
    const earlier = must(
      await listRecords(app, { actor: personActor(TEAM, ALICE) }, ws, 'lead', { q: 'Berg' }),
    ).items[0]!.record;
    expect(JSON.stringify(dialog.body)).toContain('Maybe already in the CRM');
    expect(JSON.stringify(dialog.body)).toContain(
      `[Berg](https://crm.example/#/w/${ws}/leads/${earlier.id})`,
    );
    expect(JSON.stringify(dialog.body)).toContain('"text":"same e-mail"');

    const inputs = {
      firstName: 'Ingrid Marie',
      lastName: 'Berg',
      email: INGRID.email,
      company: 'Fjordlys AS',
      description: value('description'),
    };
    const posted = connector.sent.length;
    const done = await invoke('submit', MESSAGE_ACTIONS.createLead, {
      ...dialog.actions[0]!.data,
      ...inputs,
    });
    expect(done).toEqual({});
    // A resent submit (Teams retries) makes no second lead, and posts no second card.
    const again = await invoke('submit', MESSAGE_ACTIONS.createLead, {
      ...dialog.actions[0]!.data,
      ...inputs,
    });
    expect(again.task).toEqual({ type: 'message', value: 'Ingrid Marie Berg is now a lead.' });
    const leads = must(
      await listRecords(app, { actor: personActor(TEAM, ALICE) }, ws, 'lead', { q: 'Fjordlys' }),
    );
    expect(leads.items.map((l) => [l.record.firstName, l.record.company])).toEqual([
      ['Ingrid Marie', 'Fjordlys AS'],
    ]);
    const lead = leads.items[0]!.record;
    const notes = must(await listRecords(app, { actor: personActor(TEAM, ALICE) }, ws, 'activity', {}));
    expect(notes.items.map((n) => [n.record.subject, n.record.regarding, n.record.notes])).toEqual([
      ['From Teams message', { type: 'lead', id: lead.id }, value('description')],
    ]);
    // The channel hears of it once, with a link to the lead.
    const cards = connector.sent.slice(posted).filter((s) => s.conversationId === TEAM.teamId);
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]!.activity.attachments?.[0]?.content)).toContain(
      'Lead created from a message: Ingrid Marie Berg',
    );
    expect(JSON.stringify(cards[0]!.activity.attachments?.[0]?.content)).toContain(
      `https://crm.example/#/w/${ws}/leads/${lead.id}`,
    );
  });

  it('"Log to CRM": the message as a note on a chosen open lead; someone who is no member gets no dialog', async () => {
    const dialog = dialogOf(await invoke('fetch', MESSAGE_ACTIONS.logToCrm));
    const choices = (
      dialog.body.find((i) => i.id === 'record') as unknown as { choices: { title: string; value: string }[] }
    ).choices;
    const berg = choices.find((c) => c.title.includes('Fjordlys AS'))!;
    expect(berg.title).toBe('Lead: Ingrid Marie Berg (Fjordlys AS)');
    const said = await invoke('submit', MESSAGE_ACTIONS.logToCrm, {
      ...dialog.actions[0]!.data,
      record: berg.value,
      subject: 'Offer asked',
    });
    expect(said.task).toEqual({ type: 'message', value: 'Logged as a note: Offer asked.' });
    const [, , id] = berg.value.split('|');
    const notes = must(await listRecords(app, { actor: personActor(TEAM, ALICE) }, ws, 'activity', {}));
    expect(
      notes.items
        .filter((n) => n.record.regarding.id === id)
        .map((n) => n.record.subject)
        .sort(),
    ).toEqual(['From Teams message', 'Offer asked']);
    const mallory = { ...rosterPerson('mallory-msg', 'Mallory', TENANT) };
    const refused = await invoke('fetch', MESSAGE_ACTIONS.logToCrm, {}, mallory);
    expect(refused.task?.type).toBe('message');
  });
});

describe('"Create lead from this message" names what the lead may already be, with why and a link', () => {
  const fromKari = {
    id: '1733472100000',
    sender: KARI,
    html: '<p>We need trackers for 12 more trucks.</p>',
    link: 'https://teams.microsoft.com/l/message/19:msg@thread.tacv2/1733472100000',
  };
  const leadsNamed = async (lastName: string) =>
    must(
      await listRecords(app, { actor: personActor(TEAM, ALICE) }, ws, 'lead', { q: lastName }),
    ).items.filter((l) => l.record.lastName === lastName);
  let org: string;

  beforeAll(async () => {
    org = must(
      await createOrganisation(app, { actor: personActor(TEAM, ALICE) }, ws, {
        name: 'Fjordlys Logistikk AS',
        website: 'https://www.fjordlys.example',
      }),
    ).record.id;
  });

  it('a sender at fjordlys.example: the dialog names the organisation "Fjordlys Logistikk AS", same domain, linked; Create anyway creates', async () => {
    const dialog = dialogOf(await invoke('fetch', MESSAGE_ACTIONS.createLead, {}, ALICE, fromKari));
    const body = JSON.stringify(dialog.body);
    expect(body).toContain('Maybe already in the CRM');
    expect(body).toContain(`[Fjordlys Logistikk AS](https://crm.example/#/w/${ws}/organisations/${org})`);
    expect(body).toContain('"text":"Organisation"');
    expect(body).toContain('"text":"same domain"');
    expect((dialog.actions[0] as unknown as { title: string }).title).toBe('Create lead anyway');

    // The person saw the organisation and creates the lead anyway, naming the company.
    const done = await invoke(
      'submit',
      MESSAGE_ACTIONS.createLead,
      {
        ...dialog.actions[0]!.data,
        firstName: 'Kari',
        lastName: 'Nordmann',
        email: KARI.email,
        company: 'Fjordlys Logistikk',
      },
      ALICE,
      fromKari,
    );
    expect(done).toEqual({});
    expect((await leadsNamed('Nordmann')).map((l) => l.record.company)).toEqual(['Fjordlys Logistikk']);
  });

  it('a company typed that matches an organisation the dialog did not show: shown first with "same name but for AS", then created on the second press', async () => {
    // Teams gives no e-mail for this sender (not on the team's roster), so the dialog shows no match.
    const stranger = {
      id: '1733472200000',
      sender: rosterPerson('ola-msg', 'Ola Dahl', TENANT),
      html: '<p>Price for 3 trackers?</p>',
      link: 'https://teams.microsoft.com/l/message/19:msg@thread.tacv2/1733472200000',
    };
    const dialog = dialogOf(await invoke('fetch', MESSAGE_ACTIONS.createLead, {}, ALICE, stranger));
    expect(JSON.stringify(dialog.body)).not.toContain('Fjordlys');
    expect((dialog.actions[0] as unknown as { title: string }).title).toBe('Create lead');

    const inputs = { firstName: 'Ola', lastName: 'Dahl', company: 'fjordlys logistikk', description: 'x' };
    const again = dialogOf(
      await invoke(
        'submit',
        MESSAGE_ACTIONS.createLead,
        { ...dialog.actions[0]!.data, ...inputs },
        ALICE,
        stranger,
      ),
    );
    const body = JSON.stringify(again.body);
    expect(body).toContain(`[Fjordlys Logistikk AS](https://crm.example/#/w/${ws}/organisations/${org})`);
    expect(body).toContain('"text":"same name but for AS"');
    expect(body).toContain('the lead is created when you press the button again');
    expect(again.body.find((i) => i.id === 'company')?.value).toBe('fjordlys logistikk');
    expect(await leadsNamed('Dahl')).toEqual([]);

    const done = await invoke(
      'submit',
      MESSAGE_ACTIONS.createLead,
      { ...again.actions[0]!.data, ...inputs },
      ALICE,
      stranger,
    );
    expect(done).toEqual({});
    expect((await leadsNamed('Dahl')).map((l) => l.record.company)).toEqual(['fjordlys logistikk']);
  });
});
