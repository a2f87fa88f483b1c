import ExcelJS from 'exceljs';
import type { Actor } from '@crm/shared';
import { capital } from '../routes/wording';
import { XLSX_TYPE } from '../imports/xlsx-file';
import { ALICE, BOB } from './test-server';

/**
 * One request of the conformance test (tab/server/openapi/openapi-conformance.int.spec.ts). The
 * operation's method and path come from the served document; a Call fills in the rest.
 */
export type Call = {
  /** Path parameters; `ws` defaults to the scenario workspace. */
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | readonly string[]>>;
  /** A JSON body... */
  readonly body?: unknown;
  /** ...or raw bytes with their media type. */
  readonly raw?: { readonly type: string; readonly data: string | Buffer };
  readonly headers?: Readonly<Record<string, string>>;
  /** Who calls: the workspace owner (Alice) by default on token-protected operations; null sends no token. */
  readonly as?: Actor | null;
  /**
   * Which server answers. `main`: the real one. `limited`: every /api/v1 request is rate limited.
   * `broken`: storage fails. `busy`: storage is busy (the storage layer gave up retrying).
   * `paused`: imports queue and never run, one unfinished job a workspace.
   * `full`: no room for an uploaded file.
   */
  readonly server?: ServerName;
  /** The problem `code` the answer must carry. */
  readonly code?: string;
};

export type ServerName = 'main' | 'limited' | 'broken' | 'busy' | 'paused' | 'full';

/** What a scenario can build its calls on; every request it sends is checked against the document too. */
export type ScenarioContext = {
  /** A workspace owned by Alice, with Bob as a member, shared by every scenario. */
  readonly ws: string;
  /** A new workspace owned by Alice (with `members` added), for a scenario that changes the workspace itself. */
  workspace(members?: readonly Actor[]): Promise<string>;
  /** A live record of the kind (`leads`...) in `ws` (or another workspace), made with a valid body merged with `body`. */
  create(plural: string, body?: object, ws?: string): Promise<{ id: string; etag: string }>;
  /** A record of the kind in the recycle bin of `ws`. */
  deleted(plural: string): Promise<string>;
  /** A converted lead of `ws`. */
  convertedLead(): Promise<{ id: string; etag: string }>;
  /**
   * A Teams channel of a team bound to `ws` that the bot subscribed (as `subscribe all` would), with
   * its conversation id and the ETag listChannels gives it.
   */
  subscribedChannel(): Promise<{ conversationId: string; etag: string }>;
  /** A notification of `ws` the relay gave up on (a dead letter): its event id. */
  deadLetter(): Promise<string>;
  /** Sends a call to an operation (setup) and gives back status and parsed body. */
  send(
    operationId: string,
    call: Call,
  ): Promise<{ status: number; body: unknown; headers: Record<string, string> }>;
  /** Resolves when the main server's import worker has nothing left to run. */
  importsIdle(): Promise<void>;
};

export type Step = (ctx: ScenarioContext) => Promise<Call>;

/**
 * How the test drives one documented operation. `ok` must get its (first) success status; the test
 * derives the shared errors from it (no token → 401, unknown workspace → 404, a malformed, oversized
 * or non-JSON body → 400/413/415, no or a stale If-Match → 428/412, the `limited` server → 429, the
 * `broken` one → 500, the `busy` one → 503 STORAGE.BUSY with Retry-After). `also` triggers the operation's other statuses. Every status the document lists
 * must be triggered by one or the other, or be named in `untriggered` with the reason.
 */
export type Scenario = {
  readonly ok: Step;
  readonly also?: Readonly<Partial<Record<number, Step | readonly Step[]>>>;
  readonly untriggered?: Readonly<Partial<Record<number, string>>>;
};

const csv = (rows: number, tag: string): string =>
  [
    'firstName,lastName,email,company',
    ...Array.from({ length: rows }, (_, i) => `Sanne,de Vries ${i},${tag}.${i}@example.com,Bakkerij ${i}`),
  ].join('\r\n');
let unique = 0;
const tag = (prefix: string) => `${prefix}${++unique}${Date.now().toString(36)}`;

const PATCHES: Readonly<Record<string, object>> = {
  leads: { title: 'Inkoper' },
  organisations: { city: 'Utrecht' },
  contacts: { title: 'CFO' },
  opportunities: { stage: 'proposal' },
  campaigns: { description: 'Stand 42' },
  activities: { notes: 'Called back' },
};

/** A workbook whose first sheet holds a CSV's cells (`''`: an empty sheet). */
async function workbook(text: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Leads');
  for (const line of text ? text.split('\r\n') : []) sheet.addRow(line.split(','));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A file previewed (as Alice, on `call`'s server and workspace): its preview id. */
async function previewOf(ctx: ScenarioContext, data: string, call: Partial<Call> = {}): Promise<string> {
  const answer = await ctx.send('previewImport', { ...call, raw: { type: 'text/csv', data } });
  return (answer.body as { id: string }).id;
}

/** Files of organisations, contacts and deals (a contact's or deal's unknown organisation is a row error, not a refusal). */
const SIBLING_FILES: Readonly<Record<string, (rows: number, tag: string) => string>> = {
  organisations: (rows, t) =>
    [
      'Account Name,Website',
      ...Array.from({ length: rows }, (_, i) => `Bakkerij ${t} ${i},bakkerij-${t}-${i}.nl`),
    ].join('\r\n'),
  contacts: (rows, t) =>
    [
      'First Name,Last Name,Email,Account Name',
      ...Array.from({ length: rows }, (_, i) => `Sanne,de Vries,${t}.${i}@example.com,Bakkerij ${t}`),
    ].join('\r\n'),
  opportunities: (rows, t) =>
    [
      'Opportunity Name,Account Name,Amount',
      ...Array.from({ length: rows }, (_, i) => `Ovens ${i},Bakkerij ${t},1000`),
    ].join('\r\n'),
};

/** An upload too large (413), not CSV (415), or with no room on the server (429). */
const uploadRefusals = (file: (rows: number, tag: string) => string) => ({
  413: async (): Promise<Call> => ({
    raw: { type: 'text/csv', data: file(3000, tag('big')) },
    code: 'REQUEST.TOO_LARGE',
  }),
  415: async (): Promise<Call> => ({
    raw: { type: 'application/json', data: '{}' },
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  }),
  429: async (): Promise<Call> => ({
    server: 'full',
    raw: { type: 'text/csv', data: file(2, tag('full')) },
    code: 'IMPORT.SPOOL_FULL',
  }),
});

/** importOrganisations, importContacts, importOpportunities: the same answers as importLeads. */
function siblingImportScenarios(): Record<string, Scenario> {
  return Object.fromEntries(
    Object.entries(SIBLING_FILES).map(([plural, file]): [string, Scenario] => [
      `import${capital(plural)}`,
      {
        ok: async () => ({ raw: { type: 'text/csv', data: file(2, tag('sib')) } }),
        also: {
          202: async () => ({ raw: { type: 'text/csv', data: file(5, tag('sibj')) } }),
          400: async () => ({ raw: { type: 'text/csv', data: '' }, code: 'IMPORT.EMPTY_FILE' }),
          ...uploadRefusals(file),
        },
      },
    ]),
  );
}

/** The record kinds by URL segment, with the name their operations use (`createLead`). */
export const KINDS = {
  leads: 'Lead',
  organisations: 'Organisation',
  contacts: 'Contact',
  opportunities: 'Opportunity',
  campaigns: 'Campaign',
  activities: 'Activity',
} as const;
export type Plural = keyof typeof KINDS;

/** The six record kinds' operations, and what their own rules add. */
function recordScenarios(plural: Plural): Record<string, Scenario> {
  const Kind = KINDS[plural];
  const item = async (ctx: ScenarioContext) => {
    const { id, etag } = await ctx.create(plural);
    return { params: { id }, headers: { 'If-Match': etag } };
  };
  const updateConflicts: Partial<Record<Plural, Step>> = {
    leads: async (ctx) => {
      const lead = await ctx.convertedLead();
      return {
        params: { id: lead.id },
        headers: { 'If-Match': lead.etag },
        body: { title: 'x' },
        code: 'LEAD.READ_ONLY',
      };
    },
    opportunities: async (ctx) => {
      const { id, etag } = await ctx.create('opportunities', { stage: 'closed-won' });
      return {
        params: { id },
        headers: { 'If-Match': etag },
        body: { stage: 'proposal' },
        code: 'OPPORTUNITY.CLOSED',
      };
    },
    campaigns: async (ctx) => {
      const { id, etag } = await ctx.create('campaigns');
      return {
        params: { id },
        headers: { 'If-Match': etag },
        body: { status: 'completed' },
        code: 'CAMPAIGN.INVALID_TRANSITION',
      };
    },
  };
  const deleteConflicts: Partial<Record<Plural, Step>> = {
    leads: async (ctx) => {
      const lead = await ctx.convertedLead();
      return { params: { id: lead.id }, headers: { 'If-Match': lead.etag }, code: 'LEAD.READ_ONLY' };
    },
    organisations: async (ctx) => {
      const org = await ctx.create('organisations');
      await ctx.create('contacts', { organisationId: org.id });
      return {
        params: { id: org.id },
        headers: { 'If-Match': org.etag },
        code: 'ORGANISATION.HAS_DEPENDENTS',
      };
    },
    campaigns: async (ctx) => {
      const campaign = await ctx.create('campaigns');
      await ctx.create('leads', { campaignId: campaign.id });
      return {
        params: { id: campaign.id },
        headers: { 'If-Match': campaign.etag },
        code: 'CAMPAIGN.HAS_DEPENDENTS',
      };
    },
  };
  const missing = { params: { id: 'no-such-record' } };
  const notFound = `${Kind.toUpperCase()}.NOT_FOUND`;
  return {
    [`list${capital(plural)}`]: {
      ok: async (ctx) => {
        await ctx.create(plural);
        return { query: { limit: '5' } };
      },
      also: { 400: async () => ({ query: { sort: 'shoe-size' }, code: 'LIST.UNKNOWN_SORT' }) },
    },
    [`create${Kind}`]: {
      ok: async (ctx) => ({
        body: await validBody(ctx, plural),
        headers: { 'Idempotency-Key': tag('create-') },
      }),
      also: {
        400: async () => ({ body: { unknownField: 1 }, code: 'VALIDATION.FAILED' }),
        409: async (ctx) => {
          const key = tag('reuse-');
          const body = await validBody(ctx, plural);
          await ctx.send(`create${Kind}`, { body, headers: { 'Idempotency-Key': key } });
          return {
            body: await validBody(ctx, plural),
            headers: { 'Idempotency-Key': key },
            code: 'IDEMPOTENCY.KEY_REUSED',
          };
        },
      },
    },
    [`get${Kind}`]: {
      ok: async (ctx) => ({ params: (await item(ctx)).params }),
      also: { 404: async () => ({ ...missing, code: notFound }) },
    },
    [`update${Kind}`]: {
      ok: async (ctx) => ({ ...(await item(ctx)), body: PATCHES[plural] }),
      also: {
        400: async (ctx) => ({ ...(await item(ctx)), body: { unknownField: 1 }, code: 'VALIDATION.FAILED' }),
        404: async () => ({
          ...missing,
          headers: { 'If-Match': '"eA"' },
          body: PATCHES[plural],
          code: notFound,
        }),
        ...(updateConflicts[plural] ? { 409: updateConflicts[plural] } : {}),
      },
    },
    [`delete${Kind}`]: {
      ok: item,
      also: {
        404: async () => ({ ...missing, headers: { 'If-Match': '"eA"' }, code: notFound }),
        ...(deleteConflicts[plural] ? { 409: deleteConflicts[plural] } : {}),
      },
    },
    [`restore${Kind}`]: {
      ok: async (ctx) => ({ params: { id: await ctx.deleted(plural) } }),
      also: {
        404: async () => ({ ...missing, code: notFound }),
        409: async (ctx) => ({ params: { id: (await ctx.create(plural)).id }, code: 'RECORD.NOT_DELETED' }),
      },
      untriggered: { 412: 'only when two restores of one record race' },
    },
    [`purge${Kind}`]: {
      ok: async (ctx) => ({ params: { id: await ctx.deleted(plural) } }),
      also: {
        403: async (ctx) => ({
          params: { id: await ctx.deleted(plural) },
          as: BOB,
          code: 'WORKSPACE.OWNER_REQUIRED',
        }),
        404: async () => ({ ...missing, code: notFound }),
        409: async (ctx) => ({ params: { id: (await ctx.create(plural)).id }, code: 'RECORD.NOT_DELETED' }),
      },
    },
  };
}

/** A create body the kind accepts in `ws` (default: the scenario workspace), its references made first. */
export async function validBody(ctx: ScenarioContext, plural: Plural, ws = ctx.ws): Promise<object> {
  const organisationId = async () => (await ctx.create('organisations', {}, ws)).id;
  switch (plural) {
    case 'leads':
      return { lastName: 'Jansen', company: 'Jansen Transport BV', email: `${tag('l')}@example.com` };
    case 'organisations':
      return { name: `Østby Fisk ${tag('o')}`, website: 'https://ostby.example' };
    case 'contacts':
      return { organisationId: await organisationId(), lastName: 'Gonçalves' };
    case 'opportunities':
      return { name: 'Fleet renewal', organisationId: await organisationId(), amount: 25000 };
    case 'campaigns':
      return { name: `Vakbeurs Utrecht ${tag('c')}`, type: 'trade-show' };
    case 'activities':
      return {
        type: 'call',
        subject: 'Intro call',
        regarding: { type: 'organisation', id: await organisationId() },
      };
    default: {
      const _exhaustive: never = plural;
      return _exhaustive;
    }
  }
}

/** An open activity (a call planned for 2031) of Alice's in `ws`, about an organisation. */
const plannedActivity = (ctx: ScenarioContext) =>
  ctx.create('activities', { completed: false, occurredAt: '2031-01-06T09:00:00+01:00' });

const activityScenarios = (): Record<string, Scenario> => {
  const missing = { params: { id: 'no-such-activity' }, code: 'ACTIVITY.NOT_FOUND' };
  return {
    completeActivity: {
      ok: async (ctx) => {
        const { id, etag } = await plannedActivity(ctx);
        return { params: { id }, headers: { 'If-Match': etag }, body: { outcome: 'Agreed on a pilot' } };
      },
      also: {
        400: async (ctx) => ({
          params: { id: (await plannedActivity(ctx)).id },
          body: { outcome: 'x'.repeat(1001) },
          code: 'VALIDATION.FAILED',
        }),
        404: async () => ({ ...missing, body: {} }),
      },
    },
    reopenActivity: {
      ok: async (ctx) => {
        const { id, etag } = await ctx.create('activities');
        return { params: { id }, headers: { 'If-Match': etag } };
      },
      also: { 404: async () => missing },
    },
    rescheduleActivity: {
      ok: async (ctx) => {
        const { id, etag } = await plannedActivity(ctx);
        return {
          params: { id },
          headers: { 'If-Match': etag },
          body: { dueAt: '2031-01-07T09:00:00+01:00' },
        };
      },
      also: {
        400: async (ctx) => ({
          params: { id: (await plannedActivity(ctx)).id },
          body: { dueAt: 'friday' },
          code: 'VALIDATION.FAILED',
        }),
        404: async () => ({ ...missing, body: { dueAt: '2031-01-07T09:00:00Z' } }),
        409: async (ctx) => ({
          params: { id: (await ctx.create('activities')).id },
          body: { dueAt: '2031-01-07T09:00:00Z' },
          code: 'ACTIVITY.ALREADY_COMPLETED',
        }),
      },
    },
    getMyDay: {
      ok: async (ctx) => {
        await plannedActivity(ctx);
        return { query: { tz: 'Europe/Oslo', days: '31' } };
      },
      also: {
        400: [
          async () => ({ query: { tz: 'Mars/Olympus' }, code: 'VALIDATION.FAILED' }),
          async () => ({ query: { ownerId: 'nobody' }, code: 'OWNER.NOT_A_MEMBER' }),
        ],
        403: async () => ({ query: { ownerId: ALICE.userId }, as: BOB, code: 'WORKSPACE.OWNER_REQUIRED' }),
      },
    },
  };
};

const reassignScenarios = (): Record<string, Scenario> =>
  Object.fromEntries(
    (['leads', 'organisations', 'contacts', 'opportunities'] as const).map((plural) => [
      `reassign${capital(plural)}`,
      {
        ok: async (ctx: ScenarioContext) => {
          const [a, b] = [await ctx.create(plural), await ctx.create(plural)];
          return { body: { ownerId: BOB.userId, items: [a, { id: b.id, etag: '"c3RhbGU"' }] } };
        },
        also: {
          400: async (ctx: ScenarioContext) => ({
            body: { ownerId: 'mallory', items: [await ctx.create(plural)] },
            code: 'OWNER.NOT_A_MEMBER',
          }),
        },
      } satisfies Scenario,
    ]),
  );

const STALE_ETAG = '"c3RhbGU"';

const mergeScenarios = (): Record<string, Scenario> => ({
  mergeOrganisations: {
    ok: async (ctx) => {
      const name = `Fjordlys Logistikk ${tag('mo')}`;
      const survivor = await ctx.create('organisations', { name: `${name} AS` });
      const loser = await ctx.create('organisations', { name, website: 'fjordlys.example' });
      await ctx.create('contacts', { organisationId: loser.id });
      return { body: { survivor, loser } };
    },
    also: {
      400: async (ctx) => {
        const one = await ctx.create('organisations');
        return { body: { survivor: one, loser: one }, code: 'MERGE.SAME_RECORD' };
      },
      404: async (ctx) => ({
        body: { survivor: await ctx.create('organisations'), loser: { id: 'no-such-org', etag: STALE_ETAG } },
        code: 'ORGANISATION.NOT_FOUND',
      }),
      409: async (ctx) => {
        const [survivor, loser] = [await ctx.create('organisations'), await ctx.create('organisations')];
        // 3 rows an activity (its row and its regarding row twice): 33 of them and the two records pass 100.
        for (let i = 0; i < 33; i++)
          await ctx.create('activities', { regarding: { type: 'organisation', id: loser.id } });
        return { body: { survivor, loser }, code: 'MERGE.TOO_LARGE' };
      },
      412: async (ctx) => ({
        body: {
          survivor: await ctx.create('organisations'),
          loser: { id: (await ctx.create('organisations')).id, etag: STALE_ETAG },
        },
        code: 'CONCURRENCY.STALE',
      }),
      428: async (ctx) => ({
        body: {
          survivor: await ctx.create('organisations'),
          loser: { id: (await ctx.create('organisations')).id },
        },
        code: 'CONCURRENCY.VERSION_REQUIRED',
      }),
    },
  },
  mergeContacts: {
    ok: async (ctx) => {
      const { id: organisationId } = await ctx.create('organisations');
      const survivor = await ctx.create('contacts', { organisationId, lastName: 'Solberg' });
      const loser = await ctx.create('contacts', {
        organisationId,
        lastName: 'Solberg',
        phone: '+47 55 00 00 00',
      });
      await ctx.create('opportunities', { organisationId, primaryContactId: loser.id });
      return { body: { survivor, loser } };
    },
    also: {
      400: async (ctx) => {
        const one = await ctx.create('contacts');
        return { body: { survivor: one, loser: one }, code: 'MERGE.SAME_RECORD' };
      },
      404: async (ctx) => ({
        body: { survivor: await ctx.create('contacts'), loser: { id: 'no-such-contact', etag: STALE_ETAG } },
        code: 'CONTACT.NOT_FOUND',
      }),
      409: async (ctx) => ({
        body: { survivor: await ctx.create('contacts'), loser: await ctx.create('contacts') },
        code: 'MERGE.DIFFERENT_ORGANISATIONS',
      }),
      412: async (ctx) => {
        const { id: organisationId } = await ctx.create('organisations');
        const survivor = await ctx.create('contacts', { organisationId });
        const loser = await ctx.create('contacts', { organisationId });
        return { body: { survivor: { ...survivor, etag: STALE_ETAG }, loser }, code: 'CONCURRENCY.STALE' };
      },
      428: async (ctx) => {
        const { id: organisationId } = await ctx.create('organisations');
        const survivor = await ctx.create('contacts', { organisationId });
        const loser = await ctx.create('contacts', { organisationId });
        return { body: { survivor: { id: survivor.id }, loser }, code: 'CONCURRENCY.VERSION_REQUIRED' };
      },
    },
  },
});

const REPORTS = {
  getPipelineReport: 'pipeline',
  getForecastReport: 'forecast',
  getConversionReport: 'conversion',
  getCampaignReport: 'campaigns',
  getWinRateReport: 'win-rate',
  getSalesCycleReport: 'sales-cycle',
  getStaleDealsReport: 'stale-deals',
  getNoNextStepReport: 'no-next-step',
};

const reportScenarios = (): Record<string, Scenario> =>
  Object.fromEntries(
    Object.keys(REPORTS).map((operationId) => [
      operationId,
      {
        ok: async (ctx: ScenarioContext) => {
          await ctx.create('opportunities', { amount: 1200, closeDate: '2031-03-15' });
          await ctx.create('opportunities', { stage: 'closed-won', amount: 800 });
          await ctx.create('campaigns', { actualCost: 100 });
          return {};
        },
        also: { 400: async () => ({ query: { by: ['source', 'owner'], from: ['a', 'b'] } }) },
      } satisfies Scenario,
    ]),
  );

const exportScenarios = (): Record<string, Scenario> =>
  Object.fromEntries(
    (['leads', 'organisations', 'contacts', 'opportunities'] as const).map((plural) => [
      `export${capital(plural)}`,
      {
        ok: async (ctx: ScenarioContext) => {
          await ctx.create(plural);
          return {};
        },
      } satisfies Scenario,
    ]),
  );

/** A fresh workspace with Bob as a member, and its ETag. */
const workspaceWithBob = async (ctx: ScenarioContext) => {
  const ws = await ctx.workspace([BOB]);
  const etag = (await ctx.send('getWorkspace', { params: { ws } })).headers.etag ?? '';
  return { ws, etag };
};

/**
 * Every documented operation, by operationId. A new endpoint needs an entry here (the test names the
 * operation that has none); see tab/README.md "The API document and its conformance test".
 */
export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  checkLiveness: { ok: async () => ({}) },
  checkReadiness: {
    ok: async () => ({}),
    also: { 503: async () => ({ server: 'broken', code: 'SERVER.NOT_READY' }) },
  },
  getOpenApiDocument: { ok: async () => ({}) },
  issueDevToken: {
    ok: async () => ({ body: { tenantId: ALICE.tenantId, userId: 'dev-user', name: 'Dev User' } }),
    also: {
      400: async () => ({ body: { tenantId: 'has spaces' }, code: 'VALIDATION.FAILED' }),
      403: async () => ({
        body: { tenantId: ALICE.tenantId, userId: 'dev-user' },
        headers: { 'X-Forwarded-For': '203.0.113.7' },
        code: 'AUTH.LOCAL_ONLY',
      }),
      429: async (ctx) => {
        const call: Call = { server: 'limited', body: { tenantId: ALICE.tenantId, userId: 'dev-user' } };
        // 60 a minute from one address: ask until refused (a slow machine may cross a window's end).
        for (let i = 0; i < 200; i++) if ((await ctx.send('issueDevToken', call)).status === 429) break;
        return { ...call, code: 'REQUEST.RATE_LIMITED' };
      },
    },
  },

  listWorkspaces: { ok: async () => ({}) },
  createWorkspace: {
    ok: async () => ({ body: { name: 'Verkoop Noord' }, headers: { 'Idempotency-Key': tag('ws-') } }),
    also: {
      400: async () => ({ body: { name: '' }, code: 'VALIDATION.FAILED' }),
      403: async () => ({
        body: { name: 'Team', teamId: '19:unknown@thread.tacv2' },
        code: 'WORKSPACE.TEAM_NOT_VERIFIED',
      }),
      409: async (ctx) => {
        const key = tag('ws-reuse-');
        await ctx.send('createWorkspace', { body: { name: 'First' }, headers: { 'Idempotency-Key': key } });
        return {
          body: { name: 'Second' },
          headers: { 'Idempotency-Key': key },
          code: 'IDEMPOTENCY.KEY_REUSED',
        };
      },
    },
  },
  getWorkspace: { ok: async () => ({}) },
  updateWorkspace: {
    ok: async (ctx) => {
      const { ws, etag } = await workspaceWithBob(ctx);
      return {
        params: { ws },
        headers: { 'If-Match': etag },
        body: {
          name: 'Verkoop Zuid',
          staleAfterDays: 21,
          leadAssignment: { mode: 'round-robin', memberIds: [ALICE.userId, BOB.userId] },
          morningDigest: { enabled: true, timeZone: 'Europe/Amsterdam' },
        },
      };
    },
    also: {
      400: [
        async (ctx) => {
          const { ws, etag } = await workspaceWithBob(ctx);
          return {
            params: { ws },
            headers: { 'If-Match': etag },
            body: { staleAfterDays: 0 },
            code: 'VALIDATION.FAILED',
          };
        },
        async (ctx) => {
          const { ws, etag } = await workspaceWithBob(ctx);
          return {
            params: { ws },
            headers: { 'If-Match': etag },
            body: { morningDigest: { enabled: true, timeZone: 'Europe/Atlantis' } },
            code: 'VALIDATION.FAILED',
          };
        },
      ],
      403: async (ctx) => {
        const { ws, etag } = await workspaceWithBob(ctx);
        return {
          params: { ws },
          headers: { 'If-Match': etag },
          body: { name: 'Mine' },
          as: BOB,
          code: 'WORKSPACE.OWNER_REQUIRED',
        };
      },
      409: async (ctx) => {
        const { ws } = await workspaceWithBob(ctx);
        await ctx.create('opportunities', { stage: 'proposal' }, ws);
        const etag = (await ctx.send('getWorkspace', { params: { ws } })).headers.etag ?? '';
        return {
          params: { ws },
          headers: { 'If-Match': etag },
          body: { stages: [{ id: 'prospecting', probability: 10, forecastCategory: 'pipeline' }] },
          code: 'WORKSPACE.STAGE_IN_USE',
        };
      },
    },
  },
  listMembers: { ok: async () => ({}) },
  addMember: {
    ok: async (ctx) => ({
      params: { ws: await ctx.workspace() },
      body: { userId: 'dave', role: 'member', name: 'Dave' },
    }),
    also: {
      403: async () => ({
        body: { userId: 'eve', role: 'owner' },
        as: BOB,
        code: 'WORKSPACE.OWNER_REQUIRED',
      }),
      409: async () => ({ body: { userId: BOB.userId, role: 'member' }, code: 'WORKSPACE.MEMBER_EXISTS' }),
    },
  },
  changeMemberRole: {
    ok: async (ctx) => ({
      params: { ws: (await workspaceWithBob(ctx)).ws, userId: BOB.userId },
      body: { role: 'owner' },
    }),
    also: {
      403: async () => ({
        params: { userId: ALICE.userId },
        body: { role: 'member' },
        as: BOB,
        code: 'WORKSPACE.OWNER_REQUIRED',
      }),
      404: async () => ({
        params: { userId: 'nobody' },
        body: { role: 'owner' },
        code: 'WORKSPACE.MEMBER_NOT_FOUND',
      }),
      409: async (ctx) => ({
        params: { ws: await ctx.workspace(), userId: ALICE.userId },
        body: { role: 'member' },
        code: 'WORKSPACE.LAST_OWNER',
      }),
    },
  },
  removeMember: {
    ok: async (ctx) => ({ params: { ws: (await workspaceWithBob(ctx)).ws, userId: BOB.userId } }),
    also: {
      403: async () => ({ params: { userId: ALICE.userId }, as: BOB, code: 'WORKSPACE.OWNER_REQUIRED' }),
      404: async () => ({ params: { userId: 'nobody' }, code: 'WORKSPACE.MEMBER_NOT_FOUND' }),
      409: async (ctx) => ({
        params: { ws: await ctx.workspace(), userId: ALICE.userId },
        code: 'WORKSPACE.LAST_OWNER',
      }),
    },
  },

  listChannels: {
    ok: async (ctx) => {
      await ctx.subscribedChannel();
      return {};
    },
    also: { 403: async () => ({ as: BOB, code: 'WORKSPACE.OWNER_REQUIRED' }) },
  },
  removeChannel: {
    ok: async (ctx) => {
      const { conversationId, etag } = await ctx.subscribedChannel();
      return { params: { conversationId }, headers: { 'If-Match': etag } };
    },
    also: {
      403: async (ctx) => {
        const { conversationId, etag } = await ctx.subscribedChannel();
        return {
          params: { conversationId },
          headers: { 'If-Match': etag },
          as: BOB,
          code: 'WORKSPACE.OWNER_REQUIRED',
        };
      },
      404: async () => ({
        params: { conversationId: '19:unheard@thread.tacv2' },
        headers: { 'If-Match': '"1"' },
        code: 'CHANNEL.NOT_FOUND',
      }),
    },
  },

  listUndeliveredNotifications: {
    ok: async (ctx) => {
      await ctx.deadLetter();
      return {};
    },
    also: {
      400: async () => ({ query: { cursor: 'not-a-cursor' }, code: 'VALIDATION.FAILED' }),
      403: async () => ({ as: BOB, code: 'WORKSPACE.OWNER_REQUIRED' }),
    },
  },
  requeueUndeliveredNotification: {
    ok: async (ctx) => ({ params: { eventId: await ctx.deadLetter() } }),
    also: {
      403: async (ctx) => ({
        params: { eventId: await ctx.deadLetter() },
        as: BOB,
        code: 'WORKSPACE.OWNER_REQUIRED',
      }),
      404: async () => ({ params: { eventId: 'never-dead' }, code: 'NOTIFICATION.NOT_FOUND' }),
    },
  },

  ...recordScenarios('leads'),
  ...recordScenarios('organisations'),
  ...recordScenarios('contacts'),
  ...recordScenarios('opportunities'),
  ...recordScenarios('campaigns'),
  ...recordScenarios('activities'),

  ...activityScenarios(),
  ...reassignScenarios(),
  ...mergeScenarios(),

  listLeadMatches: {
    ok: async (ctx) => {
      const company = `Håland Bygg ${tag('m')}`;
      await ctx.create('organisations', { name: company });
      return { params: { id: (await ctx.create('leads', { company })).id } };
    },
    also: { 404: async () => ({ params: { id: 'no-such-lead' }, code: 'LEAD.NOT_FOUND' }) },
  },
  findDuplicates: {
    ok: async (ctx) => {
      const name = `Fjordlys Logistikk ${tag('d')}`;
      await ctx.create('organisations', { name: `${name} AS`, website: 'https://fjordlys.example' });
      const email = `${tag('dup')}@fjordlys.example`;
      await ctx.create('leads', { email });
      return { query: { email, company: name, website: 'fjordlys.example' } };
    },
    also: { 400: async () => ({ query: {}, code: 'VALIDATION.FAILED' }) },
  },
  convertLead: {
    ok: async (ctx) => ({
      params: { id: (await ctx.create('leads')).id },
      body: { qualification: { budget: true, need: true }, opportunity: { amount: 25000, currency: 'EUR' } },
      headers: { 'Idempotency-Key': tag('convert-') },
    }),
    also: {
      400: async (ctx) => ({
        params: { id: (await ctx.create('leads')).id },
        body: { organisationId: 'no-such-org' },
        code: 'CONVERSION.ORGANISATION_NOT_FOUND',
      }),
      404: async () => ({ params: { id: 'no-such-lead' }, body: {}, code: 'LEAD.NOT_FOUND' }),
      409: async (ctx) => ({
        params: { id: (await ctx.convertedLead()).id },
        body: {},
        code: 'LEAD.ALREADY_CONVERTED',
      }),
    },
  },
  disqualifyLead: {
    ok: async (ctx) => {
      const { id, etag } = await ctx.create('leads');
      return { params: { id }, headers: { 'If-Match': etag }, body: { reason: 'No budget this year' } };
    },
    also: {
      400: async (ctx) => ({
        params: { id: (await ctx.create('leads')).id },
        body: { reason: ' ' },
        code: 'LEAD.REASON_REQUIRED',
      }),
      404: async () => ({ params: { id: 'no-such-lead' }, body: { reason: 'x' }, code: 'LEAD.NOT_FOUND' }),
      409: async (ctx) => ({ params: { id: (await ctx.convertedLead()).id }, body: { reason: 'x' } }),
    },
  },
  reopenLead: {
    ok: async (ctx) => {
      const { id, etag } = await ctx.create('leads');
      const closed = await ctx.send('disqualifyLead', {
        params: { id },
        headers: { 'If-Match': etag },
        body: { reason: 'No budget this year' },
      });
      return { params: { id }, headers: { 'If-Match': closed.headers.etag ?? '' } };
    },
    also: {
      404: async () => ({
        params: { id: 'no-such-lead' },
        headers: { 'If-Match': '"eA"' },
        code: 'LEAD.NOT_FOUND',
      }),
      409: [
        async (ctx) => {
          const { id, etag } = await ctx.create('leads');
          return { params: { id }, headers: { 'If-Match': etag }, code: 'LEAD.INVALID_TRANSITION' };
        },
        async (ctx) => {
          const { id, etag } = await ctx.convertedLead();
          return { params: { id }, headers: { 'If-Match': etag }, code: 'LEAD.READ_ONLY' };
        },
      ],
    },
  },
  getOpportunityHistory: {
    ok: async (ctx) => {
      const { id, etag } = await ctx.create('opportunities');
      await ctx.send('updateOpportunity', {
        params: { id },
        headers: { 'If-Match': etag },
        body: { stage: 'proposal' },
      });
      return { params: { id } };
    },
    also: { 404: async () => ({ params: { id: 'no-such-deal' }, code: 'OPPORTUNITY.NOT_FOUND' }) },
  },
  getBoard: {
    ok: async (ctx) => {
      await ctx.create('opportunities', { amount: 700, stage: 'proposal' });
      await ctx.create('opportunities', { amount: 300, stage: 'proposal' });
      return { query: { limit: '1', owner: 'me' } };
    },
    also: { 400: async () => ({ query: { limit: '0' }, code: 'VALIDATION.FAILED' }) },
  },
  getBoardColumn: {
    ok: async (ctx) => {
      await ctx.create('opportunities', { stage: 'negotiation' });
      await ctx.create('opportunities', { stage: 'negotiation' });
      const board = await ctx.send('getBoard', { query: { limit: '1' } });
      const column = (board.body as { columns: { stage: string; nextCursor: string | null }[] }).columns.find(
        (c) => c.stage === 'negotiation',
      );
      return { params: { stage: 'negotiation' }, query: { limit: '1', cursor: column?.nextCursor ?? '' } };
    },
    also: {
      400: [
        async () => ({ params: { stage: 'no-such-stage' }, code: 'OPPORTUNITY.UNKNOWN_STAGE' }),
        async () => ({ params: { stage: 'negotiation' }, query: { limit: 'x' }, code: 'VALIDATION.FAILED' }),
      ],
    },
  },
  listRecycleBin: {
    ok: async (ctx) => {
      for (const plural of Object.keys(KINDS)) await ctx.deleted(plural);
      return { query: { limit: '1000' } };
    },
    also: { 400: async () => ({ query: { limit: '0' }, code: 'VALIDATION.FAILED' }) },
  },

  ...reportScenarios(),

  importLeads: {
    ok: async () => ({ raw: { type: 'text/csv', data: csv(2, tag('inline')) } }),
    also: {
      202: async () => ({ raw: { type: 'text/csv', data: csv(5, tag('job')) } }),
      400: [
        async () => ({ raw: { type: 'text/csv', data: '' }, code: 'IMPORT.EMPTY_FILE' }),
        async () => ({ raw: { type: 'text/csv', data: 'shoeSize\r\n42' }, code: 'IMPORT.INVALID_HEADER' }),
      ],
      413: async () => ({
        raw: { type: 'text/csv', data: csv(2000, tag('big')) },
        code: 'REQUEST.TOO_LARGE',
      }),
      415: async () => ({
        raw: { type: 'application/json', data: '{}' },
        code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      }),
      429: [
        async (ctx) => {
          const ws = await ctx.workspace();
          await ctx.send('importLeads', {
            server: 'paused',
            params: { ws },
            raw: { type: 'text/csv', data: csv(5, tag('q')) },
          });
          return {
            server: 'paused',
            params: { ws },
            raw: { type: 'text/csv', data: csv(5, tag('q')) },
            code: 'IMPORT.QUEUE_FULL',
          };
        },
        async () => ({
          server: 'full',
          raw: { type: 'text/csv', data: csv(2, tag('s')) },
          code: 'IMPORT.SPOOL_FULL',
        }),
      ],
    },
  },
  ...siblingImportScenarios(),
  previewImport: {
    ok: async () => ({ query: { kind: 'lead' }, raw: { type: 'text/csv', data: csv(3, tag('pv')) } }),
    also: {
      400: [
        async () => ({ raw: { type: 'text/csv', data: '' }, code: 'IMPORT.EMPTY_FILE' }),
        async () => ({
          query: { kind: 'shoe' },
          raw: { type: 'text/csv', data: csv(1, tag('pv')) },
          code: 'VALIDATION.FAILED',
        }),
      ],
      ...uploadRefusals(csv),
    },
  },
  recheckImportPreview: {
    ok: async (ctx) => ({
      params: { id: await previewOf(ctx, csv(3, tag('re'))) },
      body: { mapping: { columns: { company: null } }, duplicates: 'update' },
    }),
    also: {
      400: async (ctx) => ({
        params: { id: await previewOf(ctx, csv(3, tag('re'))) },
        body: { mapping: { columns: { company: 'shoeSize' } } },
        code: 'IMPORT.INVALID_MAPPING',
      }),
      404: async () => ({ params: { id: 'no-such-preview' }, body: {}, code: 'IMPORT.PREVIEW_NOT_FOUND' }),
    },
  },
  startImport: {
    ok: async (ctx) => ({ body: { previewId: await previewOf(ctx, csv(2, tag('st'))) } }),
    also: {
      202: async (ctx) => ({ body: { previewId: await previewOf(ctx, csv(5, tag('stj'))) } }),
      400: async (ctx) => ({
        body: {
          previewId: await previewOf(ctx, csv(2, tag('st'))),
          mapping: { columns: { lastName: null } },
        },
        code: 'IMPORT.INVALID_HEADER',
      }),
      404: async () => ({ body: { previewId: 'no-such-preview' }, code: 'IMPORT.PREVIEW_NOT_FOUND' }),
      429: async (ctx) => {
        const ws = await ctx.workspace();
        await ctx.send('importLeads', {
          server: 'paused',
          params: { ws },
          raw: { type: 'text/csv', data: csv(5, tag('stq')) },
        });
        const previewId = await previewOf(ctx, csv(5, tag('stq')), { server: 'paused', params: { ws } });
        return { server: 'paused', params: { ws }, body: { previewId }, code: 'IMPORT.QUEUE_FULL' };
      },
    },
  },
  readWorkbookSheet: {
    ok: async () => ({ raw: { type: XLSX_TYPE, data: await workbook(csv(2, tag('wb'))) } }),
    also: {
      400: [
        async () => ({ raw: { type: XLSX_TYPE, data: 'not a zip' }, code: 'IMPORT.UNREADABLE_WORKBOOK' }),
        async () => ({ raw: { type: XLSX_TYPE, data: await workbook('') }, code: 'IMPORT.EMPTY_FILE' }),
      ],
      // Over the test servers' 32 KB: refused while it streams in, before it is read as a workbook.
      413: async () => ({
        raw: { type: XLSX_TYPE, data: Buffer.alloc(40 * 1024, 7) },
        code: 'REQUEST.TOO_LARGE',
      }),
      415: async () => ({
        raw: { type: 'text/csv', data: csv(2, tag('wbcsv')) },
        code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      }),
      429: async () => ({
        server: 'full',
        raw: { type: XLSX_TYPE, data: await workbook(csv(2, tag('wbfull'))) },
        code: 'IMPORT.SPOOL_FULL',
      }),
    },
  },
  getImportJob: {
    ok: async (ctx) => {
      const job = await ctx.send('importLeads', { raw: { type: 'text/csv', data: csv(5, tag('poll')) } });
      await ctx.importsIdle();
      return { params: { id: (job.body as { id: string }).id } };
    },
    also: { 404: async () => ({ params: { id: 'no-such-job' }, code: 'IMPORT.NOT_FOUND' }) },
  },
  ...exportScenarios(),
};
