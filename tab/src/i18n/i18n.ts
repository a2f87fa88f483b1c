import i18next, { type i18n } from 'i18next';
import { en, type Messages } from './locales/en';

export const LANGUAGES = ['en', 'nl', 'pt-BR', 'nb'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * English comes with the app (every other language falls back to it); each other language is a chunk
 * of its own, so a user downloads only the one they read.
 */
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Messages>> = {
  nl: () => import('./locales/nl').then((m) => m.nl),
  'pt-BR': () => import('./locales/pt-BR').then((m) => m.ptBR),
  nb: () => import('./locales/nb').then((m) => m.nb),
};

/** Teams locales (`nl-nl`, `pt-br`, `nb-no`, `nn-no`...) or a browser language → one we ship. */
export function pickLanguage(locale: string | undefined): Language {
  const [base = ''] = (locale ?? '').toLowerCase().split(/[-_]/);
  if (base === 'nl') return 'nl';
  // Portuguese of any region: pt-BR is the Portuguese we ship.
  if (base === 'pt') return 'pt-BR';
  if (base === 'nb' || base === 'no' || base === 'nn') return 'nb';
  return 'en';
}

/**
 * One i18next instance per app (no module singleton), ready synchronously with English and the
 * `messages` given (specs pass them all); `loadLanguage` brings in another.
 */
export function createI18n(language: Language, messages: Partial<Record<Language, Messages>> = {}): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    resources: Object.fromEntries(
      Object.entries({ ...messages, en }).map(([lng, texts]) => [lng, { translation: texts }]),
    ),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Switches to `language`, first fetching its messages when the app does not have them yet. */
export async function loadLanguage(instance: i18n, language: Language): Promise<void> {
  if (language !== 'en' && !instance.hasResourceBundle(language, 'translation'))
    instance.addResourceBundle(language, 'translation', await LOADERS[language]());
  await instance.changeLanguage(language);
}
