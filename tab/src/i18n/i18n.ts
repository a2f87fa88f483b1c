import i18next, { type i18n } from 'i18next';
import { en } from './locales/en';
import { nb } from './locales/nb';
import { nl } from './locales/nl';
import { ptBR } from './locales/pt-BR';

export const LANGUAGES = ['en', 'nl', 'pt-BR', 'nb'] as const;
export type Language = (typeof LANGUAGES)[number];

export const RESOURCES = { en, nl, 'pt-BR': ptBR, nb } as const;

/** Teams locales (`nl-nl`, `pt-br`, `nb-no`, `nn-no`...) or a browser language → one we ship. */
export function pickLanguage(locale: string | undefined): Language {
  const [base = ''] = (locale ?? '').toLowerCase().split(/[-_]/);
  if (base === 'nl') return 'nl';
  // Portuguese of any region: pt-BR is the Portuguese we ship.
  if (base === 'pt') return 'pt-BR';
  if (base === 'nb' || base === 'no' || base === 'nn') return 'nb';
  return 'en';
}

/** One i18next instance per app (no module singleton), ready synchronously: resources are bundled. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    resources: Object.fromEntries(
      Object.entries(RESOURCES).map(([lng, messages]) => [lng, { translation: messages }]),
    ),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
