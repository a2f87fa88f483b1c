import { DEFAULT_STAGES } from '@crm/shared';
import { createTranslator } from '../messages/translator';
import { helpText } from './help.command';
import { splitMove } from './move.command';
import { COMMANDS } from './registry';

const translator = createTranslator();

describe('splitMove', () => {
  it.each([
    ['en', 'Engines rollout proposal', { deal: 'Engines rollout', stage: 'proposal' }],
    ['en', 'Engines rollout closed won', { deal: 'Engines rollout', stage: 'closed-won' }],
    ['en', 'Engines won', { deal: 'Engines', stage: 'closed-won' }],
    ['en', 'Big deal needs-analysis', { deal: 'Big deal', stage: 'needs-analysis' }],
    ['nl', 'Fjorden offerte', { deal: 'Fjorden', stage: 'proposal' }],
    ['en', 'proposal', undefined],
    ['en', 'Engines to the moon', undefined],
  ])('%s: %s → %j', (locale, args, expected) => {
    expect(splitMove(translator.forLocale(locale).t, DEFAULT_STAGES, args)).toEqual(expected);
  });
});

describe('helpText', () => {
  it('lists every command of the registry, in the user’s language', () => {
    const help = helpText(translator.forLocale('pt-BR'));
    for (const command of COMMANDS) expect(help).toContain(`**${command.name}**`);
    expect(help).toContain('**help**');
  });
});
