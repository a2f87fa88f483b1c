import { type Actor, type Result } from '@crm/shared';
import {
  convertLead,
  createActivity,
  createCampaign,
  createContact,
  createLead,
  createOpportunity,
  createOrganisation,
  deleteLead,
  disqualifyLead,
  installBot,
  updateOpportunity,
  type AppDeps,
  type Caller,
} from '@crm/shared/application';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/auth/demo-people';
import type { Logger } from '../http/logging';
import { DEFAULT_PLAYGROUND_SERVICE_URL, playgroundTeamInstall } from './playground-team';

const [OWNER] = DEMO_PEOPLE;

/** Sign in as this user (POST /api/dev/token) to see the demo workspace: Alex Wilber, its owner. */
export const DEMO_ACTOR: Actor = { tenantId: DEMO_TENANT_ID, userId: OWNER.userId, name: OWNER.name };

export type DemoSeedOptions = {
  /** The Bot Connector of the demo team's channel: the Agents Playground's, where `npm start` runs it. */
  readonly teamsServiceUrl?: string;
};

/** Alex's colleague Megan: owns the Van der Berg account and a lead, and has a day of her own. */
const COLLEAGUE = (DEMO_PEOPLE[1] ?? OWNER).userId;

/** A seed that fails is a bug in the seed or the rules: stop loudly. */
function must<T>(result: Result<T>, what: string): T {
  if (!result.ok)
    throw new Error(
      `Demo data: ${what} failed: ${result.error.code} ${JSON.stringify(result.error.fields ?? {})}`,
    );
  return result.value;
}

const isoDay = (from: Date, days: number): string =>
  new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * When storage has no workspace at all, fills one demo workspace through the use cases (so the data
 * obeys every rule). It is the workspace of the Agents Playground's team "My Team", bound as the bot
 * binds a team it is installed in (so its roster are the members, Alex the owner, and the General
 * channel hears about everything); then a campaign with a won deal, organisations with contacts,
 * deals across the stages (two left alone long enough to be stale, with no next step), leads in every
 * state (one, Kari Nordmann, a duplicate of the contact Ingrid at Fjordlys Logistikk AS), activities
 * done and planned (My day: overdue, today, upcoming), records owned by Alex and by Megan, and a
 * deleted lead in the recycle bin — so every view of the tab has something to show.
 */
export async function seedDemoData(
  deps: AppDeps,
  logger: Logger,
  options: DemoSeedOptions = {},
): Promise<boolean> {
  for await (const _ of deps.workspaces.listAll()) return false;
  const caller: Caller = { actor: DEMO_ACTOR };
  const today = new Date(deps.clock.now());

  const install = playgroundTeamInstall(options.teamsServiceUrl ?? DEFAULT_PLAYGROUND_SERVICE_URL);
  const ws = must(await installBot(deps, install), 'the team install').workspace.record.id;

  const fair = must(
    await createCampaign(deps, caller, ws, {
      name: 'Vakbeurs Logistiek Utrecht',
      type: 'trade-show',
      status: 'completed',
      startDate: isoDay(today, -40),
      endDate: isoDay(today, -38),
      currency: 'EUR',
      budgetedCost: 12_000,
      actualCost: 10_500,
      expectedRevenue: 80_000,
    }),
    'campaign',
  );

  const organisation = async (input: {
    name: string;
    industry: string;
    city: string;
    country: string;
    website?: string;
    ownerId?: string;
  }) => must(await createOrganisation(deps, caller, ws, input), `organisation ${input.name}`).record;
  const fjordlys = await organisation({
    name: 'Fjordlys Logistikk AS',
    industry: 'Logistics',
    city: 'Bergen',
    country: 'Norway',
    website: 'fjordlys.example',
  });
  const estrela = await organisation({
    name: 'Padaria Estrela Lda',
    industry: 'Food',
    city: 'Porto',
    country: 'Portugal',
  });
  const vanDerBerg = await organisation({
    name: 'Van der Berg Bouw BV',
    industry: 'Construction',
    city: 'Utrecht',
    country: 'Netherlands',
    ownerId: COLLEAGUE,
  });

  const ingrid = must(
    await createContact(deps, caller, ws, {
      organisationId: fjordlys.id,
      firstName: 'Ingrid',
      lastName: 'Solberg',
      email: 'ingrid@fjordlys.example',
      title: 'Innkjøpssjef',
      isDecisionMaker: true,
    }),
    'contact Ingrid',
  ).record;
  must(
    await createContact(deps, caller, ws, {
      organisationId: estrela.id,
      firstName: 'João',
      lastName: 'Ferreira',
      email: 'joao@estrela.example',
      title: 'Diretor',
    }),
    'contact João',
  );
  must(
    await createContact(deps, caller, ws, {
      organisationId: vanDerBerg.id,
      firstName: 'Sanne',
      lastName: 'de Vries',
      relationship: 'partner',
      ownerId: COLLEAGUE,
    }),
    'contact Sanne',
  );

  const deals: {
    name: string;
    organisationId: string;
    amount: number;
    stage: string;
    closeIn: number;
    lostReason?: string;
    campaignId?: string;
    /** Made this long ago and left alone since: the dashboard's stale deals. */
    untouchedDays?: number;
    /** Made this long ago and closed on its close date: the dashboard's sales cycle. */
    openedDaysAgo?: number;
  }[] = [
    {
      name: 'Fjordlys – warehouse scanners',
      organisationId: fjordlys.id,
      amount: 48_000,
      stage: 'proposal',
      closeIn: 30,
    },
    {
      name: 'Fjordlys – fleet tracking',
      organisationId: fjordlys.id,
      amount: 22_500,
      stage: 'negotiation',
      closeIn: 14,
    },
    {
      name: 'Estrela – point of sale',
      organisationId: estrela.id,
      amount: 9_800,
      stage: 'qualification',
      closeIn: 60,
      untouchedDays: 45,
    },
    {
      name: 'Van der Berg – site tablets',
      organisationId: vanDerBerg.id,
      amount: 15_000,
      stage: 'prospecting',
      closeIn: 90,
      untouchedDays: 38,
    },
    {
      name: 'Estrela – loyalty app',
      organisationId: estrela.id,
      amount: 6_000,
      stage: 'closed-won',
      closeIn: -5,
      campaignId: fair.record.id,
      openedDaysAgo: 35,
    },
    {
      name: 'Van der Berg – helpdesk',
      organisationId: vanDerBerg.id,
      amount: 4_000,
      stage: 'closed-lost',
      closeIn: -12,
      lostReason: 'Chose a local supplier',
    },
  ];
  const dealIds = new Map<string, string>();
  const daysAgo = (days: number | undefined): AppDeps =>
    days
      ? { ...deps, clock: { now: () => new Date(today.getTime() - days * 86_400_000).toISOString() } }
      : deps;
  for (const deal of deals) {
    const opened = daysAgo(deal.untouchedDays ?? deal.openedDaysAgo);
    // A closed deal closes on its close date, so the sales cycle runs from opening to then.
    const moved = deal.openedDaysAgo && deal.closeIn < 0 ? daysAgo(-deal.closeIn) : opened;
    const created = must(
      await createOpportunity(opened, caller, ws, {
        name: deal.name,
        organisationId: deal.organisationId,
        amount: deal.amount,
        currency: 'EUR',
        closeDate: isoDay(today, deal.closeIn),
        ...(deal.organisationId === fjordlys.id ? { primaryContactId: ingrid.id } : {}),
        ...(deal.organisationId === vanDerBerg.id ? { ownerId: COLLEAGUE } : {}),
        ...(deal.campaignId ? { campaignId: deal.campaignId } : {}),
      }),
      `opportunity ${deal.name}`,
    );
    dealIds.set(deal.name, created.record.id);
    // Every deal opens in the first stage and moves from there, so the history reads like real work.
    if (deal.stage !== created.record.stage) {
      must(
        await updateOpportunity(moved, caller, ws, created.record.id, created.version, {
          stage: deal.stage,
          ...(deal.lostReason ? { lostReason: deal.lostReason } : {}),
        }),
        `stage of ${deal.name}`,
      );
    }
  }

  const lead = (input: Record<string, unknown>) => createLead(deps, caller, ws, input);
  const newLead = must(
    await lead({
      firstName: 'Lars',
      lastName: 'Hansen',
      company: 'Nordkapp Fisk AS',
      email: 'lars@nordkapp.example',
      source: 'web',
    }),
    'lead Lars',
  );
  must(
    await lead({
      firstName: 'Marta',
      lastName: 'Oliveira',
      company: 'Oliveira & Filhos',
      source: 'trade-show',
      campaignId: fair.record.id,
      status: 'working-contacted',
      ownerId: COLLEAGUE,
      qualification: { budget: true, need: true, timeline: false, notes: 'Wil offerte na de zomer' },
    }),
    'lead Marta',
  );
  const toConvert = must(
    await lead({
      firstName: 'Pieter',
      lastName: 'Jansen',
      company: 'Jansen Transport BV',
      email: 'pieter@jansen.example',
      source: 'trade-show',
      campaignId: fair.record.id,
      qualification: { budget: true, authority: true, need: true, timeline: true },
    }),
    'lead Pieter',
  );
  const toDisqualify = must(
    await lead({ lastName: 'Bakker', company: 'Bakker Bloemen', source: 'purchased-list' }),
    'lead Bakker',
  );

  must(
    await createActivity(deps, caller, ws, {
      type: 'call',
      subject: 'First call',
      regarding: { type: 'lead', id: newLead.record.id },
      occurredAt: new Date(today.getTime() - 86_400_000).toISOString(),
      outcome: 'Asked for a brochure',
    }),
    'activity call',
  );
  must(
    await createActivity(deps, caller, ws, {
      type: 'meeting',
      subject: 'Demo at the stand',
      regarding: { type: 'lead', id: toConvert.record.id },
      occurredAt: new Date(today.getTime() - 39 * 86_400_000).toISOString(),
      outcome: 'Wants a proposal',
    }),
    'activity meeting',
  );
  must(
    await convertLead(deps, caller, ws, toConvert.record.id, {
      opportunity: { amount: 31_000, currency: 'EUR', stage: 'needs-analysis' },
    }),
    'conversion',
  );
  must(
    await disqualifyLead(deps, caller, ws, toDisqualify.record.id, undefined, {
      reason: 'No budget this year',
    }),
    'disqualification',
  );

  // A lead that is already in the CRM: her e-mail is Ingrid's at Fjordlys Logistikk AS, so creating
  // her lists both as possible duplicates and converting her selects them.
  must(
    await lead({
      firstName: 'Kari',
      lastName: 'Nordmann',
      company: 'Fjordlys Logistikk',
      email: 'ingrid@fjordlys.example',
      source: 'web',
    }),
    'lead Kari',
  );

  // My day: something overdue, something today and what comes next; the Estrela and Van der Berg
  // deals have no next step.
  const hour = 3_600_000;
  const startOfTomorrow = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1);
  const laterToday = today.getTime() + Math.min(2 * hour, (startOfTomorrow - today.getTime()) / 2);
  const planned: {
    type: string;
    subject: string;
    about: { type: string; id: string };
    due: number;
    ownerId?: string;
  }[] = [
    {
      type: 'task',
      subject: 'Send the revised scanner proposal',
      about: { type: 'opportunity', id: dealIds.get('Fjordlys – warehouse scanners')! },
      due: today.getTime() - 2 * 24 * hour,
    },
    {
      type: 'call',
      subject: 'Agree the fleet tracking pilot',
      about: { type: 'opportunity', id: dealIds.get('Fjordlys – fleet tracking')! },
      due: laterToday,
    },
    {
      type: 'meeting',
      subject: 'Visit Nordkapp Fisk',
      about: { type: 'lead', id: newLead.record.id },
      due: today.getTime() + 3 * 24 * hour,
    },
    {
      type: 'task',
      subject: 'Check the site tablets order',
      about: { type: 'organisation', id: vanDerBerg.id },
      due: today.getTime() + 24 * hour,
      ownerId: COLLEAGUE,
    },
  ];
  for (const item of planned) {
    must(
      await createActivity(deps, caller, ws, {
        type: item.type,
        subject: item.subject,
        regarding: item.about,
        occurredAt: new Date(item.due).toISOString(),
        completed: false,
        ...(item.ownerId ? { ownerId: item.ownerId } : {}),
      }),
      `activity ${item.subject}`,
    );
  }

  // The recycle bin: a lead entered twice, the copy deleted.
  const copy = must(
    await lead({ firstName: 'Lars', lastName: 'Hansen', company: 'Nordkapp Fisk', source: 'other' }),
    'lead copy',
  );
  must(await deleteLead(deps, caller, ws, copy.record.id, copy.version), 'deleted lead');

  logger.info(
    { workspaceId: ws, tenantId: DEMO_ACTOR.tenantId, userId: DEMO_ACTOR.userId, teamId: install.teamId },
    'seeded the demo workspace',
  );
  return true;
}
