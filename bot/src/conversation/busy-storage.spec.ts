import { StorageBusyError } from '@crm/shared';
import { createWorkspace, type AppDeps } from '@crm/shared/application';
import pino from 'pino';
import { createTranslator } from '../messages/translator';
import { inMemoryAppDeps } from '../testing/in-memory-app';
import { must } from '../testing/must';
import type { ChatMessage } from '../chat/chat-message';
import { backingOffWhenBusy } from './busy-storage';
import { handleCardAction } from './handle-card-action';
import { handleCompose } from './handle-compose';
import { handleMessageAction } from './handle-message-action';
import { handleMessage, type ConversationDeps } from './handle-message';
import { handleTeamEvent } from './handle-team-event';

const ANNA = { tenantId: 'tenant-a', userId: 'anna' };
const logger = pino({ level: 'silent' });
const QUICK = { attempts: 3, baseMs: 1, capMs: 5, budgetMs: 5_000 };

/** Workspace reads that storage refuses `times` times (503 ServerBusy), then answers. */
function refusing(app: AppDeps, times: number, ambiguous = false) {
  let refusals = 0;
  const workspaces = Object.assign(Object.create(app.workspaces) as AppDeps['workspaces'], {
    listForUser: (...args: Parameters<AppDeps['workspaces']['listForUser']>) => {
      if (refusals++ < times)
        return Promise.reject(new StorageBusyError('503 ServerBusy (test)', { retryAfterMs: 1, ambiguous }));
      return app.workspaces.listForUser(...args);
    },
  });
  return { app: { ...app, workspaces }, refusals: () => refusals };
}

async function botWith(times: number, ambiguous = false) {
  const base = inMemoryAppDeps();
  must(await createWorkspace(base, ANNA, { name: 'Sales' }));
  const { app, refusals } = refusing(base, times, ambiguous);
  const deps: ConversationDeps = { app, translator: createTranslator(), logger };
  const handlers = backingOffWhenBusy(
    deps,
    {
      onMessage: (message) => handleMessage(deps, message),
      onTeamEvent: (event) => handleTeamEvent(deps, event),
      onCardAction: (action) => handleCardAction(deps, action),
      onCompose: (query) => handleCompose(deps, query),
      onMessageAction: (action) => handleMessageAction(deps, action),
    },
    QUICK,
  );
  return { handlers, refusals };
}

const from = (text: string, locale = 'en'): ChatMessage => ({
  text,
  tenantId: ANNA.tenantId,
  userId: ANNA.userId,
  locale,
});

describe('the bot when storage is busy', () => {
  it('given storage refuses twice, then the command runs again and answers as usual', async () => {
    const { handlers, refusals } = await botWith(2);
    const reply = await handlers.onMessage(from('pipeline'));
    expect(refusals()).toBe(3);
    expect(reply.kind).toBe('card');
  });

  it('given storage stays busy, then three tries and a "busy, try again" line in the person’s language', async () => {
    const { handlers, refusals } = await botWith(99);
    expect(await handlers.onMessage(from('pipeline', 'nl-NL'))).toEqual({
      kind: 'text',
      text: 'Ik heb het nu erg druk. Probeer het over een paar seconden opnieuw.',
    });
    expect(refusals()).toBe(3);
  });

  it('given a write whose answer was lost (ambiguous), then it is not repeated: the busy line at once', async () => {
    const { handlers, refusals } = await botWith(99, true);
    expect(await handlers.onMessage(from('pipeline'))).toEqual({
      kind: 'text',
      text: 'I am very busy right now. Please try again in a few seconds.',
    });
    expect(refusals()).toBe(1);
  });

  it('given a busy compose search, then it finds nothing instead of failing', async () => {
    const { handlers } = await botWith(99);
    expect(await handlers.onCompose({ kind: 'search', text: 'ada', from: from('') })).toEqual([]);
  });
});
