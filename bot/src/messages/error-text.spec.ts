import { ERROR_CODES, type ErrorCode } from '@crm/shared';
import { errorMessageKey, errorText } from './error-text';
import { en } from './locales/en';
import { nb } from './locales/nb';
import { nl } from './locales/nl';
import { ptBR } from './locales/pt-BR';
import { createTranslator, LOCALES, pickLocale } from './translator';

const codes = Object.keys(ERROR_CODES) as ErrorCode[];
const translator = createTranslator();

describe('errorText', () => {
  it.each(LOCALES)('gives every error code chat text in %s, never the developer message', (locale) => {
    const { t } = translator.forLocale(locale);
    for (const code of codes) {
      const text = errorText(t, { code });
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toContain(code);
      expect(text).not.toMatch(/{{|}}/);
    }
  });

  it.each([
    ['VALIDATION.FAILED', 'error.invalid'],
    ['CONCURRENCY.STALE', 'error.stale'],
    ['CONCURRENCY.VERSION_REQUIRED', 'error.stale'],
    ['RECORD.NOT_FOUND', 'error.notFound'],
    ['WORKSPACE.FORBIDDEN', 'error.forbidden'],
    ['LEAD.ALREADY_CONVERTED', 'error.conflict'],
    ['RECORD.PURGED', 'error.gone'],
    ['WORKSPACE.NOT_FOUND', 'error.notFound'],
  ] as const)('maps %s to %s', (code, key) => {
    expect(errorMessageKey({ code })).toBe(key);
  });

  it('speaks the reader’s language', () => {
    expect(errorText(translator.forLocale('nl-NL').t, { code: 'CONCURRENCY.STALE' })).toBe(nl['error.stale']);
  });
});

describe('locales', () => {
  it.each([
    ['nl', nl],
    ['pt-BR', ptBR],
    ['nb', nb],
  ])('%s translates every English key, keeping its placeholders', (_locale, messages) => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const placeholders = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();
      expect([key, placeholders(messages[key as keyof typeof en])]).toEqual([key, placeholders(text)]);
    }
  });
});

describe('texts as Teams renders them', () => {
  it.each([
    ['en', en],
    ['nl', nl],
    ['pt-BR', ptBR],
    ['nb', nb],
  ])('%s: no raw < (Teams reads `move <deal> <stage>` as HTML and shows "move :")', (_locale, messages) => {
    for (const [key, text] of Object.entries(messages))
      expect([key, text]).toEqual([key, text.replace(/</g, '&lt;')]);
  });
});

describe('pickLocale', () => {
  it.each([
    ['en-US', 'en'],
    ['nl-NL', 'nl'],
    ['nl-BE', 'nl'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['de-DE', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ])('%s → %s', (tag, locale) => expect(pickLocale(tag)).toBe(locale));

  it('falls back to English text for a language we do not speak', () => {
    expect(translator.forLocale('de-DE').t('leads.none')).toBe(en['leads.none']);
  });
});
