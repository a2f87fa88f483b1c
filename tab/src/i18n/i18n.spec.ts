import { ERROR_CODES, LEAD_SOURCES, LEAD_STATUSES, TRANSPORT_CODES } from '@crm/shared';
import { ApiError, errorMessage } from '../api/api-error';
import { createI18n, LANGUAGES, loadLanguage, pickLanguage } from './i18n';
import { RESOURCES } from './resources';

/** Every leaf key of a messages object, as dotted paths. */
const keysOf = (messages: object, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keysOf(value as object, `${prefix}${key}.`),
  );

const english = keysOf(RESOURCES.en).sort();

describe('translations', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the English keys, none blank', (language) => {
    const messages = RESOURCES[language];
    expect(keysOf(messages).sort()).toEqual(english);
    const t = createI18n(language, RESOURCES).t;
    for (const key of english) expect(t(key).trim()).not.toBe('');
  });

  it.each(LANGUAGES)('%s keeps the placeholders of the English text', (language) => {
    const placeholders = (text: string) => (text.match(/{{\w+}}/g) ?? []).sort();
    const en = createI18n('en').t;
    const t = createI18n(language, RESOURCES).t;
    for (const key of english) expect([key, placeholders(t(key))]).toEqual([key, placeholders(en(key))]);
  });

  // axe label-content-name-mismatch: a button's accessible name starts with the text it shows.
  it.each(LANGUAGES)("%s buttons' accessible names start with their visible text", (language) => {
    const t = createI18n(language, RESOURCES).t;
    for (const [shown, name] of [
      ['members.remove', 'members.removeName'],
      ['settings.remove', 'settings.removeName'],
      ['settings.moveUp', 'settings.moveUpName'],
      ['settings.moveDown', 'settings.moveDownName'],
      ['recycleBin.restore', 'recycleBin.restoreName'],
      ['recycleBin.purge', 'recycleBin.purgeName'],
      ['opportunities.edit', 'opportunities.editNamed'],
    ] as const)
      expect([name, t(name, { name: 'Sam', stage: 'Sam' }).startsWith(t(shown))]).toEqual([name, true]);
  });

  it('names every error kind, lead status and lead source', () => {
    const keys = new Set(english);
    for (const kind of new Set([...Object.values(ERROR_CODES), ...Object.values(TRANSPORT_CODES)]))
      expect(keys).toContain(`errors.kind.${kind}`);
    for (const status of LEAD_STATUSES) expect(keys).toContain(`leads.statusLabel.${status}`);
    for (const source of LEAD_SOURCES) expect(keys).toContain(`leads.sourceLabel.${source}`);
  });

  // Every code the API can answer (a use case's or the HTTP layer's), whatever the status it comes with.
  const everyCode = [...Object.keys(ERROR_CODES), ...Object.keys(TRANSPORT_CODES)];

  it.each(LANGUAGES)(
    '%s has a text of its own for every code the API can answer, never the generic one',
    (language) => {
      const t = createI18n(language, RESOURCES).t;
      const generic = t('errors.generic');
      for (const code of everyCode)
        for (const status of [400, 403, 429, 500])
          expect([code, status, errorMessage(new ApiError(status, code), t)]).not.toEqual([
            code,
            status,
            generic,
          ]);
    },
  );

  it('only translates codes that exist', () => {
    const codes = everyCode.map((code) => code.replace(/\./g, '_'));
    expect(codes).toEqual(expect.arrayContaining(Object.keys(RESOURCES.en.errors.code)));
  });
});

describe('loadLanguage', () => {
  it.each(LANGUAGES)('switches an English-only instance to %s, fetching its messages', async (language) => {
    const i18n = createI18n('en');
    await loadLanguage(i18n, language);
    expect(i18n.language).toBe(language);
    expect(i18n.t('app.loading')).toBe(RESOURCES[language].app.loading);
  });
});

describe('pickLanguage', () => {
  it.each([
    ['nl-NL', 'nl'],
    ['nl-be', 'nl'],
    ['pt-BR', 'pt-BR'],
    ['pt-pt', 'pt-BR'],
    ['nb-NO', 'nb'],
    ['nn-no', 'nb'],
    ['no', 'nb'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (locale, language) => {
    expect(pickLanguage(locale)).toBe(language);
  });
});
