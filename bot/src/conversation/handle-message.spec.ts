import { createWorkspace, type AppDeps } from '@crm/shared/application';
import pino from 'pino';
import { createTranslator } from '../messages/translator';
import { inMemoryAppDeps } from '../testing/in-memory-app';
import { must } from '../testing/must';
import type { ChatMessage } from '../chat/chat-message';
import { actorOf, handleMessage, type ConversationDeps } from './handle-message';

const ANNA = { tenantId: 'tenant-a', userId: 'anna' };
const logger = pino({ level: 'silent' });

/** The repository with one method replaced (the rest keep their class prototype). */
const withMethod = <T extends object>(target: T, name: keyof T, method: unknown): T =>
  Object.assign(Object.create(target) as T, { [name]: method });

describe('handleMessage', () => {
  let app: AppDeps;
  let deps: ConversationDeps;
  beforeEach(async () => {
    app = inMemoryAppDeps();
    deps = { app, translator: createTranslator(), logger };
    must(await createWorkspace(app, ANNA, { name: 'Sales' }));
  });
  const from = (text: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
    text,
    tenantId: ANNA.tenantId,
    userId: ANNA.userId,
    ...extra,
  });

  it('given several workspaces in a personal chat, then a pick list of them and no data', async () => {
    must(await createWorkspace(app, ANNA, { name: 'Accounts' }));
    const reply = await handleMessage(deps, from('leads ada', { locale: 'nl' }));
    expect(reply).toMatchObject({
      kind: 'card',
      summary: 'Je zit in meerdere CRM-werkruimtes. Welke bedoel je?',
      card: {
        actions: [
          { type: 'Action.Execute', title: 'Accounts', verb: 'workspace.pick', data: { text: 'leads ada' } },
          { type: 'Action.Execute', title: 'Sales', verb: 'workspace.pick', data: { text: 'leads ada' } },
        ],
      },
    });
  });

  it('given a domain error from a use case, then its localized text and the detail in the log only', async () => {
    const infos: unknown[] = [];
    let reads = 0;
    // The workspace disappears between resolving it and running the report (a deletion racing the command).
    const racing: AppDeps = {
      ...app,
      workspaces: withMethod(app.workspaces, 'get', (id: string) =>
        ++reads > 1 ? Promise.resolve(undefined) : app.workspaces.get(id),
      ),
    };
    const reply = await handleMessage(
      { ...deps, app: racing, logger: { ...logger, info: (o: unknown) => infos.push(o) } as never },
      from('pipeline', { locale: 'nb-NO' }),
    );
    expect(reply).toEqual({ kind: 'text', text: 'Jeg fant ikke det, eller du har ikke tilgang.' });
    expect(infos).toEqual([expect.objectContaining({ code: 'WORKSPACE.NOT_FOUND', command: 'pipeline' })]);
  });

  it('given storage that throws, then a friendly apology and the error in the log only', async () => {
    const errors: unknown[] = [];
    const broken: AppDeps = {
      ...app,
      workspaces: withMethod(app.workspaces, 'listForUser', () =>
        Promise.reject(new Error('socket hang up at 10.0.0.7')),
      ),
    };
    const reply = await handleMessage(
      { ...deps, app: broken, logger: { ...logger, error: (o: unknown) => errors.push(o) } as never },
      from('pipeline', { locale: 'pt-BR' }),
    );
    expect(reply).toEqual({ kind: 'text', text: 'Algo deu errado do meu lado. Tente de novo em instantes.' });
    expect(JSON.stringify(reply)).not.toContain('socket');
    expect(errors).toHaveLength(1);
  });

  it('given a single-tenant bot and a user of another tenant, then no data', async () => {
    const reply = await handleMessage({ ...deps, tenantId: 'tenant-other' }, from('leads'));
    expect(reply).toEqual({ kind: 'text', text: expect.stringMatching(/cannot tell who you are/) });
  });
});

describe('actorOf', () => {
  it.each([
    [
      { text: '', tenantId: 't', userId: 'u', userName: 'N' },
      undefined,
      { tenantId: 't', userId: 'u', name: 'N' },
    ],
    [{ text: '', tenantId: 't', userId: 'u' }, 't', { tenantId: 't', userId: 'u' }],
    [{ text: '', tenantId: 't', userId: 'u' }, 'other', undefined],
    [{ text: '', userId: 'u' }, undefined, undefined],
    [{ text: '', tenantId: 't' }, undefined, undefined],
  ])('%j with tenant %s → %j', (message, tenant, actor) => {
    expect(actorOf(message, tenant)).toEqual(actor);
  });
});
