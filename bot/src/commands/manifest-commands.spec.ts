import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator } from '../messages/translator';
import { manifestCommands, MAX_MANIFEST_COMMANDS } from './manifest-commands';
import { findCommand } from './registry';

const appPackage = join(__dirname, '..', '..', '..', 'appPackage');
const json = (file: string) => JSON.parse(readFileSync(join(appPackage, file), 'utf8'));
const translator = createTranslator();

describe('the manifest’s bot commands', () => {
  const manifest = json('manifest.json');
  const listed: { title: string; description: string }[] = manifest.bots[0].commandLists[0].commands;

  it('are the registry’s, in English, at most ten, each one the bot answers', () => {
    expect(listed).toEqual(manifestCommands(translator.forLocale('en').t));
    expect(listed.length).toBeLessThanOrEqual(MAX_MANIFEST_COMMANDS);
    for (const { title } of listed) expect(title === 'help' || findCommand(title) !== undefined).toBe(true);
  });

  it.each([
    ['nl.json', 'nl'],
    ['pt-BR.json', 'pt-BR'],
    ['nb.json', 'nb'],
  ])('%s describes them in its language, from the bot’s texts', (file, locale) => {
    const texts = json(file);
    manifestCommands(translator.forLocale(locale).t).forEach((command, i) => {
      expect(texts[`bots[0].commandLists[0].commands[${i}].description`]).toBe(command.description);
    });
    const keys = Object.keys(texts).filter((k) => k.startsWith('bots[0].commandLists[0].commands['));
    expect(keys).toHaveLength(listed.length);
  });
});
