import i18next from 'i18next';
import { md } from './markdown';
import { en, type MessageKey } from './locales/en';
import { nb } from './locales/nb';
import { nl } from './locales/nl';
import { ptBR } from './locales/pt-BR';

export const LOCALES = ['en', 'nl', 'pt-BR', 'nb'] as const;
export type Locale = (typeof LOCALES)[number];

export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

/** Text in one locale, and that locale's BCP 47 tag for number formatting. */
export type Localized = { readonly locale: Locale; readonly t: Translate };

export type Translator = { forLocale(activityLocale: string | undefined): Localized };

/** Maps a Teams client locale (`nl-NL`, `pt-BR`, `no`, `de-DE`...) to one we speak; English otherwise. */
export function pickLocale(activityLocale: string | undefined): Locale {
  const tag = (activityLocale ?? '').trim().toLowerCase();
  const language = tag.split(/[-_]/)[0];
  switch (language) {
    case 'nl':
      return 'nl';
    case 'pt':
      return 'pt-BR';
    case 'nb':
    case 'no':
    case 'nn':
      return 'nb';
    default:
      return 'en';
  }
}

/** One i18next instance per process, built by the composition root (no module singleton). */
export function createTranslator(): Translator {
  const i18n = i18next.createInstance();
  void i18n.init({
    initAsync: false,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    // Keys are flat ("help.intro"); texts are Teams markdown, and every value put into one (a
    // name, a search, a reason) is escaped so that it reads as typed and never becomes a link.
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: true, escape: md },
    resources: {
      en: { translation: en },
      nl: { translation: nl },
      'pt-BR': { translation: ptBR },
      nb: { translation: nb },
    },
  });
  return {
    forLocale(activityLocale) {
      const locale = pickLocale(activityLocale);
      const fixed = i18n.getFixedT(locale);
      return { locale, t: (key, values) => fixed(key, values ?? {}) };
    },
  };
}
