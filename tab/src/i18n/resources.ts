import type { Language } from './i18n';
import { en, type Messages } from './locales/en';
import { nb } from './locales/nb';
import { nl } from './locales/nl';
import { ptBR } from './locales/pt-BR';

/** Every language's messages at once, for specs (the app loads only the one it shows). */
export const RESOURCES: Record<Language, Messages> = { en, nl, 'pt-BR': ptBR, nb };
