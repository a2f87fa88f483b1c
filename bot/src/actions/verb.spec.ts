import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok } from '@crm/shared';
import { adaptiveCard } from '../cards/adaptive-card';
import { textReply } from '../replies/bot-reply';
import type { ActionContext } from './verb';
import { asCard, verb } from './verb';
import { flag, LeadRef } from './verb-data';
import { CARD_VERBS } from './verbs';

const ctx = {} as ActionContext;

describe('verb()', () => {
  const seen: unknown[] = [];
  const toggle = verb({
    schema: LeadRef.extend({ done: flag }),
    run: async (_ctx, data) => {
      seen.push(data);
      return ok(adaptiveCard([]));
    },
    writes: ({ done }) => done === true,
  });

  it('given data its schema accepts, then the press names its workspace and runs with the parsed data', async () => {
    const press = toggle.read({ ws: 'ws-1', leadId: 'l-1', done: 'true' });
    expect(press).toMatchObject({ ws: 'ws-1', writes: true });
    await press?.run(ctx);
    expect(seen).toEqual([{ ws: 'ws-1', leadId: 'l-1', done: true }]);
  });

  it('given data without a verdict on writing, then the press only shows', () => {
    expect(toggle.read({ ws: 'ws-1', leadId: 'l-1' })?.writes).toBe(false);
    expect(
      verb({ schema: LeadRef, run: async () => ok(adaptiveCard([])) }).read({ ws: 'w', leadId: 'l' }),
    ).toMatchObject({ writes: false });
  });

  it.each([
    ['no workspace', { leadId: 'l-1' }],
    ['an empty workspace', { ws: '', leadId: 'l-1' }],
    ['a number for an id', { ws: 'ws-1', leadId: 7 }],
    ['a flag that is no flag', { ws: 'ws-1', leadId: 'l-1', done: 'yes' }],
    ['no data', undefined],
  ])('given %s, then nothing runs', (_, data) => {
    expect(toggle.read(data)).toBeUndefined();
  });

  it('given a text reply, then the card that replaces the pressed one says it', () => {
    expect(asCard(ok(textReply('Done.')))).toEqual(
      ok(adaptiveCard([{ type: 'TextBlock', text: 'Done.', wrap: true }])),
    );
  });
});

describe('CARD_VERBS', () => {
  const docs = join(__dirname, '..', '..', 'docs', 'cards');
  const sent = new Set(
    readdirSync(docs).flatMap((file) =>
      [...readFileSync(join(docs, file), 'utf8').matchAll(/"verb": "([^"]+)"/g)].flatMap((m) =>
        m[1] ? [m[1]] : [],
      ),
    ),
  );

  it('answers every verb the cards in the gallery send', () => {
    expect(sent.size).toBeGreaterThan(0);
    for (const name of sent) expect([name, CARD_VERBS.has(name)]).toEqual([name, true]);
  });

  it('knows no verb by a name every object has', () => {
    expect(CARD_VERBS.get('constructor')).toBeUndefined();
    expect(CARD_VERBS.get('toString')).toBeUndefined();
  });
});
