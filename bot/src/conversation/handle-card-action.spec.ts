import { createLead, createWorkspace, type AppDeps } from '@crm/shared/application';
import pino from 'pino';
import { executeActions } from '../cards/adaptive-card';
import { createTranslator } from '../messages/translator';
import { inMemoryAppDeps } from '../testing/in-memory-app';
import { must } from '../testing/must';
import { handleCardAction } from './handle-card-action';
import type { ConversationDeps } from './handle-message';

const ANNA = { tenantId: 'tenant-a', userId: 'anna' };
const from = { text: '', tenantId: ANNA.tenantId, userId: ANNA.userId, locale: 'en' };

/** Every property name in an Action.Execute's `data`, anywhere in a card. */
const executeDataKeys = (card: unknown): string[] => {
  if (Array.isArray(card)) return card.flatMap(executeDataKeys);
  if (typeof card !== 'object' || card === null) return [];
  const node = card as { type?: unknown; data?: object };
  const own = node.type === 'Action.Execute' && node.data ? Object.keys(node.data) : [];
  return [...own, ...Object.values(card).flatMap(executeDataKeys)];
};

describe('handleCardAction: the qualify card’s Idempotency-Key', () => {
  let app: AppDeps;
  let deps: ConversationDeps;
  let ws: string;
  let leadId: string;
  beforeEach(async () => {
    app = inMemoryAppDeps();
    deps = { app, translator: createTranslator(), logger: pino({ level: 'silent' }) };
    ws = must(await createWorkspace(app, ANNA, { name: 'Sales' })).record.id;
    const lead = must(
      await createLead(app, { actor: ANNA }, ws, { lastName: 'Lovelace', company: 'Engines', source: 'web' }),
    );
    leadId = lead.record.id;
  });
  const press = (verb: string, data: Record<string, unknown>) => handleCardAction(deps, { verb, data, from });
  const converted = async () =>
    (await app.outbox.pending(ws, 50)).filter((p) => p.event.type === 'lead.converted').length;

  it('carries it under a name the Agents Playground lets a press through: no `key` in any button’s data', async () => {
    const { card } = await press('lead.qualify', { ws, leadId });
    const convert = executeActions(card).find((a) => a.verb === 'lead.convert');
    expect(convert?.data).toEqual(expect.objectContaining({ idempotencyKey: expect.any(String) }));
    expect(card.refresh?.action.data).toEqual(
      expect.objectContaining({
        idempotencyKey: (convert!.data as { idempotencyKey: string }).idempotencyKey,
      }),
    );
    // The playground's Adaptive Cards renderer reserves `key` (every card object has one): a button
    // whose data holds it throws on press and sends nothing.
    expect(executeDataKeys(card)).not.toContain('key');
  });

  it('given a card posted before the rename (`key`), when Convert is pressed twice, then the lead converts once', async () => {
    const { card } = await press('lead.qualify', { ws, leadId });
    const { idempotencyKey, ...data } = executeActions(card).find((a) => a.verb === 'lead.convert')!.data as {
      idempotencyKey: string;
    };
    const old = { ...data, key: idempotencyKey, createOpportunity: 'false' };
    const first = await press('lead.convert', old);
    expect(first.everyone).toBeDefined();
    expect(JSON.stringify(first.card)).toContain('converted');
    await press('lead.convert', { ...old });
    // And the new name replays the same conversion.
    await press('lead.convert', { ...data, idempotencyKey, createOpportunity: 'false' });
    expect(await converted()).toBe(1);
  });

  it('given a Convert press without any key, then it is refused as invalid and nothing converts', async () => {
    const { card } = await press('lead.qualify', { ws, leadId });
    const { idempotencyKey: _, ...data } = executeActions(card).find((a) => a.verb === 'lead.convert')!
      .data as {
      idempotencyKey: string;
    };
    const answer = await press('lead.convert', data);
    expect(answer.everyone).toBeUndefined();
    expect(await converted()).toBe(0);
  });
});
