import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator } from '../messages/translator';
import { manifestCommandLists, MAX_MANIFEST_COMMANDS } from './manifest-commands';
import { findCommand } from './registry';

const appPackage = join(__dirname, '..', '..', '..', 'appPackage');
const json = (file: string) => JSON.parse(readFileSync(join(appPackage, file), 'utf8'));
const translator = createTranslator();

describe('the manifest’s bot commands', () => {
  const manifest = json('manifest.json');
  const lists: { scopes: string[]; commands: { title: string; description: string }[] }[] =
    manifest.bots[0].commandLists;

  it('are the registry’s, in English, a list per scope of at most ten, each one the bot answers', () => {
    expect(lists).toEqual(manifestCommandLists(translator.forLocale('en').t));
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(MAX_MANIFEST_COMMANDS);
      for (const { title } of list.commands) {
        expect(title === 'help' || findCommand(title) !== undefined).toBe(true);
      }
    }
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    // The day is a personal chat's; channel subscriptions are a team's.
    const titles = (scope: string) =>
      lists.find((l) => l.scopes.includes(scope))!.commands.map((c) => c.title);
    expect(titles('personal')).toContain('today');
    expect(titles('personal')).not.toContain('subscribe');
    expect(titles('team')).not.toContain('today');
  });

  it.each([
    ['nl.json', 'nl'],
    ['pt-BR.json', 'pt-BR'],
    ['nb.json', 'nb'],
  ])('%s describes them in its language, from the bot’s texts', (file, locale) => {
    const texts = json(file);
    manifestCommandLists(translator.forLocale(locale).t).forEach((list, l) => {
      list.commands.forEach((command, i) => {
        expect(texts[`bots[0].commandLists[${l}].commands[${i}].description`]).toBe(command.description);
      });
    });
    const keys = Object.keys(texts).filter((k) => k.startsWith('bots[0].commandLists['));
    expect(keys).toHaveLength(lists.reduce((n, l) => n + l.commands.length, 0));
  });
});
